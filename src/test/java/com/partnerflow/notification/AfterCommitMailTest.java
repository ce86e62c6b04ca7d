package com.partnerflow.notification;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.ConnectionsPerThread;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * The «ждет вашего решения» mail of a task is written with the decision that created the task and sent after its
 * commit, without the deciding thread taking a second connection (the REST collapse at 16 clients: every request
 * held one and waited for another, docs/performance.md).
 */
class AfterCommitMailTest extends IntegrationTest {

    /** Camunda's job executor (the starter's {@code camundaTaskExecutor}): a mail step holds its job's connection and takes one per mail. */
    private static final String JOB_THREADS = "camundaTaskExecutor-";
    private static final String MAIL_THREADS = "mail-sender-";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    ConnectionBudget budget;

    @Test
    void aDecisionThatGivesAPartnerATaskHoldsOneConnectionAndTheMailStillGoes() {
        TransferApi api = new TransferApi(http);
        Partner current = data.partner();
        Partner newPartner = data.partner();
        String currentUser = data.partnerUser(current);
        Subscriber subscriber = data.subscriber(current);
        long id = api.submit(data.partnerUser(newPartner), TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF).getBody().get("id").asLong();
        JsonNode review = api.task("vera", id);

        ConnectionsPerThread.reset();
        assertThat(api.complete("vera", review.get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD"))).getStatusCode().value()).isEqualTo(204);

        MimeMessage waiting = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(currentUser + "@users.test",
                "Согласуйте перевод абонента " + subscriber.getNumber()), mail -> mail != null);
        assertThat(waiting).as("the current partner is told the agreement waits").isNotNull();
        Map<String, Integer> peaks = ConnectionsPerThread.peaks();
        peaks.keySet().removeIf(thread -> thread.startsWith(JOB_THREADS));
        assertThat(peaks).as("connections held at once, per thread, besides the job executor's")
                .allSatisfy((thread, peak) -> assertThat(peak).as(thread).isEqualTo(1));
        assertThat(peaks.keySet()).as("the mail is sent on the mail threads").anyMatch(thread -> thread.startsWith(MAIL_THREADS));
    }

    private static MimeMessage mailTo(String recipient, String subjectPart) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(recipient))
                        && message.getSubject().contains(subjectPart);
            } catch (MessagingException unreadable) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    /** A slow SMTP server holds 2 connections per job thread and 1 per mail thread; requests keep their share. */
    @Test
    void theConnectionPoolCoversWhatASlowMailServerMayHold() {
        assertThat(budget.budget()).as("application.yaml's pool and job threads")
                .isEqualTo(new ConnectionBudget.Budget(20, 5, 2)).matches(ConnectionBudget.Budget::met);
        assertThat(new ConnectionBudget.Budget(10, 5, 2).met()).as("Hikari's default pool under 5 job threads").isFalse();
        assertThat(new ConnectionBudget.Budget(20, 6, 2).met()).as("one job thread more").isFalse();
    }
}
