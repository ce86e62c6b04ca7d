package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
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
import com.partnerflow.Race;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * {@code Idempotency-Key} on the submissions under {@code /api}: a repeated or double-clicked submission is
 * answered once and replayed, never submitted twice; shown on a multipart submission that starts a process
 * (a transfer) and on a JSON one (a configuration account).
 */
class IdempotencyTest extends IntegrationTest {

    private static final String TRANSFER_PROCESS = "subscriber-transfer";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;
    @Autowired
    IdempotencyKeys keys;

    TransferApi api;
    String newUser;
    Subscriber subscriber;

    @BeforeEach
    void freshSubscriber() {
        api = new TransferApi(http);
        newUser = data.partnerUser(data.partner());
        subscriber = data.subscriber(data.partner());
    }

    @Test
    void aRepeatedSubmissionWithTheSameKeyGetsTheFirstAnswerAndSubmitsNothingTwice() {
        String key = UUID.randomUUID().toString();
        long instancesBefore = instances();

        ResponseEntity<JsonNode> first = submit(newUser, letter(), key);
        ResponseEntity<JsonNode> again = submit(newUser, letter(), key);

        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(again.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(first.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(transfersOfSubscriber()).containsExactly(first.getBody().get("id").asLong());
        assertThat(instances()).isEqualTo(instancesBefore + 1);
    }

    @RepeatedTest(5)
    void aDoubleClickedSubmissionCreatesOneRequestAndOneInstance() {
        String key = UUID.randomUUID().toString();
        long instancesBefore = instances();

        List<ResponseEntity<JsonNode>> answers = Race.of(() -> submit(newUser, letter(), key), () -> submit(newUser, letter(), key));

        List<Integer> statuses = answers.stream().map(answer -> answer.getStatusCode().value()).toList();
        assertThat(statuses).as(answers.toString()).contains(201).allMatch(status -> status == 201 || status == 409);
        long id = answers.get(statuses.indexOf(201)).getBody().get("id").asLong();
        for (ResponseEntity<JsonNode> answer : answers) {
            if (answer.getStatusCode().value() == 201) {
                assertThat(answer.getBody().get("id").asLong()).isEqualTo(id); // the twin replays the first
            } else {
                assertThat(answer.getBody().get("detail").asText()).contains("ещё обрабатывается");
            }
        }
        assertThat(transfersOfSubscriber()).containsExactly(id);
        assertThat(instances()).isEqualTo(instancesBefore + 1);
        // once the first has committed, the key replays it
        ResponseEntity<JsonNode> later = submit(newUser, letter(), key);
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(later.getBody().get("id").asLong()).isEqualTo(id);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedWith422AndSubmitsNothing() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = submit(newUser, letter(), key);
        long instancesBefore = instances();
        Map<String, Object> otherReason = new HashMap<>(letter());
        otherReason.put("reason", "Другая причина");

        ResponseEntity<JsonNode> other = submit(newUser, otherReason, key);

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getBody().get("detail").asText()).contains("уже использован для другого запроса");
        assertThat(transfersOfSubscriber()).containsExactly(first.getBody().get("id").asLong());
        assertThat(instances()).isEqualTo(instancesBefore);
    }

    @Test
    void aRefusedSubmissionDoesNotUseUpItsKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> futureLetter = new HashMap<>(letter());
        futureLetter.put("letterDate", LocalDate.now().plusDays(3).toString());

        ResponseEntity<JsonNode> refused = submit(newUser, futureLetter, key);
        ResponseEntity<JsonNode> refusedAgain = submit(newUser, futureLetter, key);
        ResponseEntity<JsonNode> corrected = submit(newUser, letter(), key);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refusedAgain.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refusedAgain.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull(); // checked again, not replayed
        assertThat(corrected.getStatusCode()).as(String.valueOf(corrected.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(transfersOfSubscriber()).containsExactly(corrected.getBody().get("id").asLong());
    }

    @Test
    void differentCallersWithTheSameKeyAreIndependent() {
        String key = UUID.randomUUID().toString();
        Partner other = data.partner();
        String otherUser = data.partnerUser(other);

        ResponseEntity<JsonNode> mine = createAccount(newUser, "Счета с ключом", key);
        ResponseEntity<JsonNode> theirs = createAccount(otherUser, "Счета с ключом", key);

        assertThat(mine.getStatusCode()).as(String.valueOf(mine.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(theirs.getStatusCode()).as(String.valueOf(theirs.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(theirs.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(theirs.getBody().get("id").asLong()).isNotEqualTo(mine.getBody().get("id").asLong());
    }

    @Test
    void aJsonSubmissionIsReplayedToo() {
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = createAccount(newUser, "Конфигурации с ключом", key);
        ResponseEntity<JsonNode> again = createAccount(newUser, "Конфигурации с ключом", key);
        ResponseEntity<JsonNode> renamed = createAccount(newUser, "Другое имя", key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode accounts = api.get(newUser, "/api/configuration-accounts").getBody().get("content");
        assertThat(accounts).hasSize(1);
    }

    @Test
    void withoutTheHeaderEverySubmissionCounts() {
        assertThat(createAccount(newUser, "Первый", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(createAccount(newUser, "Первый", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.get(newUser, "/api/configuration-accounts").getBody().get("content")).hasSize(2);
    }

    @Test
    void anOverlongKeyIsRefused() {
        ResponseEntity<JsonNode> answer = createAccount(newUser, "Счета", "k".repeat(IdempotencyFilter.MAX_KEY + 1));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText()).contains("Idempotency-Key");
        assertThat(api.get(newUser, "/api/configuration-accounts").getBody().get("content")).isEmpty();
    }

    @Test
    void keysOlderThanTheRetentionAreForgotten() {
        String key = UUID.randomUUID().toString();
        createAccount(newUser, "Старый ключ", key);
        assertThat(keys.findByCallerAndKey(newUser, key)).isPresent();

        keys.deleteCreatedBefore(java.time.Instant.now().plusSeconds(1));

        assertThat(keys.findByCallerAndKey(newUser, key)).isEmpty();
    }

    @Test
    void theOpenApiDescriptionOffersTheHeaderOnEverySubmission() {
        JsonNode paths = api.get("vera", "/v3/api-docs").getBody().get("paths");

        for (String path : List.of("/api/transfers", "/api/reporting-applications", "/api/extensions/{id}/versions",
                "/api/configuration-accounts", "/api/configurations/{id}/moderation",
                "/api/subscribers/{number}/data-areas/{dataAreaId}/installations")) {
            assertThat(headers(paths.at(pointer(path) + "/post/parameters"))).as(path).contains(IdempotencyFilter.HEADER);
        }
        assertThat(headers(paths.at(pointer("/api/transfers") + "/get/parameters"))).doesNotContain(IdempotencyFilter.HEADER);
    }

    private static String pointer(String path) {
        return "/" + path.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> headers(JsonNode parameters) {
        return StreamSupport.stream(parameters.spliterator(), false)
                .filter(parameter -> parameter.path("in").asText().equals("header"))
                .map(parameter -> parameter.get("name").asText()).toList();
    }

    private Map<String, Object> letter() {
        return TransferApi.letter(subscriber.getNumber(), subscriber.getName());
    }

    private ResponseEntity<JsonNode> submit(String user, Map<String, Object> fields, String key) {
        return api.submit(user, fields, "letter.pdf", TransferApi.PDF, key);
    }

    private ResponseEntity<JsonNode> createAccount(String user, String name, String key) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set(IdempotencyFilter.HEADER, key);
        }
        return http.exchange("/api/configuration-accounts", HttpMethod.POST, new HttpEntity<>(Map.of("name", name), headers), JsonNode.class);
    }

    private List<Long> transfersOfSubscriber() {
        JsonNode all = api.get("vera", "/api/transfers?size=100").getBody().get("content");
        return StreamSupport.stream(all.spliterator(), false)
                .filter(transfer -> transfer.at("/subscriber/number").asText().equals(subscriber.getNumber()))
                .map(transfer -> transfer.get("id").asLong()).toList();
    }

    private long instances() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(TRANSFER_PROCESS).count();
    }
}
