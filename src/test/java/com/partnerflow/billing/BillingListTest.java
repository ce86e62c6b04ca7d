package com.partnerflow.billing;

import static com.partnerflow.ApiLists.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.ApiLists;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;

/**
 * {@code GET /api/reconciliations} and {@code GET /api/partners/{code}/invoices} (ADR 0044): a partner its own, finance
 * every partner's; paged, filtered by month, status and partner, sorted, and never another partner's.
 */
class BillingListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    BillingService billing;
    @Autowired
    Reconciliations reconciliations;

    ApiLists lists;
    SettlementApi api;
    String period;
    String finance;
    Partner alfa;
    Partner beta;
    String alfaUser;
    long alfas;
    long betas;

    @BeforeEach
    void oneMonthReconciledForTwoPartners() {
        lists = new ApiLists(http);
        api = new SettlementApi(http);
        YearMonth month = SettlementApi.freshPeriod();
        period = month.toString();
        finance = data.user(Groups.FINANCE);
        alfa = data.partner();
        beta = data.partner();
        alfaUser = data.partnerUser(alfa);
        billing.recordCharge(alfa, data.subscriber(alfa), BillableItem.REPORTING_MULTI_USER_2_9, "list:a:" + period, month);
        billing.recordCharge(beta, data.subscriber(beta), BillableItem.REPORTING_MULTI_USER_2_9, "list:b:" + period, month);
        assertThat(api.start(finance, period).getStatusCode().value()).isEqualTo(200);
        alfas = reconciliations.findByPeriodOrderById(period).stream().filter(r -> r.belongsTo(alfa)).findFirst().orElseThrow().getId();
        betas = reconciliations.findByPeriodOrderById(period).stream().filter(r -> r.belongsTo(beta)).findFirst().orElseThrow().getId();
    }

    @Test
    void financeListsEveryPartnersReconciliationsOfAMonth() {
        assertThat(ids(reconciliations(finance, "period=" + period))).containsExactlyInAnyOrder(alfas, betas);
        assertThat(ids(reconciliations(finance, "period=" + period + "&partner=" + beta.getCode()))).containsExactly(betas);
        assertThat(ids(reconciliations(finance, "period=" + period + "&status=AWAITING_CONFIRMATION&sort=created")))
                .containsExactly(Math.min(alfas, betas), Math.max(alfas, betas));
        assertThat(ids(reconciliations(finance, "period=" + period + "&sort=-created")))
                .containsExactly(Math.max(alfas, betas), Math.min(alfas, betas));
        assertThat(ids(reconciliations(finance, "period=" + period + "&status=INVOICED"))).isEmpty();
        assertThat(reconciliations(finance, "period=" + period + "&size=1&page=3").get("totalElements").asLong()).isEqualTo(2);
        assertThat(reconciliations(finance, "partner=NOPE").get("totalElements").asLong()).isZero();
    }

    @Test
    void aPartnerListsOnlyItsOwnWhateverItTypes() {
        assertThat(ids(reconciliations(alfaUser, ""))).containsExactly(alfas);
        assertThat(ids(reconciliations(alfaUser, "period=" + period))).containsExactly(alfas);
        assertThat(ids(reconciliations(alfaUser, "partner=" + beta.getCode()))).isEmpty();
        assertThat(ids(reconciliations(alfaUser, "partner=" + alfa.getCode()))).containsExactly(alfas);
        assertThat(reconciliations(alfaUser, "").at("/content/0/href").asText()).isEqualTo("/api/reconciliations/" + alfas);
        assertThat(ids(reconciliations(data.user(Groups.AUDITORS), ""))).isEmpty();
    }

    @Test
    void badFiltersAndSortKeysAreRefusedNamingThem() {
        assertThat(lists.refusal(finance, "/api/reconciliations?period=2026-13")).contains("ГГГГ-ММ");
        assertThat(lists.refusal(finance, "/api/reconciliations?status=PAID")).contains("status");
        assertThat(lists.refusal(finance, "/api/reconciliations?sort=amount")).contains("created, period");
        assertThat(lists.refusal(alfaUser, "/api/partners/" + alfa.getCode() + "/invoices?period=май")).contains("ГГГГ-ММ");
        assertThat(lists.refusal(alfaUser, "/api/partners/" + alfa.getCode() + "/invoices?sort=amount")).contains("period");
    }

    @Test
    void invoicesAreAPageOfThePartnersOwn() {
        assertThat(lists.page(alfaUser, "/api/partners/" + alfa.getCode() + "/invoices?period=" + period).get("totalElements").asLong())
                .isZero();
        assertThat(api.get(alfaUser, "/api/partners/" + beta.getCode() + "/invoices").getStatusCode().value()).isEqualTo(404);
    }

    private JsonNode reconciliations(String user, String query) {
        return lists.page(user, "/api/reconciliations?" + query);
    }
}
