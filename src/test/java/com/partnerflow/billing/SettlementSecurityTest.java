package com.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;

/**
 * Partner isolation in billing: a partner reads its own invoices, reconciliations and CSV only, never
 * starts a settlement and never sees the settlement's instance (it holds every partner's reconciliations);
 * finance and the vendor's staff read everything.
 */
class SettlementSecurityTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    BillingService billing;
    @Autowired
    Reconciliations reconciliations;

    SettlementApi api;
    String period;
    String finance;
    Partner alfa;
    String alfaUser;
    String outsider;
    long reconciliationId;

    @BeforeEach
    void aReconciliationOfOnePartnerAndAnotherPartnerWatching() {
        api = new SettlementApi(http);
        YearMonth month = SettlementApi.freshPeriod();
        period = month.toString();
        finance = data.user(Groups.FINANCE);
        alfa = data.partner();
        alfaUser = data.partnerUser(alfa);
        outsider = data.partnerUser(data.partner());
        billing.recordCharge(alfa, data.subscriber(alfa), BillableItem.REPORTING_MULTI_USER_2_9, "sec:" + period, month);
        assertThat(api.start(finance, period).getStatusCode()).isEqualTo(HttpStatus.OK);
        reconciliationId = reconciliations.findByPeriodOrderById(period).get(0).getId();
    }

    @Test
    void aTaskWorkerWhoOverwritesTheReconciliationIdStillSettlesOnlyItsOwn() {
        YearMonth month = SettlementApi.freshPeriod();
        Partner beta = data.partner();
        billing.recordCharge(alfa, data.subscriber(alfa), BillableItem.REPORTING_MULTI_USER_2_9, "own:" + month, month);
        billing.recordCharge(beta, data.subscriber(beta), BillableItem.REPORTING_MULTI_USER_10_PLUS, "other:" + month, month);
        assertThat(api.start(finance, month.toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Reconciliation> opened = reconciliations.findByPeriodOrderById(month.toString());
        long own = opened.stream().filter(r -> r.belongsTo(alfa)).findFirst().orElseThrow().getId();
        long other = opened.stream().filter(r -> r.belongsTo(beta)).findFirst().orElseThrow().getId();

        JsonNode confirm = api.task(finance, month.toString(), own);
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("value", null);
        cleared.put("type", "Long");
        assertThat(api.complete(finance, confirm, Map.of(
                SettlementProcess.SETTLEMENT_DECISION.name(), TransferApi.string("SEND_BACK"),
                SettlementProcess.FINANCE_NOTE.name(), TransferApi.string("Проверьте начисления"),
                SettlementProcess.RECONCILIATION_ID.name(), cleared)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // the partner answers and, as whoever completes a task can, names the other partner's reconciliation
        JsonNode answer = api.tasks(alfaUser, month.toString()).get(0);
        assertThat(api.complete(alfaUser, answer, Map.of(
                SettlementProcess.PARTNER_REPLY.name(), TransferApi.string("Все верно"),
                SettlementProcess.RECONCILIATION_ID.name(), Map.of("value", other, "type", "Long"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode again = api.tasks(finance, month.toString()).stream()
                .filter(task -> task.get("executionId").asText().equals(answer.get("executionId").asText())).findFirst().orElseThrow();
        assertThat(api.complete(finance, again, Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), TransferApi.string("CONFIRM")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Reconciliation settled = reconciliations.findById(own).orElseThrow();
        assertThat(settled.getStatus()).isIn(ReconciliationStatus.CONFIRMED, ReconciliationStatus.INVOICED);
        assertThat(settled.getPartnerReply()).isEqualTo("Все верно");
        assertThat(reconciliations.findById(other).orElseThrow().getStatus())
                .as("the other partner's reconciliation is untouched").isEqualTo(ReconciliationStatus.AWAITING_CONFIRMATION);
        assertThat(reconciliations.findById(other).orElseThrow().getPartnerReply()).isNull();
    }

    @Test
    void thePartnerReadsItsOwnReconciliationAndCsv() {
        assertThat(api.get(alfaUser, "/api/reconciliations/" + reconciliationId).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get(alfaUser, "/api/partners/" + alfa.getCode() + "/invoices").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<byte[]> csv = api.download(alfaUser, "/api/reconciliations/" + reconciliationId + "/charges.csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains(alfa.getCode());
    }

    @Test
    void anotherPartnerSeesNothingOfIt() {
        ResponseEntity<JsonNode> invoices = api.get(outsider, "/api/partners/" + alfa.getCode() + "/invoices");
        assertThat(invoices.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(invoices.getBody().get("detail").asText()).contains("не найден");
        assertThat(api.get(outsider, "/api/reconciliations/" + reconciliationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<byte[]> csv = api.download(outsider, "/api/reconciliations/" + reconciliationId + "/charges.csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).doesNotContain(alfa.getCode() + ";");

        for (String user : new String[] {outsider, alfaUser}) {
            assertThat(api.tasks(user, period)).as(user).isEmpty();
            assertThat(api.get(user, "/engine-rest/process-instance?maxResults=10&businessKey=" + period).getBody()).as(user).isEmpty();
            assertThat(api.get(user, "/engine-rest/history/process-instance?maxResults=10&processInstanceBusinessKey=" + period).getBody())
                    .as(user).isEmpty();
        }
    }

    @Test
    void aPartnerCannotStartTheSettlement() {
        String month = YearMonth.parse(period).minusMonths(300).toString();
        ResponseEntity<JsonNode> started = api.start(alfaUser, month);
        assertThat(started.getStatusCode().value()).as("the definition is not even visible to a partner").isIn(403, 404);
        assertThat(api.get(finance, "/engine-rest/history/process-instance?maxResults=10&processInstanceBusinessKey=" + month)
                .getBody()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vera", "olga", "admin"})
    void financeAndTheVendorsStaffReadEveryPartnersBilling(String user) {
        for (String reader : new String[] {finance, user}) {
            assertThat(api.get(reader, "/api/reconciliations/" + reconciliationId).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(api.get(reader, "/api/partners/" + alfa.getCode() + "/invoices").getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
        }
        assertThat(api.get(finance, "/engine-rest/process-instance?maxResults=10&businessKey=" + period).getBody()).hasSize(1);
    }

    @Test
    void someoneWithoutAPartnerOrFinanceSeesNothingAndUnknownIdsAre404() {
        String auditor = data.user(Groups.AUDITORS);
        assertThat(api.get(auditor, "/api/reconciliations/" + reconciliationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(auditor, "/api/partners/" + alfa.getCode() + "/invoices").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(finance, "/api/reconciliations/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(finance, "/api/partners/NOPE/invoices").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(null, "/api/partners/" + alfa.getCode() + "/invoices").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get(finance, "/api/reconciliations/abc").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
