package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.IntegrationTest;
import com.partnerflow.Race;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;

/**
 * Two people acting on the same thing at the same moment: exactly one wins, the other is told so
 * with a 409 and a Russian message, and the domain shows the winner's decision. Each race is run
 * several times, so both interleavings (the loser fails on the concurrent write, or finds the work
 * already done) occur.
 */
class TransferRaceTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;
    @Autowired
    SubscriberService subscribers;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    TransferApi api;
    Partner current;
    String newUser;
    Subscriber subscriber;
    String reviewer;
    String otherReviewer;

    @BeforeEach
    void freshTransfer() {
        api = new TransferApi(http);
        current = data.partner();
        newUser = data.partnerUser(data.partner());
        subscriber = data.subscriber(current);
        reviewer = data.user(Groups.VENDOR_STAFF);
        otherReviewer = data.user(Groups.VENDOR_STAFF);
    }

    /**
     * A submission waits for a transaction that holds the subscriber — an approval moving it to another partner — and
     * names the partner serving it after that. It read the partner the client had just left, so the agreement went to a
     * partner that no longer served it (an outside-in test under load, 2026-12-06).
     */
    @Test
    void aSubmissionWaitsForTheSubscriberBeingMovedAndNamesItsNewPartner() throws Exception {
        Partner newServicer = data.partner();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> move = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            // what an approval does to the subscriber, held open
            subscribers.lockedByNumber(subscriber.getNumber()).orElseThrow().transferTo(newServicer, null, Instant.now());
            held.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<ResponseEntity<JsonNode>> submitted = CompletableFuture.supplyAsync(() -> api.submit(newUser,
                TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !submitted.isDone());
        commit.countDown();
        move.get(30, TimeUnit.SECONDS);

        ResponseEntity<JsonNode> answer = submitted.get(30, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().at("/fromPartner/code").asText()).as("the partner serving the client now")
                .isEqualTo(newServicer.getCode());
    }

    @RepeatedTest(6)
    void twoReviewersCompletingTheSameTaskOverEngineRestGetOneSuccessAndOneConflict() {
        long id = submit();
        String taskId = api.task(reviewer, id).get("id").asText();

        List<ResponseEntity<JsonNode>> answers = Race.of(
                () -> api.complete(reviewer, taskId, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD"))),
                () -> api.complete(otherReviewer, taskId, Map.of(TransferProcess.LETTER_DECISION.name(), string("REJECT"),
                        TransferProcess.LETTER_COMMENT.name(), string("Письмо без подписи"))));

        List<Integer> statuses = answers.stream().map(answer -> answer.getStatusCode().value()).toList();
        assertThat(statuses).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
        JsonNode loser = answers.get(statuses.indexOf(409)).getBody();
        assertConflictMessage(loser);
        assertWinnerDecided(id, statuses.indexOf(204) == 0 ? "LETTER_FORWARDED" : "LETTER_REJECTED");
    }

    @RepeatedTest(6)
    void twoReviewersSubmittingTheSameTaskFormInTasklistGetOneSuccessAndOneConflict() throws Exception {
        long id = submit();
        String taskId = api.task(reviewer, id).get("id").asText();
        TasklistSession first = TasklistSession.login(port, reviewer);
        TasklistSession second = TasklistSession.login(port, otherReviewer);

        List<HttpResponse<String>> answers = Race.of(
                () -> first.submitForm(taskId, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD"))),
                () -> second.submitForm(taskId, Map.of(TransferProcess.LETTER_DECISION.name(), string("REJECT"),
                        TransferProcess.LETTER_COMMENT.name(), string("Письмо без подписи"))));

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as(answers.stream().map(HttpResponse::body).toList().toString()).containsExactlyInAnyOrder(204, 409);
        assertConflictMessage(JSON.readTree(answers.get(statuses.indexOf(409)).body()));
        assertWinnerDecided(id, statuses.indexOf(204) == 0 ? "LETTER_FORWARDED" : "LETTER_REJECTED");
    }

    @RepeatedTest(4)
    void twoReviewersClaimingTheSameTaskInTasklistGetOneSuccessAndOneConflict() throws Exception {
        long id = submit();
        String taskId = api.task(reviewer, id).get("id").asText();
        TasklistSession first = TasklistSession.login(port, reviewer);
        TasklistSession second = TasklistSession.login(port, otherReviewer);

        List<HttpResponse<String>> answers = Race.of(
                () -> first.post("/api/engine/engine/default/task/" + taskId + "/claim", Map.of("userId", reviewer)),
                () -> second.post("/api/engine/engine/default/task/" + taskId + "/claim", Map.of("userId", otherReviewer)));

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as(answers.stream().map(HttpResponse::body).toList().toString()).containsExactlyInAnyOrder(204, 409);
        assertThat(JSON.readTree(answers.get(statuses.indexOf(409)).body()).get("message").asText()).contains("уже взял");
        String winner = statuses.indexOf(204) == 0 ? reviewer : otherReviewer;
        assertThat(api.task(reviewer, id).get("assignee").asText()).isEqualTo(winner);
    }

    @Test
    void aReviewerCompletingATaskAnotherJustCompletedGetsAConflictOnBothRoutes() throws Exception {
        long id = submit();
        String taskId = api.task(reviewer, id).get("id").asText();
        assertThat(api.complete(reviewer, taskId, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> late = api.complete(otherReviewer, taskId, Map.of(TransferProcess.LETTER_DECISION.name(), string("REJECT"),
                TransferProcess.LETTER_COMMENT.name(), string("Письмо без подписи")));
        HttpResponse<String> lateInTasklist = TasklistSession.login(port, otherReviewer)
                .submitForm(taskId, Map.of(TransferProcess.LETTER_DECISION.name(), string("REJECT")));

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertConflictMessage(late.getBody());
        assertThat(lateInTasklist.statusCode()).as(lateInTasklist.body()).isEqualTo(409);
        assertConflictMessage(JSON.readTree(lateInTasklist.body()));
        assertWinnerDecided(id, "LETTER_FORWARDED");
    }

    @Test
    void completingATaskThatNeverExistedIsNoConflict() {
        ResponseEntity<JsonNode> answer = api.complete(reviewer, "no-such-task", Map.of());

        assertThat(answer.getStatusCode()).isNotEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getStatusCode().isError()).isTrue();
    }

    @RepeatedTest(6)
    void twoPartnersOpeningATransferForOneSubscriberAtOnceGetOneCreatedAndOneConflict() {
        String otherNewUser = data.partnerUser(data.partner());
        long instancesBefore = instances();

        List<ResponseEntity<JsonNode>> answers = Race.of(
                () -> api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "letter.pdf", TransferApi.PDF),
                () -> api.submit(otherNewUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "letter.pdf", TransferApi.PDF));

        List<Integer> statuses = answers.stream().map(answer -> answer.getStatusCode().value()).toList();
        assertThat(statuses).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
        assertThat(answers.get(statuses.indexOf(409)).getBody().get("detail").asText()).contains("уже открыт запрос на перевод");
        long winnerId = answers.get(statuses.indexOf(201)).getBody().get("id").asLong();
        JsonNode all = api.get("vera", "/api/transfers?size=100").getBody().get("content");
        assertThat(StreamSupport.stream(all.spliterator(), false)
                .filter(transfer -> transfer.at("/subscriber/number").asText().equals(subscriber.getNumber())))
                .extracting(transfer -> transfer.get("id").asLong()).containsExactly(winnerId);
        assertThat(instances()).isEqualTo(instancesBefore + 1);
    }

    private long instances() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY).count();
    }

    private long submit() {
        ResponseEntity<JsonNode> response = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "letter.pdf", TransferApi.PDF);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asLong();
    }

    private static void assertConflictMessage(JsonNode loser) {
        assertThat(loser.get("type").asText()).isEqualTo("TaskConflict");
        assertThat(loser.get("message").asText()).contains("другой пользователь");
    }

    private void assertWinnerDecided(long id, String winnersStep) {
        JsonNode transfer = api.get(reviewer, "/api/transfers/" + id).getBody();
        List<String> steps = StreamSupport.stream(transfer.get("history").spliterator(), false).map(e -> e.get("step").asText()).toList();
        assertThat(steps).as(transfer.toString()).contains(winnersStep).doesNotContain(
                winnersStep.equals("LETTER_FORWARDED") ? "LETTER_REJECTED" : "LETTER_FORWARDED");
        assertThat(steps.stream().filter(step -> step.startsWith("LETTER_"))).hasSize(1);
    }
}
