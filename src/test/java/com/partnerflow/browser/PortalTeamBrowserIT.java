package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;
import com.partnerflow.partner.TeamApi;

/**
 * «Команда» in headless Chromium (ADR 0047): anna, ALFA's administrator, adds an employee in the portal; the employee sets
 * a password through the invitation mail's link and logs in to Tasklist and the portal; anna deactivates them, and their
 * login opens neither any more. The team page works at a phone's width.
 */
class PortalTeamBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void anAdministratorAddsAnEmployeeWhoLogsInToTasklistUntilDeactivated() throws Exception {
        String login = "b" + Long.toString(System.nanoTime(), 36);
        String password = "Secret-2026-" + login;

        Portal anna = Portal.logInAs(browser, port, "anna").section("Команда");
        anna.driver.findElement(By.linkText("Добавить сотрудника")).click();
        anna.waitFor(By.id("userId"));
        anna.type("userId", login).type("firstName", "Дарья").type("lastName", "Новикова").type("email", login + "@team.test")
                .press("Добавить и пригласить");
        assertThat(anna.heading()).isEqualTo("Дарья Новикова");
        assertThat(anna.text()).contains("добавлен", "Приглашен: пароль еще не задан");

        Portal invited = Portal.visit(browser, port, TeamApi.invitationPath(MAIL, login + "@team.test"));
        assertThat(invited.text()).contains("Здравствуйте, Дарья Новикова!", "«Альфа-Софт»");
        invited.type("password", password).type("repeated", password).press("Задать пароль");
        assertThat(invited.text()).contains("Пароль задан");

        Tasklist.loginPage(browser, port).logIn(login, password);
        Portal employee = Portal.logInAs(browser, port, login, password);
        assertThat(employee.heading()).isEqualTo("Главная");
        assertThat(employee.driver.findElement(By.cssSelector("header.site")).getText()).contains("партнер ALFA", "Команда")
                .doesNotContain("администратор");

        anna = Portal.logInAs(browser, port, "anna").open("/portal/team/" + login);
        anna.driver.findElement(By.xpath("//summary[normalize-space()='Деактивировать сотрудника…']")).click();
        anna.press("Деактивировать");
        assertThat(anna.text()).contains("деактивирован: вход закрыт", "Вернуть в команду");

        assertThat(Tasklist.loginPage(browser, port).refusedLogIn(login, password)).isNotBlank();
        Portal refused = Portal.visit(browser, port, "/portal/login").submitLogin(login, password);
        refused.waitFor(By.cssSelector("[role=alert]"));
        assertThat(refused.text()).contains("Неверное имя пользователя или пароль.");
    }

    @Test
    void theTeamFitsAPhonesWidthAndAPlainEmployeeSeesNoActions() {
        Portal alexey = Portal.logInAs(browser, port, "alexey").phone().open("/portal/team");
        assertThat(alexey.rows(By.id("team"))).anySatisfy(row -> assertThat(row).contains("Анна Петрова", "администратор", "Действует"))
                .anySatisfy(row -> assertThat(row).contains("Алексей Кузьмин", "сотрудник"));
        assertThat(alexey.text()).doesNotContain("Добавить сотрудника");
        Long pageWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) alexey.driver)
                .executeScript("return document.documentElement.scrollWidth;");
        assertThat(pageWidth).isLessThanOrEqualTo(390);
        alexey.open("/portal/team/anna");
        assertThat(alexey.text()).contains("администратор партнера").doesNotContain("Действия администратора");
    }
}
