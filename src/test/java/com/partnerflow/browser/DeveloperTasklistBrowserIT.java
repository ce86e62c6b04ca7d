package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.developer.DeveloperAuthorizationProcess;
import com.partnerflow.partner.Partner;

/**
 * The forms of the developer authorization as people use them in Camunda Tasklist, in a real headless Chromium, one
 * test per form, each named after it: a partner's employee asks (the Camunda Form that starts the process), vendor
 * staff decide. The outcome is checked through the API. Shares the Spring context of every {@link IntegrationTest}.
 */
class DeveloperTasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Авторизация разработчика партнера";
    private static final String REVIEW = "Рассмотреть запрос на авторизацию разработчика";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final String VENDOR_STAFF_USER = "vera";
    private static final String REASON = "Расширения для клиентов партнера на Бухгалтерии";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestData testData;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void developerAuthorizationRequestFormAsksTheVendorToAuthorizeAnEmployee() {
        Partner partner = testData.partner();
        String employee = testData.partnerUser(partner);

        Tasklist tasklist = Tasklist.logInAs(browser, port, employee);
        tasklist.openStartForm(PROCESS, Tasklist.CAMUNDA_FORM);
        tasklist.fillFormField("Сотрудник вашего партнера", employee);
        tasklist.checkOption("Приложения, которые сотрудник будет дорабатывать", "1С:Бухгалтерия 8");
        tasklist.fillFormField("Зачем нужна авторизация", REASON);
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();

        List<JsonNode> requests = authorizationsOf(employee, employee);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).path("status").asText()).isEqualTo("REQUESTED");
        assertThat(requests.get(0).path("partnerCode").asText()).isEqualTo(partner.getCode());
        assertThat(requests.get(0).path("applications").toString()).isEqualTo("[\"ACCOUNTING\"]");
        assertThat(requests.get(0).path("reason").asText()).isEqualTo(REASON);
        assertThat(requests.get(0).path("requestedBy").asText()).isEqualTo(employee);
    }

    @Test
    void developerAuthorizationReviewFormShowsTheRequestAndVendorStaffAuthorize() {
        Partner partner = testData.partner();
        String employee = testData.partnerUser(partner);
        long requestId = testData.requestDeveloperAuthorization(employee, employee);
        String taskId = taskService.createTaskQuery().processDefinitionKey(DeveloperAuthorizationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(requestId)).singleResult().getId();

        Tasklist tasklist = Tasklist.logInAs(browser, port, VENDOR_STAFF_USER);
        tasklist.openTask(GROUP_TASKS, REVIEW, taskId);
        tasklist.waitForFieldValue("Партнер", partner.getName());
        tasklist.waitForFieldValue("Сотрудник (логин)", employee);
        tasklist.waitForFieldValue("Приложения", "1С:Бухгалтерия 8");
        tasklist.claim();
        tasklist.chooseOption("Авторизовать сотрудника как разработчика");
        tasklist.complete();

        JsonNode authorization = get(employee, "/api/developer-authorizations/" + requestId);
        assertThat(authorization.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(authorization.path("decidedBy").asText()).isEqualTo(VENDOR_STAFF_USER);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(VENDOR_STAFF_USER);
    }

    /** The authorizations of the developer that {@code user} reads through the API. */
    private List<JsonNode> authorizationsOf(String user, String developer) {
        return StreamSupport.stream(get(user, "/api/developer-authorizations?developer=" + developer).path("content").spliterator(), false)
                .filter(authorization -> developer.equals(authorization.path("developer").asText()))
                .toList();
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
