package com.partnerflow.transfer;

import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.Race;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * The transfer's four tasks decided through {@code POST /api/tasks/{id}/{decision}} as a CRM would: each path's typical
 * decision, the form's own checks (422, same words as Tasklist), bad bodies (400), the wrong endpoint for a task (409),
 * another partner (404), a race (409), a task already decided (409) and one claimed by someone else (409).
 */
class TransferTaskApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    TaskService taskService;

    TransferApi transfers;
    TaskApi tasks;
    Partner current;
    String currentUser;
    String newUser;
    String reviewer;
    Subscriber subscriber;

    @BeforeEach
    void freshTransfer() {
        transfers = new TransferApi(http);
        tasks = new TaskApi(http);
        current = data.partner();
        currentUser = data.partnerUser(current);
        newUser = data.partnerUser(data.partner());
        reviewer = data.user(Groups.VENDOR_STAFF);
        subscriber = data.subscriber(current);
    }

    @Test
    void aForwardedLetterAnAgreementAndTheAnswerSayWhereTheRequestStands() {
        long id = submitted();
        ResponseEntity<JsonNode> forwarded = tasks.decide(reviewer, taskOf(reviewer, id), TaskKind.TRANSFER_LETTER_REVIEW,
                body("decision", "FORWARD", "comment", "Письмо в порядке"));

        JsonNode answer = expect(forwarded, 200);
        assertThat(answer.get("kind").asText()).isEqualTo("TRANSFER_LETTER_REVIEW");
        assertThat(answer.at("/request/kind").asText()).isEqualTo("transfers");
        assertThat(answer.at("/request/id").asLong()).isEqualTo(id);
        assertThat(answer.at("/request/href").asText()).isEqualTo("/api/transfers/" + id);
        assertThat(answer.at("/request/status").asText()).isEqualTo("AWAITING_CURRENT_PARTNER");

        JsonNode agreed = expect(tasks.decide(currentUser, taskOf(currentUser, id), TaskKind.TRANSFER_AGREEMENT,
                body("decision", "AGREE")), 200);
        assertThat(agreed.get("kind").asText()).isEqualTo("TRANSFER_AGREEMENT");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("APPROVED"));
        assertThat(steps(id)).contains("LETTER_FORWARDED", "PARTNER_AGREED");
    }

    @Test
    void anObjectionGoesToVendorStaffWhoRejectWithTheReason() {
        long id = forwarded();
        expect(tasks.decide(currentUser, taskOf(currentUser, id), TaskKind.TRANSFER_AGREEMENT,
                body("decision", "OBJECT", "comment", "Клиент не расторг договор")), 200);

        JsonNode rejected = expect(tasks.decide(reviewer, taskOf(reviewer, id), TaskKind.TRANSFER_VENDOR_DECISION,
                body("decision", "REJECT", "comment", "Клиент должен расторгнуть договор")), 200);

        assertThat(rejected.get("kind").asText()).isEqualTo("TRANSFER_VENDOR_DECISION");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("REJECTED"));
        assertThat(steps(id)).contains("PARTNER_OBJECTED", "VENDOR_REJECTED");
    }

    @Test
    void aReturnedRequestIsCorrectedWithANewLetterAsMultipartAndReviewedAgain() {
        long id = submitted();
        expect(tasks.decide(reviewer, taskOf(reviewer, id), TaskKind.TRANSFER_LETTER_REVIEW,
                body("decision", "RETURN", "comment", "Нечитаемый скан")), 200);

        ResponseEntity<JsonNode> corrected = tasks.decideMultipart(newUser, taskOf(newUser, id), TaskKind.TRANSFER_CORRECTION,
                Map.of("decision", "RESUBMIT", "reason", "Клиент переходит к нам: новый скан"), "letter", "скан.pdf", TransferApi.PDF);

        JsonNode answer = expect(corrected, 200);
        assertThat(answer.get("kind").asText()).isEqualTo("TRANSFER_CORRECTION");
        assertThat(answer.at("/request/status").asText()).isEqualTo("LETTER_REVIEW");
        JsonNode transfer = transfers.get(newUser, "/api/transfers/" + id).getBody();
        assertThat(transfer.toString()).contains("Клиент переходит к нам: новый скан");
        assertThat(http.exchange("/api/transfers/" + id + "/letter", HttpMethod.GET, new HttpEntity<>(basicOnly(newUser)),
                byte[].class).getHeaders().getContentDisposition().getFilename()).isEqualTo("скан.pdf");
    }

    @Test
    void aReturnedRequestIsWithdrawnFromTheCorrection() {
        long id = submitted();
        expect(tasks.decide(reviewer, taskOf(reviewer, id), TaskKind.TRANSFER_LETTER_REVIEW,
                body("decision", "RETURN", "comment", "Нечитаемый скан")), 200);

        JsonNode answer = expect(tasks.decideMultipart(newUser, taskOf(newUser, id), TaskKind.TRANSFER_CORRECTION,
                Map.of("decision", "WITHDRAW"), null, null, null), 200);

        assertThat(answer.at("/request/status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theFormsOwnCheckAnswers422WithTasklistsWords() {
        long id = submitted();

        ResponseEntity<JsonNode> noComment = tasks.decide(reviewer, taskOf(reviewer, id), TaskKind.TRANSFER_LETTER_REVIEW,
                body("decision", "RETURN"));

        assertThat(expect(noComment, 422).get("detail").asText()).isEqualTo("Укажите, что нужно исправить.");
        assertThat(status(id)).isEqualTo("LETTER_REVIEW");
    }

    @Test
    void aBodyWithoutADecisionOrWithAnUnknownOneIsA400NamingTheField() {
        long id = submitted();
        String taskId = taskOf(reviewer, id);

        assertThat(expect(tasks.decide(reviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW, body("comment", "?")), 400)
                .get("detail").asText()).contains("decision");
        assertThat(expect(tasks.decide(reviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW, body("decision", "MAYBE")), 400)
                .get("detail").asText()).contains("decision").contains("FORWARD, RETURN, REJECT");
        assertThat(expect(tasks.decide(reviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW,
                body("decision", "REJECT", "comment", "я".repeat(2001))), 400).get("detail").asText()).contains("comment");
        assertThat(status(id)).isEqualTo("LETTER_REVIEW");
    }

    @Test
    void aTaskAtAnotherKindsEndpointIsAConflictNamingTheRightOne() {
        long id = submitted();
        String taskId = taskOf(reviewer, id);

        ResponseEntity<JsonNode> wrong = tasks.decide(reviewer, taskId, TaskKind.TRANSFER_VENDOR_DECISION, body("decision", "APPROVE"));

        assertThat(expect(wrong, 409).get("detail").asText()).contains("/api/tasks/" + taskId + "/letter-review");
        assertThat(status(id)).isEqualTo("LETTER_REVIEW");
    }

    @Test
    void anotherPartnerCannotAnswerTheAgreementNorTellThatItExists() {
        long id = forwarded();
        String taskId = taskOf(currentUser, id);
        String outsider = data.partnerUser(data.partner());

        ResponseEntity<JsonNode> hostile = tasks.decide(outsider, taskId, TaskKind.TRANSFER_AGREEMENT, body("decision", "AGREE"));
        ResponseEntity<JsonNode> submitter = tasks.decide(newUser, taskId, TaskKind.TRANSFER_AGREEMENT, body("decision", "AGREE"));
        ResponseEntity<JsonNode> unknown = tasks.decide(outsider, "no-such-task", TaskKind.TRANSFER_AGREEMENT, body("decision", "AGREE"));

        assertThat(expect(hostile, 404).get("detail").asText()).isEqualTo("Задача не найдена.");
        assertThat(expect(submitter, 404).get("detail").asText()).isEqualTo("Задача не найдена.");
        assertThat(expect(unknown, 404).get("detail").asText()).isEqualTo("Задача не найдена.");
        assertThat(status(id)).isEqualTo("AWAITING_CURRENT_PARTNER");
    }

    @Test
    void aDecidedTaskIsAConflictSayingWhoDecidedIt() {
        long id = submitted();
        String taskId = taskOf(reviewer, id);
        String otherReviewer = data.user(Groups.VENDOR_STAFF);
        expect(tasks.decide(reviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW, body("decision", "FORWARD")), 200);

        ResponseEntity<JsonNode> again = tasks.decide(reviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW, body("decision", "FORWARD"));
        ResponseEntity<JsonNode> late = tasks.decide(otherReviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW,
                body("decision", "REJECT", "comment", "Без подписи"));

        assertThat(expect(again, 409).get("detail").asText()).startsWith("Вы уже выполнили эту задачу");
        assertThat(expect(late, 409).get("detail").asText()).startsWith("Задачу уже выполнил другой пользователь");
        assertThat(steps(id)).containsOnlyOnce("LETTER_FORWARDED").doesNotContain("LETTER_REJECTED");
    }

    @Test
    void aTaskClaimedBySomeoneElseIsAConflict() {
        long id = submitted();
        String taskId = taskOf(reviewer, id);
        String otherReviewer = data.user(Groups.VENDOR_STAFF);
        taskService.claim(taskId, otherReviewer);

        ResponseEntity<JsonNode> refused = tasks.decide(reviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW, body("decision", "FORWARD"));

        assertThat(expect(refused, 409).get("detail").asText()).startsWith("Задачу уже взял в работу другой пользователь");
        assertThat(expect(tasks.decide(otherReviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW, body("decision", "FORWARD")), 200)
                .at("/request/status").asText()).isEqualTo("AWAITING_CURRENT_PARTNER");
    }

    @RepeatedTest(4)
    void twoReviewersDecidingAtOnceGetOneDecisionAndOneConflict() {
        long id = submitted();
        String taskId = taskOf(reviewer, id);
        String otherReviewer = data.user(Groups.VENDOR_STAFF);

        List<ResponseEntity<JsonNode>> answers = Race.of(
                () -> tasks.decide(reviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW, body("decision", "FORWARD")),
                () -> tasks.decide(otherReviewer, taskId, TaskKind.TRANSFER_LETTER_REVIEW,
                        body("decision", "REJECT", "comment", "Без подписи")));

        List<Integer> statuses = answers.stream().map(answer -> answer.getStatusCode().value()).toList();
        assertThat(statuses).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
        assertThat(answers.get(statuses.indexOf(409)).getBody().get("detail").asText()).contains("другой пользователь");
        assertThat(steps(id).stream().filter(step -> step.startsWith("LETTER_"))).hasSize(1);
    }

    private long submitted() {
        ResponseEntity<JsonNode> created = transfers.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        return expect(created, 201).get("id").asLong();
    }

    private long forwarded() {
        long id = submitted();
        expect(tasks.decide(reviewer, taskOf(reviewer, id), TaskKind.TRANSFER_LETTER_REVIEW, body("decision", "FORWARD")), 200);
        return id;
    }

    /** The id of the transfer's open task the user sees, once it exists (some follow an asynchronous step). */
    private String taskOf(String user, long transferId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> transfers.task(user, transferId), task -> task != null)
                .get("id").asText();
    }

    private String status(long transferId) {
        return transfers.get(reviewer, "/api/transfers/" + transferId).getBody().get("status").asText();
    }

    private List<String> steps(long transferId) {
        JsonNode transfer = transfers.get(reviewer, "/api/transfers/" + transferId).getBody();
        return StreamSupport.stream(transfer.get("history").spliterator(), false).map(event -> event.get("step").asText()).toList();
    }

    private static HttpHeaders basicOnly(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return headers;
    }

}
