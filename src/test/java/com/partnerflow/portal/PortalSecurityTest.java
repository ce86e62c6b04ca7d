package com.partnerflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;

/**
 * The portal's door (ADR 0046): one login with the webapps in both directions, CSRF on every form, a strict
 * Content-Security-Policy, and each kind of person sent to what is theirs.
 */
class PortalSecurityTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Test
    void aVisitorIsSentToTheLoginAndTheRootOpensThePortal() {
        PortalSession visitor = PortalSession.anonymous(port);
        assertThat(visitor.get("/").location()).endsWith("/portal");
        assertThat(visitor.get("/portal").location()).endsWith("/portal/login");
        assertThat(visitor.get("/portal/clients").location()).endsWith("/portal/login");
        PortalSession.Page login = visitor.get("/portal/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("Имя пользователя", "Пароль", "name=\"_csrf\"");
    }

    @Test
    void aWrongPasswordIsRefusedInRussian() {
        // a user of its own: Camunda delays the next logins of a user after a wrong password, which would slow the
        // other tests' demo users
        String employee = data.partnerUser(data.partner());
        PortalSession visitor = PortalSession.anonymous(port);
        PortalSession.Page refused = visitor.login(employee, "wrong");
        assertThat(refused.location()).endsWith("/portal/login?error");
        assertThat(visitor.get("/portal/login?error").body()).contains("Неверное имя пользователя или пароль.");
        assertThat(visitor.get("/portal").location()).endsWith("/portal/login");
    }

    @Test
    void aPortalLoginIsATasklistLoginAndLoggingOutEndsBoth() {
        PortalSession anna = PortalSession.of(port, "anna");
        PortalSession.Page home = anna.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Анна Петрова", "партнер ALFA", "Клиенты", "Финансы", "Команда");

        HttpResponse<String> tasklistUser = anna.send("GET", "/camunda/api/admin/auth/user/default", "application/json");
        assertThat(tasklistUser.statusCode()).isEqualTo(200);
        assertThat(tasklistUser.body()).contains("\"userId\":\"anna\"", "tasklist");

        assertThat(anna.post("/portal/logout", Map.of()).location()).endsWith("/portal/login?logout");
        assertThat(anna.get("/portal").location()).endsWith("/portal/login");
        assertThat(anna.send("GET", "/camunda/api/admin/auth/user/default", "application/json").statusCode()).isNotEqualTo(200);
    }

    @Test
    void aTasklistLoginOpensThePortal() {
        PortalSession boris = PortalSession.anonymous(port);
        assertThat(boris.tasklistLogin("boris")).isEqualTo(200);
        PortalSession.Page home = boris.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("партнер BETA");
    }

    @Test
    void anUnknownAddressIsThePortalsNotFoundPageAndTheStylesheetStillLoads() {
        PortalSession anna = PortalSession.of(port, "anna");
        for (String path : List.of("/portal/nonsense", "/portal/clients/1001/nonsense/deeper", "/portal/nonsense/x")) {
            PortalSession.Page page = anna.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Такой страницы в портале нет: проверьте адрес.", "Главная</a>");
        }
        HttpResponse<String> css = anna.send("GET", "/portal/assets/portal.css", "text/css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("--brand");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        PortalSession anna = PortalSession.of(port, "anna");
        PortalSession.Page forged = anna.postRaw("/portal/logout", Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(anna.get("/portal").status()).isEqualTo(200);
    }

    @Test
    void pagesRunUnderAStrictContentSecurityPolicy() {
        HttpResponse<String> page = PortalSession.of(port, "anna").send("GET", "/portal", "text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'"));
        assertThat(page.body()).doesNotContain("<script>", "style=\"");
    }

    @Test
    void theVendorsPeopleAreSentToTheirWebappsAndClientsGetTheirView() {
        PortalSession.Page staff = PortalSession.of(port, "vera").get("/portal");
        assertThat(staff.body()).contains("Tasklist", "Cockpit").doesNotContain("Клиенты</a>", "Финансы</a>");
        PortalSession.Page client = PortalSession.of(port, "ivan").get("/portal");
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.body()).contains("клиент").doesNotContain("Финансы</a>", "Команда</a>");
    }
}
