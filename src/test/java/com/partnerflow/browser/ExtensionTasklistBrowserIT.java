package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.audit.ExtensionAuditProcess.Elements;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.audit.InstallationProcess;
import com.partnerflow.audit.RemovalProcess;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;

/**
 * The forms of the extension audit, installation and removal as people use them in Camunda Tasklist, in a real
 * headless Chromium, one test per form, each named after it: an authorized developer's embedded start form (three
 * selects and the file, read in the browser and sent as a transient File variable) and revision form, the auditor's
 * and the audit leads' Camunda Forms, the client's installation and removal start forms. The steps before a form are
 * taken through the API; the outcome is checked through the API and the engine's history. Shares the Spring context
 * of every {@link IntegrationTest}.
 */
class ExtensionTasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Аудит версии доработки";
    private static final String AUDIT_VERSION = "Провести аудит версии доработки";
    private static final String REVIEW_OVERDUE_AUDIT = "Аудит просрочен";
    private static final String REVISE_VERSION = "Исправить версию доработки";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final By START_FORM = By.cssSelector("form[name='extensionSubmitForm']");
    private static final By REVISE_FORM = By.cssSelector("form[name='extensionReviseForm']");
    private static final By INSTALL_FORM = By.cssSelector("form[name='extensionInstallForm']");
    private static final By REMOVE_FORM = By.cssSelector("form[name='extensionRemoveForm']");
    /** The start form's line that confirms it has read the chosen file. */
    private static final By FILE_ATTACHED = By.cssSelector("form[name='extensionSubmitForm'] .file-attached");
    private static final String FILE_NAME = "Выписки.epf";
    /** An .epf's content is not checked beyond its name and size; a few bytes, some outside ASCII. */
    private static final byte[] EPF = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0x00, 0x01, 0x02, (byte) 0xFF};
    private static final String VERSION = "1.0.0";
    private static final String ACCOUNTING = "Бухгалтерия предприятия";
    private static final String CHANGE_NOTES = "Загрузка выписок из файла банка";
    private static final String FINDING = "Кнопка «Загрузить» не является кнопкой по умолчанию формы";

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path tempDir;

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
    @Autowired
    ManagementService managementService;

    @Test
    void extensionSubmitFormSendsTheVersionWithItsFileAndNamesIt() throws IOException {
        Partner partner = testData.partner();
        String developer = testData.developer(partner);
        Subscriber subscriber = testData.subscriber(partner);
        String extensionName = "Загрузка выписок " + partner.getCode();
        Path file = Files.write(tempDir.resolve(FILE_NAME), EPF);

        Tasklist tasklist = Tasklist.logInAs(browser, port, developer);
        tasklist.openStartForm(PROCESS, START_FORM);
        assertThat(tasklist.isMarkedRequired("extensionFile")).as("the file is required").isTrue();
        tasklist.type(ExtensionAuditProcess.EXTENSION_NAME.name(), extensionName);
        tasklist.select(ExtensionAuditProcess.KIND.name(), "Дополнительная обработка (.epf)");
        tasklist.type(ExtensionAuditProcess.TARGET_APPLICATION.name(), ACCOUNTING);
        tasklist.select(ExtensionAuditProcess.OWNER.name(), "Партнер (клиенты получают доступ от партнера)");
        tasklist.type(ExtensionAuditProcess.VERSION_NUMBER.name(), VERSION);
        tasklist.type(ExtensionAuditProcess.TARGET_APPLICATION_VERSION.name(), "3.0.150");
        tasklist.type(ExtensionAuditProcess.CHANGE_NOTES.name(), CHANGE_NOTES);
        tasklist.select(ExtensionAuditProcess.DISTRIBUTION.name(), "Одному клиенту");
        tasklist.type(ExtensionAuditProcess.RECIPIENTS.name(), subscriber.getNumber());
        tasklist.chooseFile("extensionFile", file);
        tasklist.waitForText(FILE_ATTACHED, FILE_NAME);
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();
        long versionId = Long.parseLong(theOnlyAuditOf(extensionName).getBusinessKey());

        assertThat(tasklist.notice()).contains("отправлена на аудит: версия № " + versionId).contains("до 2 рабочих дней");
        JsonNode version = get(developer, "/api/extension-versions/" + versionId);
        assertThat(version.path("status").asText()).isEqualTo("IN_AUDIT");
        assertThat(version.path("extensionName").asText()).isEqualTo(extensionName);
        assertThat(version.path("version").asText()).isEqualTo(VERSION);
        assertThat(version.path("changeNotes").asText()).isEqualTo(CHANGE_NOTES);
        assertThat(version.path("distribution").asText()).isEqualTo("ONE");
        assertThat(version.path("recipients").toString()).isEqualTo("[\"" + subscriber.getNumber() + "\"]");
        assertThat(version.path("file").path("fileName").asText()).isEqualTo(FILE_NAME);
        assertThat(version.path("file").path("size").asLong()).isEqualTo(EPF.length);
        assertThat(version.path("submittedBy").asText()).isEqualTo(developer);
    }

    @Test
    void extensionAuditFormLinksTheVersionPageAndTheAuditorApprovesWithAMinorFinding() {
        Partner partner = testData.partner();
        String developer = testData.developer(partner);
        Subscriber subscriber = testData.subscriber(partner);
        String client = testData.clientUser(subscriber);
        String auditor = testData.user(Groups.AUDITORS);
        String extensionName = "Сверка остатков " + partner.getCode();
        ExtensionApi api = new ExtensionApi(http);
        long versionId = api.submitted(developer, api.registered(developer, extensionName), ExtensionApi.version(VERSION, subscriber.getNumber()));
        String instanceId = instanceOf(versionId);

        Tasklist tasklist = Tasklist.logInAs(browser, port, auditor);
        tasklist.openTask(GROUP_TASKS, AUDIT_VERSION, taskId(instanceId, Elements.AUDIT_VERSION));
        tasklist.waitForFormText("Версия доработки № " + versionId);
        String page = tasklist.openInNewTab(By.cssSelector(".fjs-container a[href='/requests/extension-versions/" + versionId + "']"));
        assertThat(page).contains("Версия доработки № " + versionId + ": «" + extensionName + "» " + VERSION)
                .contains("На аудите").contains("Провести аудит версии доработки");
        tasklist.claim();
        tasklist.chooseFormSelectOption("Стандарты интерфейса", "Незначительное");
        tasklist.fillFormField("Замечание: стандарты интерфейса", FINDING);
        tasklist.chooseOption("Одобрить: опубликовать версию и предоставить доступ");
        tasklist.complete();

        // published at once; the instance ends after the asynchronous notifications
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(instanceId).singleResult();
            assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(instance.getEndActivityId()).isEqualTo(Elements.END_PUBLISHED);
        });
        JsonNode version = get(developer, "/api/extension-versions/" + versionId);
        assertThat(version.path("status").asText()).isEqualTo("APPROVED");
        assertThat(version.path("decidedBy").asText()).isEqualTo(auditor);
        assertThat(version.path("findings")).hasSize(1);
        JsonNode finding = version.path("findings").get(0);
        assertThat(finding.path("category").asText()).isEqualTo("UI_CONVENTIONS");
        assertThat(finding.path("severity").asText()).isEqualTo("MINOR");
        assertThat(finding.path("description").asText()).isEqualTo(FINDING);
        assertThat(finding.path("recordedBy").asText()).isEqualTo(auditor);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
                .taskDefinitionKey(Elements.AUDIT_VERSION).singleResult().getAssignee()).isEqualTo(auditor);

        // the one client it was made for may install it
        JsonNode installable = get(client, "/api/subscribers/" + subscriber.getNumber() + "/extensions").path("content");
        assertThat(installable).hasSize(1);
        assertThat(installable.get(0).path("versionId").asLong()).isEqualTo(versionId);
        assertThat(installable.get(0).path("extensionName").asText()).isEqualTo(extensionName);
    }

    @Test
    void extensionAuditOverdueFormTellsTheLeadsAndRecordsWhatTheyDid() {
        Partner partner = testData.partner();
        String developer = testData.developer(partner);
        String lead = testData.user(Groups.AUDIT_LEADS);
        ExtensionApi api = new ExtensionApi(http);
        long versionId = api.submitted(developer, api.registered(developer, "Отчет по складу " + partner.getCode()),
                ExtensionApi.version(VERSION, testData.subscriber(partner).getNumber()));
        String instanceId = instanceOf(versionId);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instanceId).timers().singleResult().getId());
        String note = "Аудитор на больничном, задачу передали другому аудитору";

        Tasklist tasklist = Tasklist.logInAs(browser, port, lead);
        tasklist.openTask(GROUP_TASKS, REVIEW_OVERDUE_AUDIT, taskId(instanceId, Elements.REVIEW_OVERDUE_AUDIT));
        tasklist.waitForFormText("Аудит версии № " + versionId + " просрочен");
        tasklist.claim();
        tasklist.fillFormField("Что предпринято", note);
        tasklist.complete();

        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
                .taskDefinitionKey(Elements.REVIEW_OVERDUE_AUDIT).finished().singleResult().getAssignee()).isEqualTo(lead);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(ExtensionAuditProcess.LEAD_NOTE.name()).singleResult().getValue()).isEqualTo(note);
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(Elements.AUDIT_VERSION).count())
                .as("the audit itself stays open").isOne();
    }

    /** «Исправить версию доработки» once failed to render at all; the developer resubmits a fixed file through it. */
    @Test
    void extensionReviseFormShowsTheFindingsAndResubmitsAFixedFile() throws IOException {
        Partner partner = testData.partner();
        String developer = testData.developer(partner);
        Subscriber subscriber = testData.subscriber(partner);
        String auditor = testData.user(Groups.AUDITORS);
        ExtensionApi api = new ExtensionApi(http);
        long versionId = api.submitted(developer, api.registered(developer, "Печать счета " + partner.getCode()),
                ExtensionApi.version("2.1", subscriber.getNumber()));
        String auditTask = api.task(auditor, versionId, Elements.AUDIT_VERSION).get("id").asText();
        assertThat(api.submitTaskForm(auditor, auditTask, ExtensionApi.audit("REQUIRE_CHANGES",
                Map.of("performance", new String[] {"MAJOR", "Запрос в цикле"}), "Исправьте до публикации")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String reviseTask = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.task(developer, versionId, Elements.REVISE_VERSION), task -> task != null).get("id").asText();
        Path fixed = Files.write(tempDir.resolve("Печать-исправлено.epf"), EPF);

        Tasklist tasklist = Tasklist.logInAs(browser, port, developer);
        tasklist.openTask(GROUP_TASKS, REVISE_VERSION, reviseTask);
        tasklist.claim();
        tasklist.waitForText(REVISE_FORM, "Запрос в цикле");
        tasklist.select(ExtensionAuditProcess.REVISION_DECISION.name(), "Отправить исправленную версию на аудит");
        tasklist.type(ExtensionAuditProcess.CHANGE_NOTES.name(), "Запрос вынесен из цикла");
        tasklist.chooseFile("extensionFile", fixed);
        tasklist.waitForText(By.cssSelector("form[name='extensionReviseForm'] .file-attached"), fixed.getFileName().toString());
        tasklist.complete();

        assertThat(tasklist.notice()).contains("отправлена на аудит").contains("Новый раунд аудита");
        JsonNode secondRound = get(developer, "/api/extension-versions/" + versionId);
        assertThat(secondRound.path("status").asText()).isEqualTo("IN_AUDIT");
        assertThat(secondRound.path("auditRound").asInt()).isEqualTo(2);
        assertThat(secondRound.path("changeNotes").asText()).isEqualTo("Запрос вынесен из цикла");
        assertThat(secondRound.path("file").path("fileName").asText()).isEqualTo("Печать-исправлено.epf");
    }

    /** The client's own organization is chosen at once, and with one base and one extension both lists are too. */
    @Test
    void extensionInstallFormOffersTheClientsOwnOrganizationAndInstalls() {
        Partner partner = testData.partner();
        Subscriber subscriber = testData.subscriber(partner);
        String client = testData.clientUser(subscriber);
        testData.dataArea(subscriber, ACCOUNTING);
        String extensionName = "Печать актов " + partner.getCode();
        long versionId = published(partner, subscriber, extensionName);

        Tasklist tasklist = Tasklist.logInAs(browser, port, client);
        tasklist.openStartForm("Установить доработку в информационную базу", INSTALL_FORM);
        tasklist.waitForText(By.cssSelector("form[name='extensionInstallForm'] .own-organization"),
                subscriber.getNumber() + " — " + subscriber.getName());
        tasklist.waitForChosen(InstallationProcess.DATA_AREA_ID.name(), "№ 1: " + ACCOUNTING);
        tasklist.waitForChosen(InstallationProcess.VERSION_ID.name(), extensionName + " " + VERSION);
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();

        assertThat(tasklist.notice()).contains("Доработка «" + extensionName + "» " + VERSION
                + " установлена в информационную базу № 1 (" + ACCOUNTING + ")");
        JsonNode installed = get(client, "/api/subscribers/" + subscriber.getNumber() + "/data-areas").get(0).path("installations");
        assertThat(installed).hasSize(1);
        assertThat(installed.get(0).path("versionId").asLong()).isEqualTo(versionId);
        assertThat(installed.get(0).path("installedBy").asText()).isEqualTo(client);
    }

    @Test
    void extensionRemoveFormOffersWhatIsInstalledAndRemovesIt() {
        Partner partner = testData.partner();
        Subscriber subscriber = testData.subscriber(partner);
        String client = testData.clientUser(subscriber);
        long dataAreaId = testData.dataArea(subscriber, ACCOUNTING).getId();
        String extensionName = "Печать счетов " + partner.getCode();
        long versionId = published(partner, subscriber, extensionName);
        ExtensionApi api = new ExtensionApi(http);
        ResponseEntity<JsonNode> installed = api.install(client, subscriber.getNumber(), dataAreaId, versionId);
        assertThat(installed.getStatusCode()).as("install: %s", installed.getBody()).isEqualTo(HttpStatus.CREATED);
        long installationId = installed.getBody().path("id").asLong();

        Tasklist tasklist = Tasklist.logInAs(browser, port, client);
        tasklist.openStartForm("Удалить доработку из информационной базы", REMOVE_FORM);
        tasklist.waitForChosen("installation", "База № 1 (" + ACCOUNTING + "): " + extensionName + " " + VERSION);
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();

        assertThat(tasklist.notice()).contains("Доработка «" + extensionName + "» " + VERSION + " удалена из информационной базы № 1");
        assertThat(get(client, "/api/subscribers/" + subscriber.getNumber() + "/data-areas").get(0).path("installations")).isEmpty();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RemovalProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(installationId)).singleResult().getStartUserId()).isEqualTo(client);
    }

    /** A version of the partner's new extension for the subscriber, audited and published through the API. */
    private long published(Partner partner, Subscriber subscriber, String extensionName) {
        String developer = testData.developer(partner);
        String auditor = testData.user(Groups.AUDITORS);
        ExtensionApi api = new ExtensionApi(http);
        long versionId = api.submitted(developer, api.registered(developer, extensionName), ExtensionApi.version(VERSION, subscriber.getNumber()));
        api.submitTaskForm(auditor, api.task(auditor, versionId, Elements.AUDIT_VERSION).get("id").asText(),
                ExtensionApi.audit("APPROVE", Map.of(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(developer, "/api/extension-versions/" + versionId)
                .path("status").asText().equals("APPROVED"));
        return versionId;
    }

    private String instanceOf(long versionId) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ExtensionAuditProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(versionId)).singleResult().getId();
    }

    private String taskId(String instanceId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskDefinitionKey)
                .singleResult().getId();
    }

    private HistoricProcessInstance theOnlyAuditOf(String extensionName) {
        List<HistoricProcessInstance> audits = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ExtensionAuditProcess.KEY)
                .variableValueEquals(ExtensionAuditProcess.EXTENSION_NAME.name(), extensionName)
                .list();
        assertThat(audits).as("audits of extension «%s»", extensionName).hasSize(1);
        return audits.get(0);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
