package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.moderation.ConfigurationModerationProcess;

/**
 * The moderation of a partner configuration as people do it in Camunda Tasklist, in a real headless Chromium:
 * ALFA's {@code anna} sends the demo configuration «CRM для студии» from the embedded start form (which lists her
 * partner's configurations from {@code /api}), the moderator {@code marina} returns it with a comment in the Camunda
 * Form, anna reads the comment, renames it and sends it again, marina sees the rename among the changes since the
 * last round and approves. The outcome is checked in the engine's history, the domain and the public catalogue,
 * read without a login. Works on the demo data (profile {@code demo}), which the shared Spring context of every
 * {@link IntegrationTest} seeds once: no other test sends «CRM для студии».
 */
class ConfigurationTasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Модерация партнерской конфигурации";
    private static final String REVIEW = "Проверить конфигурацию перед публикацией";
    private static final String REVISE = "Доработать конфигурацию";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final By START_FORM = By.cssSelector("form[name='configurationSubmitForm']");
    private static final String PARTNER_USER = "anna";
    private static final String MODERATOR = "marina";
    private static final String TITLE = "CRM для студии";
    private static final String REVISED_TITLE = "CRM для студии дизайна";
    private static final String COMMENT = "Уточните в названии, для какой студии эта конфигурация";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void aPartnerSendsAConfigurationRevisesItOnRequestAndTheModeratorPublishesIt() {
        long configurationId = ownConfigurationTitled(TITLE).path("id").asLong();

        // the partner sends the configuration from the start form, which lists her partner's configurations
        Tasklist tasklist = Tasklist.logInAs(browser, port, PARTNER_USER);
        tasklist.openStartForm(PROCESS, START_FORM);
        tasklist.selectStartingWith(ConfigurationModerationProcess.CONFIGURATION_ID.name(), TITLE + ":");
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();
        String instanceId = theOnlyModerationOf(configurationId).getId();

        // the moderator reads the first round and returns it with a comment
        tasklist = Tasklist.logInAs(browser, port, MODERATOR);
        tasklist.openTask(GROUP_TASKS, REVIEW, taskId(instanceId, Elements.REVIEW));
        tasklist.claim();
        tasklist.waitForFormText("Раунд модерации 1");
        tasklist.waitForFieldValue("Название", TITLE);
        tasklist.waitForFieldValue("Что изменилось с прошлого раунда", "Первая отправка на модерацию.");
        String entities = tasklist.waitForFieldValue("Состав конфигурации (сущности)", "Процесс «Воронка продаж»");
        assertThat(entities).contains("Отчет «Продажи по менеджерам»");
        tasklist.fillFormField("Комментарий партнеру", COMMENT);
        tasklist.chooseOption("Вернуть партнеру на доработку");
        tasklist.complete();

        // the partner reads the comment, renames the configuration and sends it again
        tasklist = Tasklist.logInAs(browser, port, PARTNER_USER);
        tasklist.openTask(GROUP_TASKS, REVISE, revisionTaskId(instanceId));
        tasklist.claim();
        tasklist.waitForFieldValue("Комментарий модератора", COMMENT);
        tasklist.waitForFieldValue("Название", TITLE);
        tasklist.fillFormField("Название", REVISED_TITLE);
        tasklist.chooseOption("Отправить на модерацию снова");
        tasklist.complete();

        // the moderator sees the second round with the rename as the only change, and approves
        tasklist = Tasklist.logInAs(browser, port, MODERATOR);
        tasklist.openTask(GROUP_TASKS, REVIEW, taskId(instanceId, Elements.REVIEW));
        tasklist.claim();
        tasklist.waitForFormText("Раунд модерации 2");
        tasklist.waitForFieldValue("Название", REVISED_TITLE);
        String changes = tasklist.waitForFieldValue("Что изменилось с прошлого раунда",
                "Название: «" + TITLE + "» → «" + REVISED_TITLE + "»");
        assertThat(changes).isEqualTo("Изменения с раунда 1:\n• Название: «" + TITLE + "» → «" + REVISED_TITLE + "»");
        tasklist.chooseOption("Одобрить и опубликовать в каталоге");
        tasklist.complete();

        // published at once; the instance ends after the asynchronous notification
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(instanceId).singleResult();
            assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(instance.getEndActivityId()).isEqualTo(Elements.END_PUBLISHED);
        });

        // both rounds as the forms sent them, as the partner sees them
        JsonNode configuration = get(PARTNER_USER, "/api/configurations/" + configurationId);
        assertThat(configuration.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(configuration.path("content").path("title").asText()).isEqualTo(REVISED_TITLE);
        assertThat(configuration.path("content").path("price").decimalValue()).isEqualByComparingTo("4900");
        JsonNode rounds = configuration.path("moderation").path("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).path("decision").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(rounds.get(0).path("comment").asText()).isEqualTo(COMMENT);
        assertThat(rounds.get(0).path("decidedBy").asText()).isEqualTo(MODERATOR);
        assertThat(rounds.get(1).path("submittedBy").asText()).isEqualTo(PARTNER_USER);
        assertThat(rounds.get(1).path("decision").asText()).isEqualTo("APPROVE");
        assertThat(rounds.get(1).path("decidedBy").asText()).isEqualTo(MODERATOR);

        // anyone reads it in the public catalogue, without a login
        ResponseEntity<JsonNode> catalogue = http.getForEntity("/api/catalogue", JsonNode.class);
        assertThat(catalogue.getStatusCode()).as("GET /api/catalogue: %s", catalogue.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> published = elements(catalogue.getBody())
                .filter(entry -> entry.path("id").asLong() == configurationId).toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("title").asText()).isEqualTo(REVISED_TITLE);
        assertThat(published.get(0).path("entities")).hasSize(2);
    }

    /** The configuration of the partner user's partner with the title, as {@code /api} lists it. */
    private JsonNode ownConfigurationTitled(String title) {
        List<JsonNode> matching = elements(get(PARTNER_USER, "/api/configurations?own=true"))
                .filter(configuration -> title.equals(configuration.path("content").path("title").asText())).toList();
        assertThat(matching).as("%s's configurations titled «%s»", PARTNER_USER, title).hasSize(1);
        assertThat(matching.get(0).path("status").asText()).as("status of «%s»", title).isEqualTo("DRAFT");
        return matching.get(0);
    }

    private HistoricProcessInstance theOnlyModerationOf(long configurationId) {
        List<HistoricProcessInstance> moderations = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConfigurationModerationProcess.KEY)
                .variableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), configurationId)
                .list();
        assertThat(moderations).as("moderations of configuration %s", configurationId).hasSize(1);
        return moderations.get(0);
    }

    /** The open task of the kind; a second review round is a new task. */
    private String taskId(String instanceId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskDefinitionKey)
                .singleResult().getId();
    }

    /** The revision task comes after the asynchronous notification step: wait for it. */
    private String revisionTaskId(String instanceId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(Elements.REVISE).singleResult(), task -> task != null).getId();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
