package com.partnerflow.security;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * Login everywhere, and partner isolation: a partner sees and acts on the requests it is involved
 * in, and nothing of anyone else's, through {@code /api} and {@code /engine-rest} alike.
 */
class TransferSecurityTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    TransferApi api;
    Partner current;
    Partner newPartner;
    String currentUser;
    String newUser;
    String outsider;
    long transferId;

    @BeforeEach
    void aTransferBetweenTwoPartnersAndAThirdPartnerWatching() {
        api = new TransferApi(http);
        current = data.partner();
        newPartner = data.partner();
        currentUser = data.partnerUser(current);
        newUser = data.partnerUser(newPartner);
        outsider = data.partnerUser(data.partner());
        Subscriber subscriber = data.subscriber(current);
        ResponseEntity<JsonNode> created = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        transferId = created.getBody().get("id").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/transfers", "/engine-rest/task", "/engine-rest/process-instance",
            "/engine-rest/history/process-instance", "/v3/api-docs", "/actuator/metrics", "/actuator/prometheus"})
    void everyApiNeedsALogin(String path) {
        assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(null)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a user of its own: Camunda locks an account for a while after a wrong password
        HttpHeaders wrongPassword = new HttpHeaders();
        wrongPassword.setBasicAuth(outsider, "wrong");
        assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(wrongPassword), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthProbeIsOpenForLoadBalancers() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void bothInvolvedPartnersSeeTheRequestItsInstanceAndItsHistory() {
        for (String user : new String[] {newUser, currentUser, "vera"}) {
            assertThat(api.get(user, "/api/transfers/" + transferId).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(instances(user, "/engine-rest/process-instance?businessKey=")).as(user).isEqualTo(1);
            assertThat(instances(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=")).as(user).isEqualTo(1);
        }
        assertThat(ids(api.get(newUser, "/api/transfers?size=100").getBody())).contains(transferId);
    }

    @Test
    void anotherPartnerSeesNothingOfTheRequest() {
        assertThat(api.get(outsider, "/api/transfers/" + transferId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(outsider, "/api/transfers/" + transferId + "/letter").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ids(api.get(outsider, "/api/transfers?size=100").getBody())).doesNotContain(transferId);
        assertThat(instances(outsider, "/engine-rest/process-instance?businessKey=")).isZero();
        assertThat(instances(outsider, "/engine-rest/history/process-instance?processInstanceBusinessKey=")).isZero();
        assertThat(api.task(outsider, transferId)).isNull();
        assertThat(api.get(outsider, "/engine-rest/history/task?processDefinitionKey=" + TransferProcess.KEY
                + "&processInstanceBusinessKey=" + transferId + "&maxResults=10")
                .getBody()).isEmpty();
    }

    @Test
    void anotherPartnerCannotCompleteOrClaimTheCurrentPartnersTask() {
        String reviewTask = api.task("vera", transferId).get("id").asText();
        api.complete("vera", reviewTask, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        String agreementTask = api.task(currentUser, transferId).get("id").asText();

        ResponseEntity<JsonNode> completed = api.complete(outsider, agreementTask, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        assertThat(completed.getStatusCode().value()).isIn(403, 404);
        ResponseEntity<JsonNode> claimed = http.exchange("/engine-rest/task/" + agreementTask + "/claim", HttpMethod.POST,
                json(outsider, Map.of("userId", outsider)), JsonNode.class);
        assertThat(claimed.getStatusCode().value()).isIn(403, 404);
        ResponseEntity<JsonNode> byTheNewPartner = api.complete(newUser, agreementTask, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        assertThat(byTheNewPartner.getStatusCode().value()).as("the requesting partner cannot agree in the current one's place").isIn(403, 404);

        assertThat(api.task(currentUser, transferId).get("id").asText()).isEqualTo(agreementTask);
        assertThat(api.get(newUser, "/api/transfers/" + transferId).getBody().get("status").asText())
                .isEqualTo("AWAITING_CURRENT_PARTNER");
    }

    @Test
    void theNewPartnerIsAlwaysTheSubmittersOwnWhateverTheRequestClaims() {
        Subscriber another = data.subscriber(current);
        Map<String, Object> spoofed = new HashMap<>(TransferApi.letter(another.getNumber(), another.getName()));
        spoofed.put("toPartner", current.getCode());
        spoofed.put("targetPartnerCode", "ALFA");
        spoofed.put("newPartnerGroup", "partner-ALFA");
        ResponseEntity<JsonNode> created = api.submit(newUser, spoofed, "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().at("/toPartner/code").asText()).isEqualTo(newPartner.getCode());

        Subscriber third = data.subscriber(current);
        Map<String, Object> variables = new HashMap<>();
        TransferApi.letter(third.getNumber(), third.getName()).forEach((name, value) -> variables.put(name, string((String) value)));
        variables.put(TransferProcess.LETTER.name(), TransferApi.transientFile("письмо.pdf", TransferApi.PDF));
        variables.put("newPartnerGroup", string("partner-ALFA"));
        variables.put("submitter", string("anna"));
        ResponseEntity<JsonNode> started = http.exchange("/engine-rest/process-definition/key/subscriber-transfer/start",
                HttpMethod.POST, json(newUser, Map.of("variables", variables)), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        long startedId = started.getBody().get("businessKey").asLong();
        JsonNode transfer = api.get(newUser, "/api/transfers/" + startedId).getBody();
        assertThat(transfer.at("/toPartner/code").asText()).isEqualTo(newPartner.getCode());
        assertThat(transfer.get("submittedBy").asText()).isEqualTo(newUser);
    }

    @Test
    void onlyPartnersStartTransfers() {
        Subscriber subscriber = data.subscriber(current);
        ResponseEntity<JsonNode> byVendorStaff = api.submit("vera", TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(byVendorStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byVendorStaff.getBody().get("detail").asText()).contains("Недостаточно прав");
    }

    @Test
    void variablesSetWhileWorkingATaskCannotRedirectTheProcess() {
        api.complete("vera", api.task("vera", transferId).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), string("RETURN"),
                        TransferProcess.LETTER_COMMENT.name(), string("Нужна подпись")));
        String outsiderGroup = data.partnerGroupOf(outsider);
        ResponseEntity<JsonNode> tampered = api.complete(newUser, api.task(newUser, transferId).get("id").asText(), Map.of(
                "currentPartnerGroup", string(outsiderGroup),
                "partnerAnswerTimeout", string("PT1S"),
                TransferProcess.TRANSFER_ID.name(), Map.of("value", 1, "type", "Long"),
                TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        assertThat(tampered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode review = api.task("vera", transferId);
        assertThat(review.get("taskDefinitionKey").asText()).as("the pre-set decision did not skip the review")
                .isEqualTo(TransferProcess.Elements.REVIEW_LETTER);
        api.complete("vera", review.get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));

        assertThat(api.task(outsider, transferId)).as("the agreement did not go to the outsider").isNull();
        assertThat(api.task(currentUser, transferId).get("taskDefinitionKey").asText())
                .isEqualTo(TransferProcess.Elements.PARTNER_AGREEMENT);
        String instanceId = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(transferId)).processDefinitionKey(TransferProcess.KEY).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instanceId).timers()
                .activityId(TransferProcess.Elements.PARTNER_ANSWER_OVERDUE).singleResult();
        assertThat(timer.getDuedate()).as("the deadline is the configured one, not the tampered PT1S")
                .isAfter(Date.from(Instant.now().plus(Duration.ofDays(4))));
    }

    @Test
    void aLetterSentAsAPersistentVariableIsRefusedAndNothingIsStored() {
        Subscriber subscriber = data.subscriber(current);
        long instancesBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY).count();
        Map<String, Object> variables = new HashMap<>();
        TransferApi.letter(subscriber.getNumber(), subscriber.getName()).forEach((name, value) -> variables.put(name, string((String) value)));
        variables.put(TransferProcess.LETTER.name(), Map.of("value", java.util.Base64.getEncoder().encodeToString(TransferApi.PDF),
                "type", "File", "valueInfo", Map.of("filename", "письмо.pdf", "mimeType", "application/pdf")));

        ResponseEntity<JsonNode> started = http.exchange("/engine-rest/process-definition/key/subscriber-transfer/start",
                HttpMethod.POST, json(newUser, Map.of("variables", variables)), JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(started.getBody().get("message").asText()).contains("временной переменной");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY).count())
                .isEqualTo(instancesBefore);
        assertThat(history.createHistoricVariableInstanceQuery().variableName(TransferProcess.LETTER.name()).count()).isZero();
    }

    private int instances(String user, String pathWithKey) {
        // the process key too: reporting applications have numeric business keys of their own
        return api.get(user, pathWithKey + transferId + "&processDefinitionKey=" + TransferProcess.KEY + "&maxResults=10").getBody().size();
    }

    private static java.util.List<Long> ids(JsonNode page) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        page.get("content").forEach(transfer -> ids.add(transfer.get("id").asLong()));
        return ids;
    }

    private static HttpEntity<Object> json(String user, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
