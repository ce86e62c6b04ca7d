package com.partnerflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;

/**
 * The portal's «Профиль» (ADR 0049) over HTTP as a browser uses it: a partner's employee sees its own partner's
 * profile and requests, never another's, whatever id is typed into the address; the change form keeps what was typed
 * and names each problem next to its field; a sent form starts the request and says so.
 */
class PortalProfileTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void annaSeesAlfasProfileAndNeverBetasRequest() {
        PortalSession.Page profile = PortalSession.of(port, "anna").get("/portal/profile");

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).contains("Профиль партнера", "«Альфа-Софт» (ALFA)", "alfa@partners.example", "1С:ЦСК", "50 %",
                "Сертифицирован", "Бухгалтерия предприятия КОРП", "aria-current=\"page\"")
                .doesNotContain("Бета Консалт", "beta@partners.example", "+7 812 555-77-00");
    }

    @Test
    void typingAnotherPartnersRequestIdGetsNotFound() {
        long betas = jdbc.queryForObject("select max(c.id) from partner_profile_change c join partner p on p.id = c.partner_id "
                + "where p.code = 'BETA'", Long.class);
        PortalSession.Page own = PortalSession.of(port, "boris").get("/portal/profile/changes/" + betas);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("Запрос № " + betas, "+7 812 555-77-00", "Ожидает решения фирмы");

        PortalSession anna = PortalSession.of(port, "anna");
        PortalSession.Page foreign = anna.get("/portal/profile/changes/" + betas);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).contains("не найден").doesNotContain("+7 812 555-77-00", "Бета Консалт");
        assertThat(anna.get("/portal/profile/changes/" + (betas + 100_000)).body()).as("reads like one that does not exist")
                .contains("Запрос на изменение данных партнера № " + (betas + 100_000) + " не найден.");
        assertThat(anna.get("/portal/profile/changes/abc").status()).isEqualTo(404);
        assertThat(anna.get("/portal/profile").body()).doesNotContain("№ " + betas + "<");
    }

    @Test
    void theFormKeepsTheInputAndNamesEachProblemNextToItsField() {
        Partner partner = data.partner();
        String employee = data.partnerUser(partner);
        PortalSession session = PortalSession.of(port, employee);
        PortalSession.Page form = session.get("/portal/profile/change");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("for=\"phone\"", "Сейчас: " + partner.getEmail(), "Статус 1С:ЦСК и сублицензионную скидку");

        PortalSession.Page refused = session.post("/portal/profile/change", fields("email", "не почта", "phone", "+7 495 123-45-67",
                "reason", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"не почта\"", "value=\"+7 495 123-45-67\"",
                "id=\"error-email\"", "aria-describedby=\"hint-email error-email\"", "aria-invalid=\"true\"",
                "id=\"error-reason\"", "не заполнено поле «Причина изменения»", "Запрос на изменение данных партнера не принят")
                .doesNotContain("id=\"error-phone\"");
        assertThat(requestsOf(partner)).as("refused whole").isZero();

        PortalSession.Page sent = session.post("/portal/profile/change", fields("phone", "+7 495 123-45-67", "reason", "Новый офис"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/portal/profile");
        assertThat(requestsOf(partner)).isOne();
        PortalSession.Page profile = session.get("/portal/profile");
        assertThat(profile.body()).contains("отправлен фирме", "Ожидает решения фирмы", "Телефон");
        PortalSession.Page second = session.post("/portal/profile/change", fields("website", "https://new.example", "reason", "Сайт"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("уже есть открытый запрос", "value=\"https://new.example\"");
        assertThat(requestsOf(partner)).isOne();
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothingAndOnlyPartnersHaveAProfile() {
        Partner partner = data.partner();
        PortalSession session = PortalSession.of(port, data.partnerUser(partner));
        assertThat(session.postRaw("/portal/profile/change", fields("phone", "+7 495 123-45-67", "reason", "Подделка")).status())
                .isEqualTo(403);
        assertThat(requestsOf(partner)).isZero();

        assertThat(PortalSession.of(port, "vera").get("/portal/profile").status()).isEqualTo(404);
        assertThat(PortalSession.of(port, "ivan").get("/portal/profile").status()).isEqualTo(404);
    }

    private long requestsOf(Partner partner) {
        return jdbc.queryForObject("select count(*) from partner_profile_change where partner_id = ?", Long.class, partner.getId());
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
