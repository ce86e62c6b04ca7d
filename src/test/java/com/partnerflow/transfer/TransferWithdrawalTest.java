package com.partnerflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.Message;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/**
 * The submitting partner takes its request back over {@code /api} (issue 20: a request abandoned in correction blocked
 * its subscriber for good, so a competitor could keep a client from ever moving). Only before a decision, only its own.
 */
class TransferWithdrawalTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService historyService;

    TransferApi api;
    Partner current;
    Subscriber subscriber;
    String submitter;

    @BeforeEach
    void aSubscriberOfOnePartnerThatAnotherWantsToTakeOver() {
        api = new TransferApi(http);
        current = data.partner();
        subscriber = data.subscriber(current);
        submitter = data.partnerUser(data.partner());
    }

    @Test
    void theSubmitterWithdrawsWhileTheCurrentPartnerIsAskedAndAnotherPartnerMayThenApply() {
        long transferId = api.awaitingAgreement(submitter, subscriber.getNumber(), subscriber.getName());

        ResponseEntity<JsonNode> withdrawn = withdraw(submitter, transferId);

        assertThat(withdrawn.getStatusCode().value()).as("%s", withdrawn.getBody()).isEqualTo(200);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo(TransferStatus.WITHDRAWN.name());
        assertThat(api.task(data.partnerUser(current), transferId)).as("the agreement task is gone").isNull();
        awaitWithdrawn(transferId);
        assertThat(subjectOfMailTo(current.getEmail())).contains("отозван");

        String third = data.partnerUser(data.partner());
        ResponseEntity<JsonNode> next = api.submit(third, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(next.getStatusCode().value()).as("the subscriber is free again: %s", next.getBody()).isEqualTo(201);
    }

    @Test
    void aRequestReturnedForCorrectionIsWithdrawnWithoutBotheringTheCurrentPartner() {
        long transferId = submitted();
        assertThat(api.complete("vera", api.task("vera", transferId).get("id").asText(), Map.of(
                TransferProcess.LETTER_DECISION.name(), TransferApi.string("RETURN"),
                TransferProcess.LETTER_COMMENT.name(), TransferApi.string("Нет подписи"))).getStatusCode().value()).isEqualTo(204);

        assertThat(withdraw(submitter, transferId).getStatusCode().value()).isEqualTo(200);

        awaitWithdrawn(transferId);
        assertThat(api.get(submitter, "/api/transfers/" + transferId).getBody().get("history").toString()).contains("отозван");
    }

    /** In Tasklist the submitter has a task only during the correction: its form offers the withdrawal. */
    @Test
    void theSubmitterWithdrawsFromTheCorrectionFormInTasklist() {
        long transferId = submitted();
        api.complete("vera", api.task("vera", transferId).get("id").asText(), Map.of(
                TransferProcess.LETTER_DECISION.name(), TransferApi.string("RETURN"),
                TransferProcess.LETTER_COMMENT.name(), TransferApi.string("Нет подписи")));
        String correction = api.task(submitter, transferId).get("id").asText();

        ResponseEntity<JsonNode> submitted = http.exchange("/engine-rest/task/" + correction + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of(TransferProcess.CORRECTION_ACTION.name(), TransferApi.string("WITHDRAW"))),
                        jsonHeaders(submitter)), JsonNode.class);

        assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(204);
        assertThat(api.get(submitter, "/api/transfers/" + transferId).getBody().get("status").asText())
                .isEqualTo(TransferStatus.WITHDRAWN.name());
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(transferId)).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo(TransferProcess.Elements.END_WITHDRAWN_ON_CORRECTION);
        ResponseEntity<JsonNode> next = api.submit(data.partnerUser(data.partner()),
                TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF);
        assertThat(next.getStatusCode().value()).as("%s", next.getBody()).isEqualTo(201);
    }

    @Test
    void onlyTheSubmittingPartnerWithdrawsAndOnlyBeforeADecision() {
        long transferId = api.awaitingAgreement(submitter, subscriber.getNumber(), subscriber.getName());

        ResponseEntity<JsonNode> byCurrent = withdraw(data.partnerUser(current), transferId);
        assertThat(byCurrent.getStatusCode().value()).as("%s", byCurrent.getBody()).isEqualTo(403);
        ResponseEntity<JsonNode> byStranger = withdraw(data.partnerUser(data.partner()), transferId);
        assertThat(byStranger.getStatusCode().value()).as("another partner learns nothing: %s", byStranger.getBody()).isEqualTo(404);
        assertThat(api.task(data.partnerUser(current), transferId)).as("refusals change nothing").isNotNull();

        assertThat(api.complete(data.partnerUser(current), api.task(data.partnerUser(current), transferId).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("AGREE"))).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<JsonNode> afterDecision = withdraw(submitter, transferId);
        assertThat(afterDecision.getStatusCode().value()).as("%s", afterDecision.getBody()).isEqualTo(409);
        assertThat(afterDecision.getBody().get("detail").asText()).contains("уже закрыт");
    }

    @Test
    void aWithdrawalIsNotRepeated() {
        long transferId = submitted();
        assertThat(withdraw(submitter, transferId).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> again = withdraw(submitter, transferId);

        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(409);
    }

    private long submitted() {
        ResponseEntity<JsonNode> created = api.submit(submitter, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody().get("id").asLong();
    }

    private static HttpHeaders jsonHeaders(String user) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private ResponseEntity<JsonNode> withdraw(String user, long transferId) {
        return http.exchange("/api/transfers/" + transferId + "/withdrawal", HttpMethod.POST, new HttpEntity<>(TransferApi.basic(user)),
                JsonNode.class);
    }

    /** The instance ended in the withdrawal sub-process, after its mail step. */
    private void awaitWithdrawn(long transferId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(transferId)).singleResult();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(TransferProcess.Elements.END_WITHDRAWN).finished().count()).isEqualTo(1));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getState())
                .isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    }

    private static String subjectOfMailTo(String recipient) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(recipient))
                        && message.getSubject().contains("отозван");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().map(message -> {
            try {
                return message.getSubject();
            } catch (Exception e) {
                return null;
            }
        }).orElse(null), subject -> subject != null);
    }
}
