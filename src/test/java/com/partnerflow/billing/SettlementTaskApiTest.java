package com.partnerflow.billing;

import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * The settlement's tasks decided through {@code /api}: finance sends a reconciliation back, its partner answers, and finance
 * confirms the month in one bulk call in which each item is decided on its own, a refused one named and left untouched.
 */
class SettlementTaskApiTest extends IntegrationTest {

    private static final String BULK = "/api/tasks/reconciliation-confirmations";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    BillingService billing;

    SettlementApi settlement;
    TaskApi tasks;
    String finance;
    String period;
    List<Partner> partners;
    List<String> partnerUsers;

    @BeforeEach
    void threePartnersWithAChargeInAClosedMonth() {
        settlement = new SettlementApi(http);
        tasks = new TaskApi(http);
        finance = data.user(Groups.FINANCE);
        YearMonth month = SettlementApi.freshPeriod();
        period = month.toString();
        partners = List.of(data.partner(), data.partner(), data.partner());
        partnerUsers = partners.stream().map(data::partnerUser).toList();
        partners.forEach(partner -> SettlementApi.oneCharge(billing, partner, data.subscriber(partner), month));
    }

    @Test
    void financeSendsOneBackItsPartnerAnswersAndFinanceConfirmsTheMonthInOneCallButForTheItemItRefuses() {
        Map<Long, String> confirmations = startedMonth();
        List<Long> ids = List.copyOf(confirmations.keySet());
        long returned = ids.get(0);

        JsonNode sentBack = expect(tasks.decide(finance, confirmations.get(returned), TaskKind.RECONCILIATION_CONFIRMATION,
                body("decision", "SEND_BACK", "note", "Проверьте начисление за клиента")), 200);
        assertThat(sentBack.at("/request/kind").asText()).isEqualTo("reconciliations");
        assertThat(sentBack.at("/request/id").asLong()).isEqualTo(returned);
        assertThat(sentBack.at("/request/href").asText()).isEqualTo("/api/reconciliations/" + returned);
        assertThat(sentBack.at("/request/status").asText()).isEqualTo("RETURNED_TO_PARTNER");

        String owner = partnerUsers.get(partnerIndexOf(returned));
        String answerTask = await().atMost(Duration.ofSeconds(20)).until(() -> settlement.tasks(owner, period), found -> found.size() == 1)
                .get(0).get("id").asText();
        JsonNode answered = expect(tasks.decide(owner, answerTask, TaskKind.RECONCILIATION_ANSWER,
                body("reply", "Начисление верное: клиент подключен 3-го числа")), 200);
        assertThat(answered.at("/request/status").asText()).isEqualTo("AWAITING_CONFIRMATION");

        JsonNode bulk = expect(tasks.post(finance, BULK, Map.of("items", List.of(
                body("reconciliationId", ids.get(0), "decision", "CONFIRM"),
                body("reconciliationId", ids.get(1), "decision", "SEND_BACK"),
                body("reconciliationId", ids.get(2), "decision", "CONFIRM", "note", "Спасибо"),
                body("reconciliationId", 987654321L, "decision", "CONFIRM"))), MediaType.APPLICATION_JSON), 200);

        assertThat(bulk.get("done").asLong()).isEqualTo(2);
        assertThat(bulk.get("refused").asLong()).isEqualTo(2);
        JsonNode items = bulk.get("items");
        assertThat(items.get(0).get("outcome").asText()).isEqualTo("DONE");
        assertThat(items.get(0).at("/decided/kind").asText()).isEqualTo("RECONCILIATION_CONFIRMATION");
        assertThat(items.get(0).at("/decided/request/status").asText()).isIn("CONFIRMED", "INVOICED");
        assertThat(items.get(1).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(items.get(1).get("reconciliationId").asLong()).isEqualTo(ids.get(1));
        assertThat(items.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(items.get(1).get("detail").asText()).isNotBlank();
        assertThat(items.get(2).get("outcome").asText()).isEqualTo("DONE");
        assertThat(items.get(3).get("status").asInt()).isEqualTo(404);
        assertThat(items.get(3).get("detail").asText()).isEqualTo("Сверка № 987654321 не найдена.");

        assertThat(reconciliation(ids.get(1)).get("status").asText()).as("the refused item is left untouched")
                .isEqualTo("AWAITING_CONFIRMATION");
        assertThat(confirmationsOpen()).containsOnly(ids.get(1));

        JsonNode again = expect(tasks.post(finance, BULK, Map.of("items", List.of(
                body("reconciliationId", ids.get(0), "decision", "CONFIRM"))), MediaType.APPLICATION_JSON), 200);
        assertThat(again.at("/items/0/status").asInt()).isEqualTo(409);
        assertThat(again.at("/items/0/detail").asText()).contains("уже подтверждена");
    }

    @Test
    void aPartnerCannotConfirmItsOwnReconciliationInBulk() {
        Map<Long, String> confirmations = startedMonth();
        long own = confirmations.keySet().iterator().next();
        String owner = partnerUsers.get(partnerIndexOf(own));

        JsonNode bulk = expect(tasks.post(owner, BULK, Map.of("items", List.of(body("reconciliationId", own, "decision", "CONFIRM"))),
                MediaType.APPLICATION_JSON), 200);

        assertThat(bulk.at("/items/0/outcome").asText()).isEqualTo("REFUSED");
        assertThat(bulk.at("/items/0/status").asInt()).isEqualTo(404);
        assertThat(reconciliation(own).get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
    }

    @Test
    void underAnIdempotencyKeyARefusedItemStillLeavesTheOthersDoneAndTheAnswerIsReplayed() {
        Map<Long, String> confirmations = startedMonth();
        long confirmed = confirmations.keySet().iterator().next();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(finance, finance);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        HttpEntity<Map<String, Object>> call = new HttpEntity<>(Map.of("items", List.of(
                body("reconciliationId", 987654321L, "decision", "CONFIRM"),
                body("reconciliationId", confirmed, "decision", "CONFIRM"))), headers);

        ResponseEntity<JsonNode> first = http.exchange(BULK, HttpMethod.POST, call, JsonNode.class);
        ResponseEntity<JsonNode> replayed = http.exchange(BULK, HttpMethod.POST, call, JsonNode.class);

        JsonNode bulk = expect(first, 200);
        assertThat(bulk.at("/items/0/status").asInt()).isEqualTo(404);
        assertThat(bulk.at("/items/1/outcome").asText()).isEqualTo("DONE");
        assertThat(reconciliation(confirmed).get("status").asText()).isIn("CONFIRMED", "INVOICED");
        assertThat(expect(replayed, 200)).isEqualTo(bulk);
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void anEmptyOrTooLongListIsA400() {
        assertThat(expect(tasks.post(finance, BULK, Map.of("items", List.of()), MediaType.APPLICATION_JSON), 400)
                .get("detail").asText()).contains("items");
        List<Map<String, Object>> tooMany = Collections.nCopies(501, body("reconciliationId", 1L, "decision", "CONFIRM"));
        assertThat(expect(tasks.post(finance, BULK, Map.of("items", tooMany), MediaType.APPLICATION_JSON), 400)
                .get("detail").asText()).contains("items");
    }

    /** Starts the month's settlement and answers finance's confirmation tasks by reconciliation id, in id order. */
    private Map<Long, String> startedMonth() {
        expect(settlement.start(finance, period), 200);
        List<JsonNode> open = await().atMost(Duration.ofSeconds(20)).until(() -> settlement.tasks(finance, period), found -> found.size() == 3);
        Map<Long, String> byReconciliation = new LinkedHashMap<>();
        open.stream().map(task -> Map.entry(reconciliationOf(task.get("id").asText()), task.get("id").asText()))
                .sorted(Map.Entry.comparingByKey()).forEach(entry -> byReconciliation.put(entry.getKey(), entry.getValue()));
        return byReconciliation;
    }

    private long reconciliationOf(String taskId) {
        return settlement.get(finance, "/engine-rest/task/" + taskId + "/variables/" + SettlementProcess.RECONCILIATION_ID.name())
                .getBody().get("value").asLong();
    }

    private List<Long> confirmationsOpen() {
        return settlement.tasks(finance, period).stream().map(task -> reconciliationOf(task.get("id").asText())).toList();
    }

    private JsonNode reconciliation(long id) {
        return expect(settlement.get(finance, "/api/reconciliations/" + id), 200);
    }

    private int partnerIndexOf(long reconciliationId) {
        String code = reconciliation(reconciliationId).at("/partner/code").asText();
        for (int i = 0; i < partners.size(); i++) {
            if (partners.get(i).getCode().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("Reconciliation " + reconciliationId + " of an unknown partner " + code);
    }
}
