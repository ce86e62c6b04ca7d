package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferApi.string;
import static com.partnerflow.transfer.TransferApi.transientFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.ReceivedMail;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberAssignment;
import com.partnerflow.subscriber.Subscribers;

/**
 * A transfer through the running application, as its users drive it: the new partner submits over
 * {@code /api}, vendor staff and the current partner complete their tasks over {@code /engine-rest},
 * the job executor sends the mails to a real SMTP server.
 */
class TransferEndToEndTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    Subscribers subscribers;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    TransactionTemplate transaction;

    TransferApi api;
    Partner current;
    Partner newPartner;
    String currentUser;
    String newUser;
    Subscriber subscriber;

    @BeforeEach
    void freshPartnersAndSubscriber() {
        api = new TransferApi(http);
        current = data.partner();
        newPartner = data.partner();
        currentUser = data.partnerUser(current);
        newUser = data.partnerUser(newPartner);
        subscriber = data.subscriber(current);
    }

    @Test
    void agreedTransferMovesTheSubscriberKeepsItsHistoryAndMailsBothPartnersAndTheClient() throws Exception {
        String client = data.clientUser(subscriber);
        long id = submit();

        JsonNode review = api.task("vera", id);
        assertThat(review.get("taskDefinitionKey").asText()).isEqualTo(TransferProcess.Elements.REVIEW_LETTER);
        assertThat(api.complete("vera", review.get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode agreement = api.task(currentUser, id);
        assertThat(agreement.get("taskDefinitionKey").asText()).isEqualTo(TransferProcess.Elements.PARTNER_AGREEMENT);
        assertThat(api.complete(currentUser, agreement.get("id").asText(), Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        awaitEnded(id, TransferProcess.Elements.END_TRANSFERRED);
        transaction.executeWithoutResult(status -> {
            Subscriber moved = subscribers.findByNumber(subscriber.getNumber()).orElseThrow();
            assertThat(moved.getPartner().getCode()).isEqualTo(newPartner.getCode());
            List<SubscriberAssignment> assignments = moved.getAssignments();
            assertThat(assignments).extracting(a -> a.getPartner().getCode()).containsExactly(current.getCode(), newPartner.getCode());
            assertThat(assignments.get(0).getEndedAt()).isNotNull();
            assertThat(assignments.get(1).getTransferId()).isEqualTo(id);
        });
        JsonNode transfer = api.get(newUser, "/api/transfers/" + id).getBody();
        assertThat(transfer.get("status").asText()).isEqualTo("APPROVED");
        assertThat(transfer.get("history")).extracting(event -> event.get("step").asText())
                .containsExactly("SUBMITTED", "LETTER_FORWARDED", "PARTNER_AGREED", "SUBSCRIBER_TRANSFERRED");

        MimeMessage toNew = mailTo(newPartner.getEmail(), "переведен к вам");
        assertThat(ReceivedMail.isTextAndHtml(toNew)).isTrue();
        assertThat(text(toNew)).contains("Запрос на перевод № " + id + " одобрен").contains("Сообщите клиенту о результате перевода");
        assertThat(ReceivedMail.html(toNew)).contains("<title>Абонент " + subscriber.getNumber() + " переведен к вам на обслуживание</title>")
                .contains("Сообщите клиенту о результате перевода");
        assertThat(mailTo(newUser + "@users.test", "переведен к вам")).as("the submitter as well as the partner's mailbox").isNotNull();
        assertThat(text(mailTo(current.getEmail(), "переведен к другому партнеру"))).contains("Вы согласовали перевод.");
        assertThat(text(mailTo(client + "@users.test", "Ваша организация переведена")))
                .contains("переведена на обслуживание к партнеру «" + newPartner.getName() + "»");
    }

    @Test
    void returnedRequestIsCorrectedWithANewLetterThatNeverBecomesAVariable() throws Exception {
        long id = submit();
        String firstLetter = api.get(newUser, "/api/transfers/" + id).getBody().at("/letter/sha256").asText();
        api.complete("vera", api.task("vera", id).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), string("RETURN"), TransferProcess.LETTER_COMMENT.name(), string("Нет подписи директора")));

        JsonNode correction = api.task(newUser, id);
        assertThat(correction.get("assignee").asText()).isEqualTo(newUser);
        MimeMessage waiting = mailTo(newUser + "@users.test", "Исправьте запрос на перевод");
        assertThat(text(waiting)).contains("Что исправить: Нет подписи директора")
                .contains("Открыть задачу: https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + correction.get("id").asText())
                .contains("запрос будет закрыт без рассмотрения");
        byte[] signedLetter = (new String(TransferApi.PDF) + "% подписано\n").getBytes();
        ResponseEntity<JsonNode> corrected = api.complete(newUser, correction.get("id").asText(), Map.of(
                TransferProcess.REASON.name(), string("Исправлено: письмо подписано директором"),
                TransferProcess.LETTER.name(), transientFile("письмо-подписано.pdf", signedLetter)));
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode transfer = api.get(newUser, "/api/transfers/" + id).getBody();
        assertThat(transfer.get("status").asText()).isEqualTo("LETTER_REVIEW");
        assertThat(transfer.get("reason").asText()).startsWith("Исправлено");
        assertThat(transfer.at("/letter/sha256").asText()).isNotEqualTo(firstLetter);
        assertThat(transfer.at("/letter/fileName").asText()).isEqualTo("письмо-подписано.pdf");
        assertThat(history.createHistoricVariableInstanceQuery().variableName(TransferProcess.LETTER.name()).count()).isZero();
        assertThat(history.createHistoricDetailQuery().variableUpdates().list())
                .noneMatch(detail -> detail.toString().contains("variableName=" + TransferProcess.LETTER.name() + ","));
        assertThat(api.task("vera", id).get("taskDefinitionKey").asText()).isEqualTo(TransferProcess.Elements.REVIEW_LETTER);
    }

    @Test
    void objectionRejectedByVendorStaffTellsTheSubmitterWhyAndTheCurrentPartnerAndTheClientTheOutcome() throws Exception {
        String client = data.clientUser(subscriber);
        long id = submit();
        api.complete("vera", api.task("vera", id).get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        api.complete(currentUser, api.task(currentUser, id).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), string("OBJECT"), TransferProcess.PARTNER_COMMENT.name(), string("У клиента задолженность")));
        ResponseEntity<JsonNode> withoutReason = api.complete("vera", api.task("vera", id).get("id").asText(),
                Map.of(TransferProcess.VENDOR_DECISION.name(), string("REJECT")));
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutReason.getBody().get("message").asText()).contains("Укажите причину отклонения");
        assertThat(api.task("vera", id).get("taskDefinitionKey").asText()).isEqualTo(TransferProcess.Elements.VENDOR_DECISION);

        api.complete("vera", api.task("vera", id).get("id").asText(),
                Map.of(TransferProcess.VENDOR_DECISION.name(), string("REJECT"), TransferProcess.VENDOR_COMMENT.name(), string("Сначала погасите задолженность")));

        awaitEnded(id, TransferProcess.Elements.END_REJECTED);
        assertThat(api.get(newUser, "/api/transfers/" + id).getBody().get("status").asText()).isEqualTo("REJECTED");
        MimeMessage rejection = mailTo(newUser + "@users.test", "отклонен");
        assertThat(text(rejection)).contains("Сначала погасите задолженность");
        assertThat(ReceivedMail.html(rejection)).contains("Сначала погасите задолженность");
        MimeMessage toCurrent = mailTo(current.getEmail(), "не состоялся");
        assertThat(toCurrent.getSubject()).isEqualTo("Перевод абонента " + subscriber.getNumber() + " не состоялся: абонент остается у вас");
        assertThat(text(toCurrent)).contains("Сотрудники фирмы отклонили запрос на перевод № " + id)
                .contains("партнер «" + newPartner.getName() + "»").doesNotContain("задолженность");
        MimeMessage toClient = mailTo(client + "@users.test", "не состоялся");
        assertThat(text(toClient)).contains("по-прежнему обслуживается партнером «" + current.getName() + "»");
        transaction.executeWithoutResult(status ->
                assertThat(subscribers.findByNumber(subscriber.getNumber()).orElseThrow().getPartner().getCode())
                        .isEqualTo(current.getCode()));
    }

    /**
     * Vendor staff see beside the letter who submitted (partner and employee) and the partner the letter names, from the
     * domain; a correction may change what the letter names, within the same checks, and the next check shows it.
     */
    @Test
    void theLetterCheckShowsTheSubmitterBesideThePartnerTheLetterNames() {
        Map<String, Object> letter = new java.util.HashMap<>(TransferApi.letter(subscriber.getNumber(), subscriber.getName()));
        letter.put(TransferProcess.REQUESTED_PARTNER_NAME.name(), "ООО «" + newPartner.getName() + "»");
        letter.put(TransferProcess.REQUESTED_PARTNER_CODE.name(), newPartner.getCode());
        ResponseEntity<JsonNode> created = api.submit(newUser, letter, "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();

        JsonNode shown = api.get("vera", "/api/transfers/" + id).getBody();
        assertThat(shown.at("/requestedPartner/name").asText()).isEqualTo("ООО «" + newPartner.getName() + "»");
        assertThat(shown.at("/requestedPartner/code").asText()).isEqualTo(newPartner.getCode());
        String submittedBy = newPartner.getName() + ", код " + newPartner.getCode() + "; сотрудник " + newUser;
        assertThat(reviewForm(id)).containsEntry(TransferProcess.SUBMITTED_BY_LABEL.name(), submittedBy)
                .containsEntry(TransferProcess.REQUESTED_PARTNER_LABEL.name(), "ООО «" + newPartner.getName() + "», код " + newPartner.getCode());

        api.complete("vera", api.task("vera", id).get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(), string("RETURN"),
                TransferProcess.LETTER_COMMENT.name(), string("Приложите письмо на бланке организации")));
        String correction = api.task(newUser, id).get("id").asText();
        ResponseEntity<JsonNode> foreign = api.complete(newUser, correction, Map.of(
                TransferProcess.REQUESTED_PARTNER_CODE.name(), string(current.getCode()),
                // a correction cannot dress up what the reviewer reads either: the next form is filled from the domain
                TransferProcess.SUBMITTED_BY_LABEL.name(), string("Кто-то другой")));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(foreign.getBody().get("message").asText())
                .contains("письмо просит перевести абонента к партнеру с кодом " + current.getCode() + ", а не к вашей организации");
        assertThat(api.task(newUser, id).get("id").asText()).isEqualTo(correction);

        assertThat(api.complete(newUser, correction, Map.of(
                TransferProcess.REQUESTED_PARTNER_NAME.name(), string(newPartner.getName()),
                TransferProcess.REQUESTED_PARTNER_CODE.name(), string(""),
                TransferProcess.SUBMITTED_BY_LABEL.name(), string("Кто-то другой"),
                // nor point the reviewer's letter link at another request (the subscriber's number it cannot change)
                TransferProcess.TRANSFER_ID.name(), Map.of("value", id - 1, "type", "Long"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode corrected = api.get(newUser, "/api/transfers/" + id).getBody().get("requestedPartner");
        assertThat(corrected.get("name").asText()).isEqualTo(newPartner.getName());
        assertThat(corrected.has("code")).as("no code in the corrected letter: %s", corrected).isFalse();
        assertThat(reviewForm(id)).containsEntry(TransferProcess.SUBMITTED_BY_LABEL.name(), submittedBy)
                .containsEntry(TransferProcess.REQUESTED_PARTNER_LABEL.name(), newPartner.getName() + ", код не указан")
                .containsEntry(TransferProcess.TRANSFER_ID.name(), String.valueOf(id))
                .containsEntry(TransferProcess.SUBSCRIBER_NUMBER.name(), subscriber.getNumber());
    }

    /**
     * The current partner's people learn that the agreement waits for them — what, about whom, until when and what
     * happens then, with a link to the task — and are reminded before the silence timer gives their say away.
     */
    @Test
    void theCurrentPartnersPeopleAreMailedWhenTheAgreementWaitsAndRemindedBeforeTheirSayPasses() throws Exception {
        String colleague = data.partnerUser(current);
        long id = submit();
        api.complete("vera", api.task("vera", id).get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        Task agreement = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey(TransferProcess.Elements.PARTNER_AGREEMENT).singleResult();
        String link = "https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + agreement.getId();
        String deadline = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Europe/Moscow"))
                .format(agreement.getCreateTime().toInstant().plus(Duration.ofDays(5)));

        for (String person : List.of(currentUser, colleague)) {
            MimeMessage waiting = mailTo(person + "@users.test", "Согласуйте перевод абонента");
            assertThat(waiting.getSubject()).isEqualTo("Согласуйте перевод абонента " + subscriber.getNumber() + " «" + subscriber.getName()
                    + "» к партнеру «" + newPartner.getName() + "» до " + deadline);
            assertThat(ReceivedMail.isTextAndHtml(waiting)).isTrue();
            assertThat(text(waiting)).contains("Партнер «" + newPartner.getName() + "» (код " + newPartner.getCode() + ")")
                    .contains("Запрос на перевод № " + id)
                    .contains("Если не ответить до " + deadline + ", решение о переводе примут сотрудники фирмы без вашего ответа.")
                    .contains("Открыть задачу: " + link);
            assertThat(ReceivedMail.html(waiting)).contains("href=\"" + link + "\"").contains("решение о переводе примут сотрудники фирмы");
        }
        awaitNothingPendingTo(newUser + "@users.test");
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(message -> recipientIs(message, newUser + "@users.test")))
                .as("the submitter waits for nothing").isEmpty();

        String reminderTimer = management.createJobQuery().processInstanceId(agreement.getProcessInstanceId()).timers()
                .activityId(TransferProcess.Elements.PARTNER_ANSWER_REMINDER).singleResult().getId();
        management.executeJob(reminderTimer);

        MimeMessage reminder = mailTo(currentUser + "@users.test", "Напоминание");
        assertThat(reminder.getSubject()).startsWith("Напоминание. Согласуйте перевод абонента " + subscriber.getNumber()).endsWith("до " + deadline);
        assertThat(text(reminder)).contains("все еще ждет вас").contains("Открыть задачу: " + link);
        assertThat(api.task(currentUser, id).get("id").asText()).as("the task still waits").isEqualTo(agreement.getId());
    }

    /** The submitter is reminded of a returned request before its deadline; past it, the request closes and it is told. */
    @Test
    void anUncorrectedRequestIsRemindedThenClosedAndTheSubmitterTold() throws Exception {
        long id = submit();
        api.complete("vera", api.task("vera", id).get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(), string("RETURN"),
                TransferProcess.LETTER_COMMENT.name(), string("Письмо без печати")));
        Task correction = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey(TransferProcess.Elements.CORRECT_REQUEST).singleResult();
        String instance = correction.getProcessInstanceId();

        management.executeJob(management.createJobQuery().processInstanceId(instance).timers()
                .activityId(TransferProcess.Elements.CORRECTION_REMINDER).singleResult().getId());
        MimeMessage reminder = mailTo(newUser + "@users.test", "Напоминание. Исправьте запрос на перевод");
        assertThat(text(reminder)).contains("Что исправить: Письмо без печати", "запрос будет закрыт без рассмотрения",
                "https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + correction.getId());

        management.executeJob(management.createJobQuery().processInstanceId(instance).timers()
                .activityId(TransferProcess.Elements.CORRECTION_OVERDUE).singleResult().getId());
        awaitEnded(id, TransferProcess.Elements.END_EXPIRED);
        MimeMessage closed = mailTo(newUser + "@users.test", "закрыт");
        assertThat(closed.getSubject()).isEqualTo("Запрос на перевод абонента " + subscriber.getNumber() + " закрыт");
        assertThat(text(closed)).contains("исправление не поступило в срок", "подайте новый запрос");
        assertThat(ReceivedMail.html(closed)).contains("исправление не поступило в срок");
        awaitNothingPendingTo(current.getEmail());
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(message -> recipientIs(message, current.getEmail())))
                .as("the current partner was never asked").isEmpty();
    }

    /** The variables of the letter check's form, as Tasklist reads them for vendor staff. */
    private Map<String, String> reviewForm(long id) {
        JsonNode review = api.task("vera", id);
        assertThat(review.get("taskDefinitionKey").asText()).isEqualTo(TransferProcess.Elements.REVIEW_LETTER);
        JsonNode variables = api.get("vera", "/engine-rest/task/" + review.get("id").asText() + "/form-variables").getBody();
        Map<String, String> values = new java.util.HashMap<>();
        variables.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().path("value").asText()));
        return values;
    }

    private long submit() {
        ResponseEntity<JsonNode> created = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().at("/toPartner/code").asText()).isEqualTo(newPartner.getCode());
        return created.getBody().get("id").asLong();
    }

    private void awaitEnded(long id, String endEvent) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(id)).processDefinitionKey(TransferProcess.KEY).singleResult().getId())
                .activityId(endEvent).count()).isEqualTo(1));
    }

    private static String text(MimeMessage message) throws Exception {
        return ReceivedMail.text(message);
    }

    /** The first mail to the recipient whose subject contains the text, waiting for it. */
    private static MimeMessage mailTo(String recipient, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> recipientIs(message, recipient) && subjectContains(message, subjectPart))
                .findFirst().orElse(null), message -> message != null);
    }

    private static boolean recipientIs(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(address -> address.toString().equals(recipient));
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static boolean subjectContains(MimeMessage message, String part) {
        try {
            return message.getSubject().contains(part);
        } catch (Exception unreadable) {
            return false;
        }
    }
}
