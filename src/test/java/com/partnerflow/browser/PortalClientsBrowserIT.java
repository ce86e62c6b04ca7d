package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;

/**
 * «Клиенты» in headless Chromium: anna finds ALFA's clients with their statuses, searches one by its INN, opens its
 * page with its period of service, products and data areas; at a phone's width the page does not widen, its tables scroll.
 */
class PortalClientsBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aPartnerListsSearchesAndOpensItsClient() {
        Portal portal = Portal.logInAs(browser, port, "anna").section("Клиенты");
        assertThat(portal.heading()).isEqualTo("Клиенты");
        assertThat(portal.rows(By.id("clients"))).anySatisfy(row -> assertThat(row)
                .startsWith("1001 | ООО «Ромашка» | 7707083893 | Активен | № 1 «Бухгалтерия предприятия» 3.0.150")
                .contains("1С-Отчетность: многопользовательский режим выключен"));
        assertThat(portal.text()).doesNotContain("ООО «Вектор»");

        // other tests of the shared context may give ALFA more clients with this INN: the search keeps exactly those
        portal.type("search", "77070838").press("Найти");
        assertThat(portal.rows(By.id("clients")))
                .anySatisfy(row -> assertThat(row).startsWith("1001 | ООО «Ромашка»"))
                .allSatisfy(row -> assertThat(row.split(" \\| ")[2]).startsWith("77070838"))
                .noneSatisfy(row -> assertThat(row).startsWith("1002 |"));

        portal.driver.findElement(By.linkText("1001")).click();
        portal.waitFor(By.id("periods"));
        assertThat(portal.heading()).isEqualTo("1001 «ООО «Ромашка»»");
        assertThat(portal.rows(By.id("periods"))).singleElement().asString()
                .startsWith("ALFA «Альфа-Софт» | ").contains("по настоящее время | первый партнер");
        assertThat(portal.rows(By.id("products"))).containsExactly("1С-Отчетность | Выключен | — | —");
        assertThat(portal.rows(By.id("areas"))).contains("№ 2 «Зарплата и управление персоналом» 3.1.30 | нет");
        assertThat(portal.rows(By.id("requests"))).anySatisfy(row -> assertThat(row)
                .startsWith("Заявление на многопользовательский режим 1С-Отчетности № "));
    }

    @Test
    void aClientsPageFitsAPhone() {
        Portal portal = Portal.logInAs(browser, port, "boris").phone().open("/portal/clients/1003");
        assertThat(portal.heading()).isEqualTo("1003 «ООО «Вектор»»");
        assertThat(portal.rows(By.id("products"))).singleElement().asString().startsWith("1С-Отчетность | Включен | пользователей от 2 до 9");
        Long pageWidth = (Long) ((JavascriptExecutor) portal.driver).executeScript("return document.documentElement.scrollWidth;");
        assertThat(pageWidth).isLessThanOrEqualTo(390);

        portal.open("/portal/clients/1001");
        assertThat(portal.heading()).isEqualTo("Не найдено");
        assertThat(portal.text()).contains("Абонент с номером 1001 не найден.").doesNotContain("Ромашка");
    }
}
