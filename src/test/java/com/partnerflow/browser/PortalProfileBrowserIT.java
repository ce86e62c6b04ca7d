package com.partnerflow.browser;

import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;
import com.partnerflow.partner.PartnerProfileChangeProcess;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * The portal's «Профиль» in headless Chromium (ADR 0049): anna reads ALFA's details, status and discount, asks for a
 * new phone with the form, sees her request waiting; vera approves it (the typed decision, as her CRM or Tasklist would);
 * the profile then shows the new phone.
 */
class PortalProfileBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;

    @Test
    void annaAsksForANewPhoneVeraApprovesAndTheProfileShowsIt() {
        Portal portal = Portal.logInAs(browser, port, "anna").open("/portal").section("Профиль");
        assertThat(portal.text()).contains("«Альфа-Софт» (ALFA)", "1С:ЦСК", "50 %", "Сертифицирован");
        String phone = "+7 495 " + String.format("%03d-%02d-%02d", System.nanoTime() % 1000, 10, 20);

        portal.driver.findElement(By.linkText("Запросить изменение данных")).click();
        portal.waitFor(By.id("phone"));
        portal.type("phone", phone).type("reason", "Новый номер офиса").press("Отправить запрос фирме");

        assertThat(portal.heading()).isEqualTo("Профиль партнера");
        assertThat(portal.text()).contains("отправлен фирме", "Ожидает решения фирмы");
        String id = portal.driver.findElement(By.cssSelector("#profile-changes tbody tr a")).getText().replace("№", "").strip();

        String task = taskService.createTaskQuery().processDefinitionKey(PartnerProfileChangeProcess.KEY).processInstanceBusinessKey(id)
                .singleResult().getId();
        expect(new TaskApi(http).decide("vera", task, TaskKind.PROFILE_CHANGE_REVIEW, body("decision", "APPROVE")), 200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            portal.open("/portal/profile");
            assertThat(portal.text()).contains(phone, "Данные изменены").doesNotContain("Ожидает решения фирмы");
        });
    }
}
