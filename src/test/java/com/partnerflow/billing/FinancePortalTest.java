package com.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.portal.PortalSession;

/**
 * «Финансы» of the portal (ADR 0048) on the demo data: anna sees ALFA's charges by month (the table's total is the
 * API's), the current month so far, ALFA's reconciliations (the one sent back links to its Tasklist task) and invoices,
 * and downloads ALFA's rows only; boris sees none of ALFA's money on the page or in any CSV, and ALFA's reconciliation
 * ids typed into his addresses are 404; the API under the page refuses him ALFA's figures the same way.
 */
class FinancePortalTest extends IntegrationTest {

    private static final Pattern TOTAL = Pattern.compile("id=\"charges-total\">([^<]+)<");
    private static final Pattern CURRENT = Pattern.compile("id=\"current-month\">([^<]+)<");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Clock clock;

    @Test
    void annaSeesAlfasChargesByMonthWithTheApisTotals() {
        JsonNode alfa = monthly("anna", "ALFA", "").getBody();
        assertThat(alfa.get("chargeCount").asInt()).as("demo charges of ALFA in the last 6 months").isGreaterThanOrEqualTo(10);
        JsonNode thisMonth = alfa.get("months").get(5);
        assertThat(thisMonth.get("chargeCount").asInt()).as("the current month's demo charges").isPositive();

        PortalSession.Page page = PortalSession.of(port, "anna").get("/portal/finance");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Финансы</h1>", "aria-current=\"page\">Финансы",
                "Начисления по месяцам и продуктам, руб.", "Лицензия 1С-Отчетности", "Многопользовательский режим 1С-Отчетности");
        assertThat(found(TOTAL, page.body())).isEqualTo(Money.rubles(alfa.get("total").decimalValue()));
        assertThat(found(CURRENT, page.body())).isEqualTo(Money.rubles(thisMonth.get("amount").decimalValue()));
        assertThat(page.body()).contains(alfa.get("months").get(5).get("label").asText().substring(1));
        assertThat(page.body().split("<th scope=\"row\">", -1)).as("six months and the total row").hasSize(8);
        assertThat(page.body()).contains("data-chart=\"{&quot;labels&quot;:[");

        PortalSession.Page perClient = PortalSession.of(port, "anna").get("/portal/finance?view=client&months=12");
        assertThat(perClient.body()).contains("Начисления по месяцам и клиентам, руб.", "1001 ООО «Ромашка»", "1004 АО «Север»")
                .doesNotContain("ООО «Вектор»", "ООО «Меридиан»");
        assertThat(found(TOTAL, perClient.body()))
                .isEqualTo(Money.rubles(monthly("anna", "ALFA", "?by=CLIENT&from=" + monthsAgo(11) + "&to=" + monthsAgo(0))
                        .getBody().get("total").decimalValue()));
    }

    @Test
    void annaSeesAlfasReconciliationsAndInvoicesAndAnswersTheSentBackOneInTasklist() {
        List<JsonNode> reconciliations = reconciliations("anna");
        assertThat(reconciliations).extracting(r -> r.at("/partner/code").asText()).isNotEmpty().containsOnly("ALFA");
        JsonNode returned = reconciliations.stream().filter(r -> r.get("status").asText().equals("RETURNED_TO_PARTNER"))
                .findFirst().orElseThrow();
        assertThat(returned.get("answerTask").asText()).isNotBlank();

        PortalSession anna = PortalSession.of(port, "anna");
        PortalSession.Page page = anna.get("/portal/finance");
        assertThat(page.body()).contains("возвращена партнеру на проверку", "счет выставлен", "PF-", "-ALFA",
                "href=\"/camunda/app/tasklist/default/#/?task=" + returned.get("answerTask").asText() + "\"");
        PortalSession.Page one = anna.get("/portal/finance/reconciliations/" + returned.get("id").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("Замечание финансовой службы", "Проверьте начисление по абоненту 1004",
                "«Ответить на замечание по сверке» в Tasklist", "1004 АО «Север»");
    }

    @Test
    void theCsvHasAlfasRowsOnlyAsFinancesFileDoes() {
        JsonNode alfa = monthly("anna", "ALFA", "?from=" + monthsAgo(11) + "&to=" + monthsAgo(0)).getBody();
        HttpResponse<String> csv = PortalSession.of(port, "anna").send("GET", "/portal/finance/charges.csv?months=12", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("charges-ALFA-"));
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(ChargesCsv.BOM + String.join(";", ChargesCsv.HEADERS));
        List<String> rows = lines.subList(1, lines.size() - 1);
        assertThat(rows).hasSize(alfa.get("chargeCount").asInt()).allSatisfy(row -> assertThat(row.split(";")[1]).isEqualTo("ALFA"));
        assertThat(lines.get(lines.size() - 1)).contains(";ALFA;;Итого;").contains(";" + Money.decimal(alfa.get("total").decimalValue().setScale(2)) + ";");

        ResponseEntity<byte[]> api = new SettlementApi(http).download("anna",
                "/api/partners/ALFA/charges.csv?from=" + monthsAgo(11) + "&to=" + monthsAgo(0));
        assertThat(new String(api.getBody(), StandardCharsets.UTF_8)).as("the portal's file is the API's").isEqualTo(csv.body());
    }

    @Test
    void borisSeesNoneOfAlfasMoneyWhateverIdIsTyped() {
        List<JsonNode> alfas = reconciliations("anna");
        assertThat(alfas).isNotEmpty();

        PortalSession boris = PortalSession.of(port, "boris");
        PortalSession.Page page = boris.get("/portal/finance?view=client&months=24");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ООО «Вектор»").doesNotContain("Ромашка", "Север", "Сидоров", "-ALFA", "ALFA;");
        for (String view : List.of("/portal/finance", "/portal/finance?view=product&months=24")) {
            assertThat(boris.get(view).body()).doesNotContain("Ромашка", "-ALFA");
        }
        HttpResponse<String> csv = boris.send("GET", "/portal/finance/charges.csv?months=24", "text/csv");
        assertThat(csv.body()).contains(";BETA;").doesNotContain("ALFA", "Ромашка");

        for (JsonNode alfa : alfas) {
            String id = alfa.get("id").asText();
            assertThat(boris.get("/portal/finance/reconciliations/" + id).status()).isEqualTo(404);
            PortalSession.Page refused = boris.get("/portal/finance/reconciliations/" + id + "/charges.csv");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).contains("не найдена").doesNotContain("Ромашка");
        }
        assertThat(monthly("boris", "ALFA", "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(boris.get("/portal/finance/reconciliations/x").status()).isEqualTo(404);
        assertThat(boris.get("/portal/finance/charges.csv?partner=ALFA").body()).doesNotContain("ALFA");
        assertThat(new SettlementApi(http).download("boris", "/api/partners/ALFA/charges.csv").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void financeIsAPartnerEmployeesSection() {
        for (String user : List.of("ivan", "fedor", "vera")) {
            assertThat(PortalSession.of(port, user).get("/portal/finance").status()).as(user).isEqualTo(404);
        }
        assertThat(monthly("fedor", "ALFA", "").getStatusCode()).as("finance reads any partner over the API").isEqualTo(HttpStatus.OK);
    }

    @Test
    void theApiRefusesAWrongRangeNamingTheParameter() {
        ResponseEntity<JsonNode> reversed = monthly("anna", "ALFA", "?from=2026-10&to=2026-01");
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().toString()).contains("from");
        assertThat(monthly("anna", "ALFA", "?from=2020-01&to=2026-01").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(monthly("anna", "ALFA", "?to=2026-13").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode one = monthly("anna", "ALFA", "?from=" + monthsAgo(2) + "&to=" + monthsAgo(2)).getBody();
        assertThat(one.get("months")).hasSize(1);
        assertThat(one.get("total").decimalValue()).isPositive()
                .isEqualByComparingTo(one.get("months").get(0).get("amount").decimalValue());
    }

    private ResponseEntity<JsonNode> monthly(String user, String partner, String query) {
        return new SettlementApi(http).get(user, "/api/partners/" + partner + "/charges/monthly" + query);
    }

    private List<JsonNode> reconciliations(String user) {
        JsonNode page = new SettlementApi(http).get(user, "/api/reconciliations?size=100").getBody();
        return StreamSupport.stream(page.get("content").spliterator(), false).toList();
    }

    private String monthsAgo(int months) {
        return YearMonth.now(clock).minusMonths(months).toString();
    }

    private static String found(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }
}
