package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
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
import com.partnerflow.TestData;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.moderation.ReviewDecision;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;

/**
 * The forms of the configuration moderation as partners and moderators use them in Camunda Tasklist, in a real
 * headless Chromium, one test per form: a partner's employee creates a configuration (settings and entities) in the
 * embedded start form and sends it, or edits one its partner made and sends it; the moderator publishes it from the
 * review form; the partner revises a returned configuration (renames it, drops an entity) and sends it again. Every
 * test works for a partner and an account of its own, reaching the form's step over the API. The outcome is checked
 * in the engine's history, the domain and the public catalogue, read without a login.
 */
class ConfigurationTasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Модерация партнерской конфигурации";
    private static final String REVIEW = "Проверить конфигурацию перед публикацией";
    private static final String REVISE = "Доработать конфигурацию";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final By START_FORM = By.cssSelector("form[name='configurationSubmitForm']");
    private static final String COMMENT = "Уточните в названии, для какой студии эта конфигурация";

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

    ModerationApi moderation;
    Partner partner;
    String partnerUser;
    long accountId;
    String accountName;

    @BeforeEach
    void aCertifiedPartnerWithAnAccount() {
        moderation = new ModerationApi(http);
        partner = testData.partner();
        partnerUser = testData.partnerUser(partner);
        accountName = "Конфигурации " + partner.getCode();
        accountId = moderation.account(partnerUser, accountName);
    }

    @Test
    void configurationSubmitFormCreatesAConfigurationAndSendsIt() {
        Tasklist tasklist = Tasklist.logInAs(browser, port, partnerUser);
        tasklist.openStartForm(PROCESS, START_FORM);
        tasklist.select("configurationId", "Новая конфигурация");
        tasklist.selectStartingWith("accountId", accountName);
        tasklist.type("title", "Учет заявок сервиса");
        tasklist.type("shortDescription", "Заявки клиентов и их статусы");
        tasklist.type("fullDescription", "Полный цикл заявки: прием, исполнение, закрытие.");
        tasklist.select("category", "Сервис и поддержка клиентов");
        tasklist.select("industry", "Услуги");
        tasklist.type("links", "https://partnerflow.example/screens/1.png");
        tasklist.type("price", "2 500,50");
        tasklist.type("supportContact", "support@partners.example");
        tasklist.select("entityKind0", "Процесс");
        tasklist.type("entityName0", "Заявка");
        tasklist.press(By.cssSelector("button.add-entity"));
        tasklist.select("entityKind1", "Справочник");
        tasklist.type("entityName1", "Виды работ");
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();
        assertThat(tasklist.notice()).contains("Конфигурация «Учет заявок сервиса» отправлена на модерацию");

        JsonNode created = ownConfigurationTitled("Учет заявок сервиса");
        assertThat(created.path("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(created.path("accountName").asText()).isEqualTo(accountName);
        JsonNode content = created.path("content");
        assertThat(content.path("category").asText()).isEqualTo("SERVICE");
        assertThat(content.path("price").decimalValue()).isEqualByComparingTo("2500.50");
        assertThat(content.path("links").get(0).asText()).isEqualTo("https://partnerflow.example/screens/1.png");
        assertThat(content.path("entities")).hasSize(2);
        assertThat(content.path("entities").get(1).path("kind").asText()).isEqualTo("DIRECTORY");
        assertThat(content.path("entities").get(1).path("name").asText()).isEqualTo("Виды работ");
        assertThat(reviewTask(moderation.moderationId(partnerUser, created.path("id").asLong()))).isNotNull();
    }

    @Test
    void configurationSubmitFormEditsAConfigurationAndSendsIt() {
        long configurationId = moderation.created(partnerUser, accountId, ModerationApi.complete("CRM для студии"));

        Tasklist tasklist = Tasklist.logInAs(browser, port, partnerUser);
        tasklist.openStartForm(PROCESS, START_FORM);
        tasklist.selectStartingWith("configurationId", "CRM для студии:");
        tasklist.waitForText(START_FORM, "Добавить сущность");
        assertThat(tasklist.selectedText("category")).isEqualTo("Сервис и поддержка клиентов");
        tasklist.type("title", "CRM для студии дизайна");
        assertThat(tasklist.value("title")).isEqualTo("CRM для студии дизайна");
        tasklist.press(By.cssSelector(".entity:nth-of-type(1) .remove-entity"));
        assertThat(tasklist.value("entityName0")).isEqualTo("Клиенты");
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();

        JsonNode sent = configuration(configurationId);
        assertThat(sent.path("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(sent.path("content").path("title").asText()).isEqualTo("CRM для студии дизайна");
        assertThat(sent.path("content").path("entities")).hasSize(1);
        assertThat(sent.path("content").path("entities").get(0).path("name").asText()).isEqualTo("Клиенты");
        assertThat(sent.path("moderation").path("rounds").get(0).path("submittedBy").asText()).isEqualTo(partnerUser);
    }

    @Test
    void configurationReviewFormPublishesTheConfiguration() {
        long configurationId = sent("Сервисный центр " + partner.getCode());
        long moderationId = moderation.moderationId(partnerUser, configurationId);
        String moderator = testData.user(Groups.MODERATORS);

        Tasklist tasklist = Tasklist.logInAs(browser, port, moderator);
        Task reviewed = reviewTask(moderationId);
        tasklist.openTask(GROUP_TASKS, REVIEW, reviewed.getId());
        tasklist.claim();
        tasklist.waitForFormText("Раунд модерации 1");
        tasklist.waitForFieldValue("Название", "Сервисный центр " + partner.getCode());
        tasklist.waitForFieldValue("Что изменилось с прошлого раунда", "Первая отправка на модерацию.");
        String entities = tasklist.waitForFieldValue("Состав конфигурации (сущности)", "Процесс «Обработка заявок»");
        assertThat(entities).contains("Справочник «Клиенты»");
        tasklist.chooseOption("Одобрить и опубликовать в каталоге");
        tasklist.complete();

        Outcomes.awaitEnded(historyService, reviewed.getProcessInstanceId(), Elements.END_PUBLISHED);
        JsonNode published = configuration(configurationId);
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("moderation").path("rounds").get(0).path("decidedBy").asText()).isEqualTo(moderator);
        ResponseEntity<JsonNode> catalogue = http.getForEntity("/api/catalogue", JsonNode.class);
        assertThat(catalogue.getStatusCode()).as("GET /api/catalogue: %s", catalogue.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> listed = elements(catalogue.getBody().get("content")).filter(entry -> entry.path("id").asLong() == configurationId).toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("entities")).hasSize(2);
    }

    @Test
    void configurationReviseFormSendsTheRevisedConfigurationAgain() {
        long configurationId = sent("CRM для студии");
        long moderationId = moderation.moderationId(partnerUser, configurationId);
        String moderator = testData.user(Groups.MODERATORS);
        assertThat(new TransferApi(http).complete(moderator, reviewTask(moderationId).getId(),
                ModerationApi.review(ReviewDecision.REQUEST_CHANGES, COMMENT)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Tasklist tasklist = Tasklist.logInAs(browser, port, partnerUser);
        tasklist.openTask(GROUP_TASKS, REVISE, revisionTask(moderationId).getId());
        tasklist.claim();
        tasklist.waitForFieldValue("Комментарий модератора", COMMENT);
        tasklist.waitForFieldValue("Название", "CRM для студии");
        tasklist.fillFormField("Название", "CRM для студии дизайна");
        tasklist.removeListRow("Состав конфигурации", 0);
        tasklist.chooseOption("Отправить на модерацию снова");
        tasklist.complete();

        Task secondRound = await().atMost(Duration.ofSeconds(30)).until(() -> reviewTask(moderationId), task -> task != null);
        assertThat(taskService.getVariable(secondRound.getId(), ConfigurationModerationProcess.CHANGES.name()).toString())
                .contains("Название: «CRM для студии» → «CRM для студии дизайна»");
        JsonNode revised = configuration(configurationId);
        assertThat(revised.path("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(revised.path("content").path("title").asText()).isEqualTo("CRM для студии дизайна");
        assertThat(revised.path("content").path("entities")).hasSize(1);
        assertThat(revised.path("content").path("entities").get(0).path("name").asText()).isEqualTo("Клиенты");
        JsonNode rounds = revised.path("moderation").path("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).path("comment").asText()).isEqualTo(COMMENT);
        assertThat(rounds.get(1).path("submittedBy").asText()).isEqualTo(partnerUser);
    }

    /** A complete configuration of the partner, sent to moderation over the API; answers its id. */
    private long sent(String title) {
        long configurationId = moderation.created(partnerUser, accountId, ModerationApi.complete(title));
        ModerationApi.expect(moderation.send(partnerUser, configurationId), 200);
        return configurationId;
    }

    private JsonNode ownConfigurationTitled(String title) {
        List<JsonNode> matching = elements(get(partnerUser, "/api/configurations?own=true&size=100").get("content"))
                .filter(configuration -> title.equals(configuration.path("content").path("title").asText())).toList();
        assertThat(matching).as("%s's configurations titled «%s»", partnerUser, title).hasSize(1);
        return configuration(matching.get(0).path("id").asLong());
    }

    private JsonNode configuration(long configurationId) {
        return get(partnerUser, "/api/configurations/" + configurationId);
    }

    /** The open review task of the moderation, or null. */
    private Task reviewTask(long moderationId) {
        return openTask(moderationId, Elements.REVIEW);
    }

    /** The revision task comes after the asynchronous notification step: wait for it. */
    private Task revisionTask(long moderationId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> openTask(moderationId, Elements.REVISE), task -> task != null);
    }

    private Task openTask(long moderationId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(moderationId)).taskDefinitionKey(taskDefinitionKey).singleResult();
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
