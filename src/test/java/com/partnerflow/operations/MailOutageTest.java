package com.partnerflow.operations;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.notification.Notification;
import com.partnerflow.notification.NotificationService;
import com.partnerflow.notification.Notifications;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * The mail server goes away while transfers are approved. The shared context's GreenMail keeps running (other
 * tests read it); instead the application's mail sender is pointed at a port where nothing listens, which is what
 * a stopped SMTP server looks like to the client (connection refused), and pointed back afterwards, always.
 */
class MailOutageTest extends IntegrationTest {

    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    Notifications notifications;
    @Autowired
    NotificationService outbox;

    TransferApi api;
    Partner current;
    Partner newPartner;
    String currentUser;
    String newUser;
    Subscriber subscriber;
    int smtpPort;
    int deadPort;

    @BeforeEach
    void freshPartnersAndAnSmtpServerThatIsDown() throws IOException {
        api = new TransferApi(http);
        current = data.partner();
        newPartner = data.partner();
        currentUser = data.partnerUser(current);
        newUser = data.partnerUser(newPartner);
        subscriber = data.subscriber(current);
        smtpPort = smtp().getPort();
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        smtp().setPort(deadPort);
    }

    @AfterEach
    void smtpServerBack() {
        smtp().setPort(smtpPort);
    }

    @Test
    void aLongOutageBecomesAnIncidentNamingTheTransferAndOpsRetryFromCockpitSendsEveryMailOnce() {
        long id = approvedTransfer();
        String instanceId = instanceOf(id);

        // the job executor's own attempt fails at once; the next one is due a minute later
        Job mail = failedMailJob(instanceId);
        assertThat(mail.getRetries()).as("six retries after the first attempt").isEqualTo(6);
        assertThat(mail.getDuedate()).isCloseTo(new Date(System.currentTimeMillis() + Duration.ofMinutes(1).toMillis()), 15_000);
        assertThat(mail.getExceptionMessage()).contains("не отправлено: SMTP-сервер 127.0.0.1:" + deadPort + " недоступен");

        // the retries the job executor would run over the next two hours, all while the server is still down
        for (int retry = 1; retry <= 6; retry++) {
            assertThatThrownBy(() -> management.executeJob(mail.getId())).hasMessageContaining("недоступен");
        }
        assertThat(management.createJobQuery().jobId(mail.getId()).singleResult().getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(instanceId).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TransferProcess.Elements.NOTIFY_TRANSFERRED);
        assertThat(incident.getIncidentMessage())
                .startsWith("«Перевод абонента к другому партнеру» " + id + " (subscriber-transfer), шаг «Уведомить обоих партнеров»: Письмо ")
                .contains("не отправлено: SMTP-сервер 127.0.0.1:" + deadPort + " недоступен (ConnectException");
        // the new partner's mailbox and its employee who submitted, the current partner's mailbox
        assertThat(outbox(id)).extracting(Notification::getStatus).containsOnly(Notification.Status.PENDING).hasSize(3);

        // the server is back; an operator presses «Retry» on the incident in Cockpit (the same REST call, due now)
        smtp().setPort(smtpPort);
        String operator = data.user(Groups.OPS);
        assertThat(retry(newUser, mail.getId()).getStatusCode()).as("a partner may not retry").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(retry(operator, mail.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        awaitEnded(instanceId);
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(outbox(id)).extracting(Notification::getStatus).containsOnly(Notification.Status.SENT);
        assertThat(mailsTo(newPartner.getEmail())).as("exactly once").hasSize(1);
        assertThat(mailsTo(newUser + "@users.test")).as("exactly once").hasSize(1);
        assertThat(mailsTo(current.getEmail())).as("exactly once").hasSize(1);
    }

    @Test
    void anOutageShorterThanTheRetriesHealsByItselfAndEveryMailGoesOutOnce() {
        long id = approvedTransfer();
        String instanceId = instanceOf(id);
        Job mail = failedMailJob(instanceId);
        assertThat(mail.getRetries()).isEqualTo(6);

        // the server returns; the next automatic retry comes (its due date brought forward instead of waiting)
        smtp().setPort(smtpPort);
        management.setJobDuedate(mail.getId(), new Date());

        awaitEnded(instanceId);
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(outbox(id)).extracting(Notification::getStatus).containsOnly(Notification.Status.SENT).hasSize(3);
        assertThat(mailsTo(newPartner.getEmail())).hasSize(1);
        assertThat(mailsTo(newUser + "@users.test")).hasSize(1);
        assertThat(mailsTo(current.getEmail())).hasSize(1);
    }

    private JavaMailSenderImpl smtp() {
        return (JavaMailSenderImpl) mailSender;
    }

    /** Submitted by the new partner, forwarded by vendor staff, agreed by the current partner. */
    private long approvedTransfer() {
        JsonNode created = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF).getBody();
        long id = created.get("id").asLong();
        api.complete("vera", api.task("vera", id).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        assertThat(api.complete(currentUser, api.task(currentUser, id).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return id;
    }

    private String instanceOf(long transferId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(transferId)).singleResult().getId();
    }

    private Job failedMailJob(String instanceId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(instanceId)
                .activityId(TransferProcess.Elements.NOTIFY_TRANSFERRED).singleResult(), job -> job != null && job.getExceptionMessage() != null);
    }

    /** What Cockpit sends for «Retry» with the due date set to now: {@code PUT /job/{id}/retries}. */
    private org.springframework.http.ResponseEntity<String> retry(String user, String jobId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        String now = REST_DATE.format(new Date().toInstant().atOffset(ZoneOffset.UTC));
        return http.exchange("/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT,
                new HttpEntity<>(Map.of("retries", 1, "dueDate", now), headers), String.class);
    }

    private void awaitEnded(String instanceId) {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult().getEndTime()).isNotNull());
    }

    /** A decision outside any process (an invitation) has no mail step to retry: the outbox's schedule does. */
    @Test
    void anInvitationMailedWhileTheServerIsDownGoesOnceTheServerIsBack() {
        ModerationApi moderation = new ModerationApi(http);
        long account = moderation.account(newUser, "Аккаунт во время сбоя почты " + newPartner.getCode());

        moderation.invited(newUser, account, current.getCode());

        String topic = "configuration-account:" + account;
        List<Notification> pending = notifications.findAll().stream().filter(n -> n.getTopic().equals(topic)).toList();
        assertThat(pending).as("the invitation stands; its mail waits").extracting(Notification::getStatus)
                .containsOnly(Notification.Status.PENDING).isNotEmpty();
        outbox.retryOutsideProcesses(Instant.now().plusSeconds(1));
        assertThat(notifications.findAll().stream().filter(n -> n.getTopic().equals(topic)))
                .as("still down: still pending").extracting(Notification::getStatus).containsOnly(Notification.Status.PENDING);

        smtp().setPort(smtpPort);
        outbox.retryOutsideProcesses(Instant.now().plusSeconds(1));
        outbox.retryOutsideProcesses(Instant.now().plusSeconds(1));

        assertThat(notifications.findAll().stream().filter(n -> n.getTopic().equals(topic)))
                .extracting(Notification::getStatus).containsOnly(Notification.Status.SENT);
        assertThat(mailsTo(current.getEmail())).as("sent once").filteredOn(message -> subject(message).contains("Приглашение"))
                .hasSize(1);
    }

    /** What a server killed between a commit and its send left pending goes when the next one starts, not 5 minutes on. */
    @Test
    void aMailTheLastRunLeftPendingGoesAtStartUp() {
        ModerationApi moderation = new ModerationApi(http);
        long account = moderation.account(newUser, "Аккаунт до перезапуска " + newPartner.getCode());
        moderation.invited(newUser, account, current.getCode());
        String topic = "configuration-account:" + account;
        assertThat(notifications.findAll().stream().filter(n -> n.getTopic().equals(topic)))
                .as("the send after the commit failed").extracting(Notification::getStatus).containsOnly(Notification.Status.PENDING);

        smtp().setPort(smtpPort);
        outbox.sendWhatTheLastRunLeft();

        // on the mail threads, so that the start-up's readiness does not wait for the mail server
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications.findAll().stream()
                .filter(n -> n.getTopic().equals(topic))).extracting(Notification::getStatus).containsOnly(Notification.Status.SENT));
        assertThat(mailsTo(current.getEmail())).as("sent once").filteredOn(message -> subject(message).contains("Приглашение"))
                .hasSize(1);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Notification> outbox(long transferId) {
        return notifications.findAll().stream().filter(n -> n.getTopic().equals("transfer:" + transferId)).toList();
    }

    private static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equals(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
