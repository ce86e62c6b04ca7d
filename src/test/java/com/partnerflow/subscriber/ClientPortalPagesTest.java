package com.partnerflow.subscriber;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.portal.PortalSession;
import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * «Клиенты» of the portal: a partner's clients as {@code GET /api/subscribers} gives them (status, data areas, products,
 * search, status filter, paging), one client's page with its periods of service and requests, and never another
 * partner's client, whatever number, INN or name is typed into the address or the search.
 */
class ClientPortalPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    SubscriberService subscribers;
    @Autowired
    TestRestTemplate http;

    Partner partner;
    String employee;
    Subscriber first;
    Subscriber suspended;
    Subscriber third;

    @BeforeEach
    void threeClientsOfAPartner() {
        partner = data.partner();
        employee = data.partnerUser(partner);
        first = data.subscriber(partner, "7812" + partner.getCode().substring(1) + "1");
        suspended = data.subscriber(partner);
        third = data.subscriber(partner);
        data.dataArea(first, "Бухгалтерия предприятия");
        subscribers.applyReportingMultiUserMode(first, MultiUserTier.TEN_OR_MORE, 1);
        subscribers.changeStatus(suspended.getNumber(), SubscriberStatus.SUSPENDED, "Неоплата",
                Caller.of("vera", List.of(Groups.VENDOR_STAFF)));
    }

    @Test
    void annaSeesAlfasClientsWithTheirStatusesDataAreasAndProducts() {
        PortalSession.Page page = PortalSession.of(port, "anna").get("/portal/clients");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Клиенты</h1>", "href=\"/portal/clients/1001\"", "ООО «Ромашка»", "7707083893",
                "<span class=\"status ok\">Активен</span>", "№ 1 «Бухгалтерия предприятия» 3.0.150",
                "1С-Отчетность: многопользовательский режим выключен", "aria-current=\"page\"");
        assertThat(page.body()).doesNotContain("ООО «Вектор»", "ООО «Меридиан»", "ООО «Лотос»", "/portal/clients/1003");
    }

    @Test
    void theListShowsStatusesInTheSeedsWordsDataAreasAndProductsOfThePartnersOwnClients() {
        PortalSession.Page page = PortalSession.of(port, employee).get("/portal/clients");
        assertThat(page.body()).contains("Клиенты: 3", first.getName(), first.getInn(), "<span class=\"status bad\">Приостановлен</span>",
                "№ 1 «Бухгалтерия предприятия» 3.0.150", "1С-Отчетность: многопользовательский режим включен, пользователей 10 и более");
        assertThat(rowsOf(page)).containsExactly(first.getNumber(), suspended.getNumber(), third.getNumber());
    }

    @Test
    void searchByNumberInnOrNameTheStatusFilterAndPagingAreTheApis() {
        PortalSession session = PortalSession.of(port, employee);
        assertThat(rowsOf(session.get("/portal/clients?search=" + first.getInn().substring(0, 8)))).containsExactly(first.getNumber());
        assertThat(rowsOf(session.get("/portal/clients?search=" + third.getNumber()))).containsExactly(third.getNumber());
        assertThat(rowsOf(session.get("/portal/clients?search=%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82+" + suspended.getNumber())))
                .containsExactly(suspended.getNumber());
        PortalSession.Page onlySuspended = session.get("/portal/clients?status=SUSPENDED");
        assertThat(rowsOf(onlySuspended)).containsExactly(suspended.getNumber());
        assertThat(onlySuspended.body()).contains("<option value=\"SUSPENDED\" selected=\"selected\">Приостановлен</option>");

        PortalSession.Page firstPage = session.get("/portal/clients?size=2");
        assertThat(rowsOf(firstPage)).containsExactly(first.getNumber(), suspended.getNumber());
        assertThat(firstPage.body()).contains("Страница 1 из 2 · всего 3", "href=\"/portal/clients?size=2&amp;page=1\"");
        assertThat(rowsOf(session.get("/portal/clients?size=2&page=1"))).containsExactly(third.getNumber());
        assertThat(session.get("/portal/clients?search=%25").body()).contains("Клиентов с такими условиями нет.");
    }

    @Test
    void anotherPartnersClientIsNotFoundWhateverIsTyped() {
        Partner other = data.partner();
        Subscriber foreign = data.subscriber(other, "7813" + other.getCode().substring(1) + "2");
        PortalSession boris = PortalSession.of(port, "boris");
        PortalSession.Page list = boris.get("/portal/clients?size=100");
        assertThat(list.body()).doesNotContain("ООО «Ромашка»", "/portal/clients/1001", "/portal/clients/1002", foreign.getName());
        assertThat(rowsOf(boris.get("/portal/clients?search=7707083893"))).doesNotContain("1001");
        assertThat(rowsOf(boris.get("/portal/clients?search=500100732259"))).isEmpty();
        assertThat(rowsOf(boris.get("/portal/clients?search=%D0%A0%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0"))).isEmpty();

        PortalSession.Page alfas = boris.get("/portal/clients/1001");
        assertThat(alfas.status()).isEqualTo(404);
        assertThat(alfas.body()).contains("Абонент с номером 1001 не найден.").doesNotContain("ООО «Ромашка»", "7707083893");

        PortalSession stranger = PortalSession.of(port, employee);
        assertThat(rowsOf(stranger.get("/portal/clients?search=" + foreign.getInn()))).isEmpty();
        assertThat(rowsOf(stranger.get("/portal/clients?search=" + foreign.getNumber()))).isEmpty();
        assertThat(stranger.get("/portal/clients/" + foreign.getNumber()).status()).isEqualTo(404);
        assertThat(PortalSession.of(port, data.partnerUser(other)).get("/portal/clients/" + foreign.getNumber()).status()).isEqualTo(200);
        assertThat(stranger.get("/portal/clients/..%2F1001").status()).isNotEqualTo(200);
        assertThat(stranger.get("/portal/clients/abc").status()).isEqualTo(404);
    }

    @Test
    void badFiltersAreRefusedAndChangeNothing() {
        PortalSession session = PortalSession.of(port, employee);
        PortalSession.Page tooLong = session.get("/portal/clients?search=" + "9".repeat(101));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("aria-invalid=\"true\"", "aria-describedby=\"search-error\"", "не длиннее 100 символов",
                "value=\"" + "9".repeat(101) + "\"").doesNotContain("<table id=\"clients\"");
        assertThat(session.get("/portal/clients?status=FROZEN").status()).isEqualTo(404);
        assertThat(rowsOf(session.get("/portal/clients?page=-3&size=100000"))).containsExactly(first.getNumber(), suspended.getNumber(),
                third.getNumber());
    }

    @Test
    void aClientsPageShowsItsPeriodProductsDataAreasAndRequests() {
        PortalSession.Page page = PortalSession.of(port, employee).get("/portal/clients/" + first.getNumber());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(first.getNumber() + " «" + first.getName() + "»", first.getInn(), "Периоды обслуживания",
                partner.getCode() + " «" + partner.getName() + "»", "по настоящее время", "первый партнер",
                "№ 1 «Бухгалтерия предприятия» 3.0.150", "10 и более", "Включен",
                "#/?processStart=reporting-extension-application", "#/?processStart=subscriber-transfer",
                "Заявок по этому клиенту, которые видит ваша организация, нет.");
        assertThat(PortalSession.of(port, employee).get("/portal/clients/" + suspended.getNumber()).body())
                .contains("Смены статуса", "<span class=\"status bad\">Приостановлен</span>", "Неоплата");
    }

    @Test
    void aTransferredClientShowsTheNewPartnerTheOldPeriodAndTheTransferAndTheOldPartnerNothing() {
        Partner newPartner = data.partner();
        String newEmployee = data.partnerUser(newPartner);
        TransferApi transfers = new TransferApi(http);
        long transferId = transfers.awaitingAgreement(newEmployee, third.getNumber(), third.getName());
        transfers.complete(employee, transfers.task(employee, transferId).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribers.byNumber(third.getNumber()).orElseThrow().getPartner().getCode(),
                newPartner.getCode()::equals);

        PortalSession.Page page = PortalSession.of(port, newEmployee).get("/portal/clients/" + third.getNumber());
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains(partner.getCode() + " «" + partner.getName() + "»", newPartner.getCode() + " «" + newPartner.getName() + "»",
                "href=\"/portal/requests/transfers/" + transferId + "\"", "Перевод абонента № " + transferId);
        String periods = body.substring(body.indexOf("<table id=\"periods\""), body.indexOf("</table>", body.indexOf("<table id=\"periods\"")));
        assertThat(periods.indexOf(partner.getCode() + " «")).as("the old period first").isPositive()
                .isLessThan(periods.indexOf(newPartner.getCode() + " «"));
        assertThat(periods).containsOnlyOnce("по настоящее время");
        assertThat(rowsOf(PortalSession.of(port, newEmployee).get("/portal/clients"))).containsExactly(third.getNumber());

        PortalSession old = PortalSession.of(port, employee);
        assertThat(old.get("/portal/clients/" + third.getNumber()).status()).isEqualTo(404);
        assertThat(rowsOf(old.get("/portal/clients"))).containsExactly(first.getNumber(), suspended.getNumber());
    }

    @Test
    void theVendorsPeopleAreSentToTheirHomePage() {
        assertThat(PortalSession.of(port, "vera").get("/portal/clients").location()).endsWith("/portal");
        assertThat(PortalSession.of(port, "vera").get("/portal/clients/1001").location()).endsWith("/portal");
    }

    /** The numbers of the clients the list shows, in its order. */
    private static List<String> rowsOf(PortalSession.Page page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return java.util.regex.Pattern.compile("<td><a href=\"/portal/clients/(\\d+)\">").matcher(page.body()).results()
                .map(match -> match.group(1)).toList();
    }
}
