package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * «Главная» and «Заявки» in headless Chromium (issue 22): anna's home shows a task waiting for ALFA with its due date
 * and its Tasklist link; a transfer's page grows a step of its timeline after each decision; ivan sees his client view.
 */
class PortalRequestsBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    PartnerService partners;

    TransferApi api;

    @BeforeEach
    void setUp() {
        api = new TransferApi(http);
    }

    @Test
    void annasHomeShowsATaskWaitingForAlfaWithItsDueDateAndTasklistLink() {
        Subscriber client = data.subscriber(partners.byCode("ALFA"));
        long transferId = api.awaitingAgreement("gleb", client.getNumber(), client.getName());
        String taskId = api.task("anna", transferId).get("id").asText();

        Portal portal = Portal.logInAs(browser, port, "anna");
        WebElement row = portal.driver.findElement(By.xpath("//table[contains(@class,'tasks')]//tr[td[contains(., 'Перевод абонента № "
                + transferId + "')]]"));
        assertThat(row.getText()).contains("Согласовать перевод абонента " + client.getNumber(), "никем")
                .containsPattern("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
        assertThat(row.findElement(By.linkText("Открыть")).getAttribute("href"))
                .endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);
    }

    @Test
    void aTransfersTimelineGrowsAfterEachStep() {
        Subscriber client = data.subscriber(partners.byCode("ALFA"));
        ResponseEntity<JsonNode> submitted = api.submit("gleb", TransferApi.letter(client.getNumber(), client.getName()), "письмо.pdf", TransferApi.PDF);
        long transferId = submitted.getBody().get("id").asLong();

        Portal portal = Portal.logInAs(browser, port, "anna").open("/portal/requests?subscriber=" + client.getNumber());
        portal.follow("Перевод абонента № " + transferId);
        assertThat(portal.heading()).isEqualTo("Перевод абонента № " + transferId);
        assertThat(steps(portal)).hasSize(2).last().asString().contains("Проверить письмо клиента", "ждет");
        assertThat(portal.text()).contains("Сотрудники фирмы проверяют письмо клиента", "По этой заявке от вас сейчас ничего не ждут.");

        api.complete("vera", api.task("vera", transferId).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), TransferApi.string("FORWARD")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(steps(portal.reload())).hasSize(3));
        assertThat(steps(portal).get(1)).contains("выполнена", "решение: передано дальше");
        assertThat(steps(portal).get(2)).contains("Согласовать перевод абонента", "ждет");
        assertThat(portal.driver.findElement(By.cssSelector("table.tasks")).getText()).contains("Согласовать перевод абонента");

        api.complete("anna", api.task("anna", transferId).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("AGREE")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(portal.reload().text()).contains("Одобрен: абонент переведен"));
        assertThat(steps(portal).get(2)).contains("Согласовать перевод абонента", "выполнена", "решение: согласовано");
        assertThat(portal.text()).contains("По этой заявке от вас сейчас ничего не ждут.");
    }

    @Test
    void aClientSeesItsProductsDataAreasAndRequests() {
        Portal portal = Portal.logInAs(browser, port, "ivan");
        assertThat(portal.heading()).isEqualTo("Главная");
        assertThat(portal.text()).contains("Продукты ООО «Ромашка» (абонент 1001)", "Информационные базы и установленные доработки",
                "Бухгалтерия предприятия", "Ваши заявки", "Подать заявку");
        portal.section("Заявки");
        assertThat(portal.text()).contains("Заявление на многопользовательский режим 1С-Отчетности");
    }

    private static List<String> steps(Portal portal) {
        return portal.driver.findElements(By.cssSelector("ol.timeline > li")).stream().map(WebElement::getText).toList();
    }
}
