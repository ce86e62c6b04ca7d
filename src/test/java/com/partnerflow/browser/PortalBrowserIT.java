package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;

/**
 * The portal's frame in headless Chromium (ADR 0046): a partner employee logs in on the portal's page and lands on
 * «Главная» with every section in the navigation, Tasklist opens without a second login, the navigation works at a
 * phone's width and by keyboard (skip link first), and logging out ends the Tasklist session too.
 */
class PortalBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aPartnerEmployeeLandsOnThePortalAndTasklistNeedsNoSecondLogin() {
        Portal portal = Portal.logInAs(browser, port, "anna");
        assertThat(portal.driver.getCurrentUrl()).endsWith("/portal");
        assertThat(portal.heading()).isEqualTo("Главная");
        assertThat(portal.driver.findElement(By.cssSelector("header.site nav")).getText())
                .contains("Главная", "Клиенты", "Заявки", "Конфигурации", "Финансы", "Команда", "Профиль");

        portal.driver.get(portal.url + "/camunda/app/tasklist/default/");
        portal.waitFor(By.cssSelector(".start-process-action a"));
        assertThat(portal.driver.getPageSource()).doesNotContain("ng-model=\"password\"");
    }

    @Test
    void theFrameWorksAtAPhonesWidthAndByKeyboard() {
        Portal portal = Portal.logInAs(browser, port, "anna").phone().open("/portal");
        portal.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(portal.driver.switchTo().activeElement().getText()).isEqualTo("Перейти к содержимому");
        Long pageWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) portal.driver)
                .executeScript("return document.documentElement.scrollWidth;");
        assertThat(pageWidth).isLessThanOrEqualTo(390);
        portal.section("Заявки");
        assertThat(portal.heading()).isEqualTo("Заявки");
        Long requestsWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) portal.driver)
                .executeScript("return document.documentElement.scrollWidth;");
        assertThat(requestsWidth).isLessThanOrEqualTo(390);
        portal.section("Главная");
    }

    @Test
    void loggingOutOfThePortalEndsTheTasklistSession() {
        Portal portal = Portal.logInAs(browser, port, "boris");
        portal.driver.findElement(By.xpath("//header//button[normalize-space()='Выйти']")).click();
        portal.waitFor(By.id("username"));
        assertThat(portal.text()).contains("Вы вышли из портала и из Tasklist.");
        portal.driver.get(portal.url + "/camunda/app/tasklist/default/#/login");
        portal.waitFor(By.cssSelector("input[ng-model='username']"));
    }
}
