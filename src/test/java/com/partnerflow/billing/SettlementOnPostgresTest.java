package com.partnerflow.billing;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.PostgresIntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;

/**
 * The monthly settlement on PostgreSQL: charges in a closed month, finance starts the settlement and confirms, the
 * invoice is issued and mailed, the CSV export reads the charges, and a second run of the month is refused: «Нечего сверять».
 */
class SettlementOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    BillingService billing;
    @Autowired
    HistoryService history;

    @Test
    void financeConfirmsAPartnersReconciliationAndTheInvoiceIsIssued() {
        SettlementApi api = new SettlementApi(http);
        YearMonth month = SettlementApi.freshPeriod();
        String period = month.toString();
        String finance = data.user(Groups.FINANCE);
        Partner partner = data.partner();
        String partnerUser = data.partnerUser(partner);
        Subscriber client = data.subscriber(partner);
        billing.recordCharge(partner, client, BillableItem.REPORTING_MULTI_USER_2_9, "pg:" + period + ":1", month);
        billing.recordCharge(partner, client, BillableItem.REPORTING_LICENSE, "pg:" + period + ":2", month);

        ResponseEntity<JsonNode> started = api.start(finance, period);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode task = api.tasks(finance, period).get(0);
        assertThat(api.complete(finance, task, Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("CONFIRM")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceId(started.getBody().get("id").asText()).finished().count()).isOne());
        JsonNode invoices = api.get(partnerUser, "/api/partners/" + partner.getCode() + "/invoices?period=" + period).getBody().get("content");
        assertThat(invoices).hasSize(1);
        // the lists' queries with and without each optional parameter, on PostgreSQL too
        assertThat(api.get(partnerUser, "/api/partners/" + partner.getCode() + "/invoices").getBody().get("totalElements").asLong()).isOne();
        assertThat(api.get(partnerUser, "/api/reconciliations?status=INVOICED").getBody().at("/content/0/period").asText()).isEqualTo(period);
        assertThat(api.get(finance, "/api/reconciliations?period=" + period + "&partner=" + partner.getCode() + "&sort=-created")
                .getBody().get("totalElements").asLong()).isOne();
        assertThat(api.get(finance, "/api/reconciliations?period=" + period).getBody().get("totalElements").asLong()).isOne();
        assertThat(invoices.get(0).get("number").asText()).isEqualTo("PF-" + period + "-" + partner.getCode());
        // 3000 × 0.7 + 4500 × 0.5 (СуперХод) × 0.7
        assertThat(new BigDecimal(invoices.get(0).get("amount").asText())).isEqualByComparingTo("3675.00");
        assertThat(mailTo(partner.getEmail(), "PF-" + period + "-" + partner.getCode())).isNotNull();
        String csv = new String(api.download(partnerUser, invoices.get(0).get("reconciliation").asText() + "/charges.csv").getBody(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains(";3675,00;");
        ResponseEntity<JsonNode> rerun = api.start(finance, period);
        assertThat(rerun.getStatusCode()).as("nothing left to reconcile").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rerun.getBody().get("message").asText()).startsWith("Нечего сверять: все начисления за ");
    }
}
