package com.partnerflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.DateLabels;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * «Главная» (issue 22): the tasks waiting for the partner with their due dates and Tasklist links, the requests changed
 * since the previous visit (a visit is a session), the month's charges, the client's view; and none of another
 * partner's work on it.
 */
class PortalHomeTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    DateLabels dates;
    @Autowired
    Clock clock;

    TransferApi api;

    @BeforeEach
    void setUp() {
        api = new TransferApi(http);
    }

    @Test
    void theTasksWaitingForThePartnerShowTheirDueDateAndTasklistLinkToItsPeopleOnly() {
        Partner current = data.partner();
        Subscriber client = data.subscriber(current);
        String employee = data.partnerUser(current);
        String stranger = data.partnerUser(data.partner());
        long transferId = api.awaitingAgreement(data.partnerUser(data.partner()), client.getNumber(), client.getName());
        JsonNode task = api.task(employee, transferId);

        PortalSession.Page home = PortalSession.of(port, employee).get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Ждут нас", "Согласовать перевод абонента " + client.getNumber(),
                "/camunda/app/tasklist/default/#/?task=" + task.get("id").asText(),
                "/portal/requests/transfers/" + transferId, "никем");
        Instant due = OffsetDateTime.parse(task.get("due").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
        assertThat(home.body()).contains(dates.dateTime(due));

        PortalSession.Page other = PortalSession.of(port, stranger).get("/portal");
        assertThat(other.body()).contains("Сейчас ничего не ждет вашего решения.")
                .doesNotContain(task.get("id").asText(), client.getName(), "/portal/requests/transfers/" + transferId + "\"");
    }

    @Test
    void theRequestsChangedSinceThePreviousVisitAreListedAndAVisitIsASession() {
        Partner current = data.partner();
        Subscriber client = data.subscriber(current);
        String employee = data.partnerUser(current);
        long transferId = api.awaitingAgreement(data.partnerUser(data.partner()), client.getNumber(), client.getName());
        String link = "/portal/requests/transfers/" + transferId + "\"";

        String first = changed(PortalSession.of(port, employee).get("/portal"));
        assertThat(first).as("a first visit looks back a week")
                .contains("С " + dates.date(LocalDate.now(clock).minusDays(7)), link);

        PortalSession second = PortalSession.of(port, employee);
        assertThat(changed(second.get("/portal"))).as("nothing changed since the first visit")
                .contains("С тех пор ни одна ваша заявка не изменилась.").doesNotContain(link);

        ResponseEntity<JsonNode> agreed = api.complete(employee, api.task(employee, transferId).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("AGREE")));
        assertThat(agreed.getStatusCode().value()).isEqualTo(204);
        assertThat(changed(second.get("/portal"))).as("the same visit, the same moment: the change is after it").contains(link);

        assertThat(changed(PortalSession.of(port, employee).get("/portal"))).as("changed after the second visit began").contains(link);
        assertThat(changed(PortalSession.of(port, employee).get("/portal"))).as("not since the third").doesNotContain(link);
    }

    /** The section «Изменилось с прошлого визита» of a home page. */
    private static String changed(PortalSession.Page home) {
        String body = home.body();
        int start = body.indexOf("Изменилось с прошлого визита");
        assertThat(start).as("the home page has the section").isPositive();
        return body.substring(start, body.indexOf("</section>", start));
    }

    /** A partner's charges of the current month alone, as the finance page's API gives them. */
    private String thisMonth(String partner) {
        java.time.YearMonth month = java.time.YearMonth.now(clock);
        return "/api/partners/" + partner + "/charges/monthly?from=" + month + "&to=" + month;
    }

    @Test
    void theMonthsChargesAreThePartnersOwnAsTheApiReadsThem() {
        JsonNode alfa = api.get("anna", thisMonth("ALFA")).getBody().get("months").get(0);
        JsonNode beta = api.get("boris", thisMonth("BETA")).getBody().get("months").get(0);
        assertThat(api.get("boris", thisMonth("ALFA")).getStatusCode().value()).isEqualTo(404);

        PortalSession.Page anna = PortalSession.of(port, "anna").get("/portal");
        assertThat(anna.body()).contains("Начисления за " + alfa.get("label").asText() + " на сегодня",
                rubles(alfa.get("amount").decimalValue()), "Начислений: " + alfa.get("chargeCount").asInt(), "href=\"/portal/finance\"");
        PortalSession.Page boris = PortalSession.of(port, "boris").get("/portal");
        assertThat(boris.body()).contains(rubles(beta.get("amount").decimalValue()), "Начислений: " + beta.get("chargeCount").asInt());
        if (alfa.get("amount").decimalValue().compareTo(beta.get("amount").decimalValue()) != 0) {
            assertThat(boris.body()).doesNotContain(rubles(alfa.get("amount").decimalValue()));
        }
    }

    @Test
    void aClientSeesItsProductsInstallationsAndRequestsAndNoOtherClients() {
        PortalSession.Page ivan = PortalSession.of(port, "ivan").get("/portal");
        assertThat(ivan.status()).isEqualTo(200);
        assertThat(ivan.body()).contains("Продукты ООО «Ромашка» (абонент 1001)",
                "Информационные базы и установленные доработки", "Бухгалтерия предприятия 3.0.150", "Зарплата и управление персоналом", "Ваши заявки", "Заявление на многопользовательский режим 1С-Отчетности",
                "/camunda/app/tasklist/default/#/?processStart=reporting-extension-application")
                .doesNotContain("Клиенты</a>", "Финансы</a>", "Начисления за");

        PortalSession.Page irina = PortalSession.of(port, "irina").get("/portal");
        assertThat(irina.body()).contains("Продукты ООО «Вектор» (абонент 1003)").doesNotContain("Ромашка");
    }

    @Test
    void theVendorsPeopleGetTheirWebappsAndNoTasksHere() {
        PortalSession.Page vera = PortalSession.of(port, "vera").get("/portal");
        assertThat(vera.body()).contains("Cockpit").doesNotContain("Ждут нас", "Изменилось с прошлого визита");
        assertThat(PortalSession.of(port, "vera").get("/portal/requests").location()).endsWith("/portal");
    }

    /** {@code 12 345,67 ₽}, as the card shows money. */
    static String rubles(BigDecimal amount) {
        String plain = amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        String whole = plain.substring(0, plain.indexOf('.'));
        StringBuilder grouped = new StringBuilder(whole);
        for (int i = grouped.length() - 3; i > 0; i -= 3) {
            grouped.insert(i, ' ');
        }
        return grouped + "," + plain.substring(plain.indexOf('.') + 1) + " ₽";
    }
}
