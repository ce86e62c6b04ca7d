package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.portal.PortalSession;
import com.partnerflow.security.Groups;

/**
 * «Команда» in the portal (ADR 0047): every employee reads the team, only an administrator sees and uses the actions;
 * another partner's people, tokens and webhooks are not found whatever id is typed into an address or a form; a refused
 * form keeps what was typed and marks its field; tokens and webhooks show their secret once.
 */
class TeamPortalTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    Partner alfa;
    String alfaAdmin;
    String alfaEmployee;
    Partner beta;
    String betaAdmin;

    @BeforeEach
    void twoPartners() {
        alfa = data.partner();
        alfaAdmin = data.partnerAdministrator(alfa);
        alfaEmployee = data.partnerUser(alfa);
        beta = data.partner();
        betaAdmin = data.partnerAdministrator(beta);
    }

    @Test
    void theDemoTeamsShowTwoKindsOfPeopleAndNoOtherPartnersOnes() {
        PortalSession.Page anna = PortalSession.of(port, "anna").get("/portal/team");
        assertThat(anna.status()).isEqualTo(200);
        assertThat(anna.body()).contains("Анна Петрова", "Алексей Кузьмин", "администратор", "сотрудник", "Добавить сотрудника",
                "Действует").doesNotContain("Борис", "Глеб", "boris", "vera");

        PortalSession.Page alexey = PortalSession.of(port, "alexey").get("/portal/team");
        assertThat(alexey.body()).contains("Анна Петрова", "Алексей Кузьмин").doesNotContain("Добавить сотрудника");
        PortalSession.Page colleague = PortalSession.of(port, "alexey").get("/portal/team/anna");
        assertThat(colleague.status()).isEqualTo(200);
        assertThat(colleague.body()).contains("администратор партнера").doesNotContain("Действия администратора", "<form method=\"post\" action=\"/portal/team/anna");

        PortalSession.Page boris = PortalSession.of(port, "boris").get("/portal/team");
        assertThat(boris.body()).contains("Борис Иванов").doesNotContain("Анна", "Алексей", "anna", "alexey");
        assertThat(PortalSession.of(port, "vera").get("/portal/team").status()).isEqualTo(403);
        assertThat(PortalSession.of(port, "ivan").get("/portal/team").status()).isEqualTo(403);
    }

    @Test
    void anotherPartnersPeopleTokensAndWebhooksAreNotFoundAndNothingChanges() {
        PortalSession alfaSession = PortalSession.of(port, alfaAdmin);
        alfaSession.get("/portal/team/tokens");
        alfaSession.post("/portal/team/tokens", Map.of("name", "CRM Альфы"));
        long token = jdbc.queryForObject("select id from api_token where created_by = ?", Long.class, alfaAdmin);
        alfaSession.get("/portal/team/webhooks");
        alfaSession.post("/portal/team/webhooks", Map.of("url", "http://127.0.0.1:9/alfa", "eventTypes", "TASK_WAITING"));
        long webhook = jdbc.queryForObject("select id from webhook_endpoint where partner_code = ?", Long.class, alfa.getCode());

        PortalSession stranger = PortalSession.of(port, betaAdmin);
        stranger.get("/portal/team");
        for (String login : List.of(alfaEmployee, alfaAdmin, "anna", "vera", "admin")) {
            PortalSession.Page page = stranger.get("/portal/team/" + login);
            assertThat(page.status()).as(login).isEqualTo(404);
            assertThat(page.body()).contains("не найден в команде партнера");
            for (String action : List.of("deactivation", "reactivation", "administrator", "invitation", "developer-authorization")) {
                assertThat(stranger.post("/portal/team/" + login + "/" + action, Map.of("administrator", "true",
                        "applications", "ACCOUNTING", "reason", "Доработки")).status()).as("%s %s", action, login).isEqualTo(404);
            }
            assertThat(stranger.get("/portal/team/" + login + "/developer-authorization").status()).isEqualTo(404);
        }
        assertThat(stranger.post("/portal/team/tokens/" + token + "/revocation", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/portal/team/webhooks/" + webhook).status()).isEqualTo(404);
        for (String action : List.of("activity", "secret", "deletion")) {
            assertThat(stranger.post("/portal/team/webhooks/" + webhook + "/" + action, Map.of("active", "false")).status())
                    .as(action).isEqualTo(404);
        }
        assertThat(stranger.get("/portal/team/tokens").body()).doesNotContain("CRM Альфы");
        assertThat(stranger.get("/portal/team/webhooks").body()).doesNotContain("127.0.0.1:9/alfa");

        assertThat(groupsOf(alfaEmployee)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
        assertThat(groupsOf(alfaAdmin)).contains(Partner.administratorsGroupOf(alfa.getCode()));
        assertThat(jdbc.queryForObject("select count(*) from api_token where id = ? and revoked_at is null", Long.class, token)).isOne();
        assertThat(jdbc.queryForObject("select active from webhook_endpoint where id = ?", Boolean.class, webhook)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from developer_authorization where developer = ?", Long.class, alfaEmployee)).isZero();
    }

    @Test
    void aPlainEmployeeGets403ForEveryActionAndNothingChanges() {
        PortalSession employee = PortalSession.of(port, alfaEmployee);
        employee.get("/portal/team");
        assertThat(employee.get("/portal/team/new").status()).isEqualTo(403);
        assertThat(employee.post("/portal/team", Map.of("userId", "intruder", "firstName", "И", "lastName", "Н",
                "email", "i@team.test")).status()).isEqualTo(403);
        for (String action : List.of("deactivation", "reactivation", "administrator", "invitation", "developer-authorization")) {
            assertThat(employee.post("/portal/team/" + alfaAdmin + "/" + action, Map.of("administrator", "false",
                    "applications", "ACCOUNTING", "reason", "Доработки")).status()).as(action).isEqualTo(403);
        }
        assertThat(employee.post("/portal/team/" + alfaEmployee + "/administrator", Map.of("administrator", "true")).status())
                .isEqualTo(403);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        assertThat(groupsOf(alfaEmployee)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
        assertThat(groupsOf(alfaAdmin)).contains(Partner.administratorsGroupOf(alfa.getCode()));
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndMarksItsField() {
        PortalSession admin = PortalSession.of(port, alfaAdmin);
        admin.get("/portal/team/new");
        PortalSession.Page refused = admin.post("/portal/team", Map.of("userId", "Ivan", "firstName", "Иван", "lastName", "",
                "email", "ivan@team.test", "groups", Groups.ADMIN));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Ivan\"", "value=\"Иван\"", "value=\"ivan@team.test\"",
                "id=\"userId-error\"", "(без заглавных)", "id=\"lastName-error\"", "укажите фамилию")
                .containsPattern("id=\"userId\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"lastName\"[^>]*aria-describedby=\"lastName-error\"");
        assertThat(identity.createUserQuery().userId("Ivan").count()).isZero();

        PortalSession.Page taken = admin.post("/portal/team", Map.of("userId", "boris", "firstName", "Борис", "lastName", "Б",
                "email", "b@team.test"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("имя пользователя «boris» уже занято").doesNotContain("BETA", "Бета");
        assertThat(groupsOf("boris")).doesNotContain(alfa.group());
    }

    @Test
    void anAdministratorAddsMakesAdministratorAndDeactivatesInTheirPortal() {
        PortalSession admin = PortalSession.of(port, alfaAdmin);
        admin.get("/portal/team/new");
        String login = "p" + Long.toString(System.nanoTime(), 36);
        PortalSession.Page added = admin.post("/portal/team", Map.of("userId", login, "firstName", "Петр", "lastName", "Новиков",
                "email", login + "@team.test"));
        assertThat(added.location()).endsWith("/portal/team/" + login);
        PortalSession.Page member = admin.get("/portal/team/" + login);
        assertThat(member.body()).contains("Сотрудник «Петр Новиков» добавлен", login + "@team.test", "Приглашен: пароль еще не задан",
                "Выслать приглашение заново", "Сделать администратором", "Деактивировать");
        assertThat(groupsOf(login)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());

        admin.post("/portal/team/" + login + "/administrator", Map.of("administrator", "true"));
        assertThat(admin.get("/portal/team/" + login).body()).contains("теперь администратор партнера", "Снять права администратора");
        assertThat(groupsOf(login)).contains(Partner.administratorsGroupOf(alfa.getCode()));

        assertThat(admin.post("/portal/team/" + login + "/deactivation", Map.of()).location()).endsWith("/portal/team/" + login);
        assertThat(admin.get("/portal/team/" + login).body()).contains("деактивирован", "Вернуть в команду");
        assertThat(groupsOf(login)).isEmpty();

        PortalSession.Page lastAdmin = admin.post("/portal/team/" + alfaAdmin + "/deactivation", Map.of());
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.body()).contains("единственный администратор партнера", "role=\"alert\"");
    }

    @Test
    void anAdministratorRequestsDeveloperAuthorizationThroughTheProcess() {
        PortalSession admin = PortalSession.of(port, alfaAdmin);
        PortalSession.Page form = admin.get("/portal/team/" + alfaEmployee + "/developer-authorization");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("1С:Бухгалтерия 8", "for=\"reason\"");
        PortalSession.Page incomplete = admin.post("/portal/team/" + alfaEmployee + "/developer-authorization", Map.of("reason", "Печатные формы"));
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body()).contains("не выбрано ни одного приложения", "Печатные формы");
        PortalSession.Page sent = admin.post("/portal/team/" + alfaEmployee + "/developer-authorization",
                Map.of("applications", "ACCOUNTING", "reason", "Печатные формы"));
        assertThat(sent.location()).endsWith("/portal/team/" + alfaEmployee);
        assertThat(admin.get("/portal/team/" + alfaEmployee).body()).contains("отправлен фирме", "Ожидает решения фирмы");
        assertThat(jdbc.queryForObject("select requested_by from developer_authorization where developer = ?", String.class, alfaEmployee))
                .isEqualTo(alfaAdmin);
        assertThat(admin.post("/portal/team/" + alfaEmployee + "/developer-authorization",
                Map.of("applications", "ACCOUNTING", "reason", "Еще раз")).status()).isEqualTo(409);
    }

    @Test
    void aTokensAndAWebhooksSecretIsShownOnceOnTheirPortalPages() {
        PortalSession employee = PortalSession.of(port, alfaEmployee);
        employee.get("/portal/team/tokens");
        assertThat(employee.post("/portal/team/tokens", Map.of("name", " ")).status()).isEqualTo(422);
        assertThat(employee.post("/portal/team/tokens", Map.of("name", "CRM")).location()).endsWith("/portal/team/tokens");
        PortalSession.Page shown = employee.get("/portal/team/tokens");
        assertThat(shown.body()).containsPattern("pf_[A-Za-z0-9_-]{43}").contains("CRM", "Действует");
        assertThat(employee.get("/portal/team/tokens").body()).doesNotContainPattern("pf_[A-Za-z0-9_-]{43}");
        long token = jdbc.queryForObject("select id from api_token where created_by = ?", Long.class, alfaEmployee);
        employee.post("/portal/team/tokens/" + token + "/revocation", Map.of());
        assertThat(employee.get("/portal/team/tokens").body()).contains("Отозван");

        employee.get("/portal/team/webhooks");
        PortalSession.Page refused = employee.post("/portal/team/webhooks", Map.of("url", "https://169.254.169.254/latest",
                "eventTypes", "TASK_WAITING"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"https://169.254.169.254/latest\"");
        PortalSession.Page registered = employee.post("/portal/team/webhooks", Map.of("url", "http://127.0.0.1:9/hook",
                "eventTypes", "TASK_WAITING", "description", "CRM"));
        String page = registered.location().substring(registered.location().indexOf("/portal/"));
        assertThat(employee.get(page).body()).containsPattern("whsec_[A-Za-z0-9+/=]+").contains("Задача ждет партнера", "Журнал доставок");
        assertThat(employee.get(page).body()).doesNotContainPattern("whsec_[A-Za-z0-9+/=]+");
        employee.post(page + "/activity", Map.of("active", "false"));
        assertThat(employee.get(page).body()).contains("приостановлен", "Возобновить");
        employee.post(page + "/deletion", Map.of());
        assertThat(employee.get(page).status()).isEqualTo(404);
    }

    private List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
