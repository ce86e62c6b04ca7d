package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionApi.audit;
import static com.partnerflow.audit.ExtensionApi.extension;
import static com.partnerflow.audit.ExtensionApi.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.ReceivedMail;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.DataArea;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.Subscribers;
import com.partnerflow.system.WorkingCalendar;
import com.partnerflow.transfer.TransferApi;

/**
 * An extension version through the running application as its users drive it: the developer submits over
 * {@code /api} or Tasklist's start form, the auditor decides through Tasklist's {@code submit-form}, the
 * developer fixes and resubmits, the audit leads are alerted past the due date, the version is published
 * with access per distribution, the job executor mails partner and clients, and a client installs it.
 */
class ExtensionAuditEndToEndTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    Subscribers subscribers;
    @Autowired
    TransactionTemplate transaction;

    ExtensionApi api;
    Partner partner;
    String developer;
    String auditor;
    Subscriber client1;
    Subscriber client2;
    Subscriber bystander;
    String clientUser1;
    String bystanderUser;

    @BeforeEach
    void aPartnerWithADeveloperAndThreeClients() {
        api = new ExtensionApi(http);
        partner = data.partner();
        developer = data.developer(partner);
        auditor = data.user(Groups.AUDITORS);
        client1 = data.subscriber(partner);
        client2 = data.subscriber(partner);
        bystander = data.subscriber(partner);
        clientUser1 = data.clientUser(client1);
        bystanderUser = data.clientUser(bystander);
    }

    @Test
    void developerSubmitsAuditorApprovesWithAFindingAndTheClientInstallsIt() throws Exception {
        long extensionId = api.registered(developer, "Загрузка выписок");
        ResponseEntity<JsonNode> created = api.submit(developer, extensionId,
                version("1.0.0", client1.getNumber(), client2.getNumber()), "Выписки.epf", new byte[] {1, 2, 3, 4});

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        long versionId = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/extension-versions/" + versionId);
        JsonNode submitted = created.getBody();
        assertThat(submitted.get("status").asText()).isEqualTo("IN_AUDIT");
        assertThat(submitted.get("auditRound").asInt()).isOne();
        assertThat(submitted.get("file").get("sha256").asText())
                .isEqualTo("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a");
        assertThat(submitted.get("recipients")).extracting(JsonNode::asText).containsExactly(client1.getNumber(), client2.getNumber());
        Instant submittedAt = Instant.parse(submitted.get("submittedAt").asText());
        assertThat(Instant.parse(submitted.get("auditDueAt").asText()))
                .as("two working days from submission, by the engine's business calendar")
                .isCloseTo(calendar.plusWorkingDays(submittedAt, 2), within(5, ChronoUnit.SECONDS));

        JsonNode task = api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION);
        assertThat(task).as("the auditors' task").isNotNull();
        assertThat(task.get("due").isNull()).isFalse();
        JsonNode form = api.get(auditor, "/engine-rest/task/" + task.get("id").asText() + "/form-variables").getBody();
        assertThat(form.at("/extensionName/value").asText()).isEqualTo("Загрузка выписок");
        assertThat(form.at("/kindLabel/value").asText()).isEqualTo("Дополнительная обработка");
        assertThat(form.at("/fileSummary/value").asText()).contains("Выписки.epf", "4 байт", "9f64a747");
        assertThat(form.at("/distributionLabel/value").asText()).contains(client1.getNumber(), client2.getNumber());
        ResponseEntity<byte[]> file = http.exchange("/api/extension-versions/" + versionId + "/file",
                org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(TransferApi.basic(auditor)), byte[].class);
        assertThat(file.getBody()).containsExactly(1, 2, 3, 4);

        ResponseEntity<JsonNode> audited = api.submitTaskForm(auditor, task.get("id").asText(),
                audit("APPROVE", Map.of("ui", new String[] {"MINOR", "Команда без картинки"}), null));

        assertThat(audited.getStatusCode()).as("%s", audited.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode approved = api.version(developer, versionId);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("publishedAt").isNull()).isFalse();
        assertThat(approved.get("decidedBy").asText()).isEqualTo(auditor);
        assertThat(approved.get("findings")).singleElement().satisfies(finding -> {
            assertThat(finding.get("category").asText()).isEqualTo("UI_CONVENTIONS");
            assertThat(finding.get("severity").asText()).isEqualTo("MINOR");
            assertThat(finding.get("description").asText()).isEqualTo("Команда без картинки");
            assertThat(finding.get("round").asInt()).isOne();
        });

        assertThat(installable(clientUser1, client1)).contains(versionId);
        assertThat(installable(bystanderUser, bystander)).as("not among the recipients").doesNotContain(versionId);

        DataArea accounting = data.dataArea(client1, ExtensionApi.ACCOUNTING);
        DataArea payroll = data.dataArea(client1, "Зарплата и управление персоналом");
        ResponseEntity<JsonNode> installed = api.install(clientUser1, client1.getNumber(), accounting.getId(), versionId);
        assertThat(installed.getStatusCode()).as("%s", installed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(installed.getBody().get("installedBy").asText()).isEqualTo(clientUser1);
        JsonNode areas = api.get(clientUser1, "/api/subscribers/" + client1.getNumber() + "/data-areas").getBody();
        assertThat(areas).hasSize(2);
        assertThat(areas.get(0).get("installations")).singleElement()
                .satisfies(installation -> assertThat(installation.get("versionId").asLong()).isEqualTo(versionId));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(InstallationProcess.KEY)
                .processInstanceBusinessKey(installed.getBody().get("id").asText()).singleResult().getStartUserId())
                .as("the installation's process records who installed").isEqualTo(clientUser1);

        ResponseEntity<JsonNode> again = api.install(clientUser1, client1.getNumber(), accounting.getId(), versionId);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("уже установлена");
        ResponseEntity<JsonNode> wrongApplication = api.install(clientUser1, client1.getNumber(), payroll.getId(), versionId);
        assertThat(wrongApplication.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(wrongApplication.getBody().get("detail").asText()).contains("«Бухгалтерия предприятия»", "«Зарплата и управление персоналом»");

        awaitEnded(versionId, ExtensionAuditProcess.Elements.END_PUBLISHED);
        assertThat(text(mailTo(partner.getEmail(), "прошла аудит"))).contains("Загрузка выписок", "Стандарты интерфейса");
        assertThat(text(mailTo(clientUser1 + "@users.test", "прошла аудит"))).contains("доступна вашей организации");
        awaitNothingPendingTo(bystanderUser + "@users.test");
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(message -> recipient(message).equals(bystanderUser + "@users.test")))
                .as("no mail to a client without access").isEmpty();
    }

    @Test
    void theAuditorRequiresChangesAndTheDeveloperResubmitsTheSameVersionThroughTasklist() throws Exception {
        long extensionId = api.registered(developer, "Печать счета");
        long versionId = api.submitted(developer, extensionId, version("2.1", client1.getNumber()));
        JsonNode auditTask = api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION);

        ResponseEntity<JsonNode> changes = api.submitTaskForm(auditor, auditTask.get("id").asText(),
                audit("REQUIRE_CHANGES", Map.of("performance", new String[] {"MAJOR", "Запрос в цикле"}), "Исправьте до публикации"));

        assertThat(changes.getStatusCode()).as("%s", changes.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.version(developer, versionId).get("status").asText()).isEqualTo("CHANGES_REQUIRED");
        JsonNode revise = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.task(developer, versionId, ExtensionAuditProcess.Elements.REVISE_VERSION), task -> task != null);
        JsonNode form = api.get(developer, "/engine-rest/task/" + revise.get("id").asText() + "/form-variables").getBody();
        assertThat(form.at("/" + ExtensionAuditProcess.AUDIT_REPORT.name() + "/value").asText()).contains("Исправьте до публикации", "Производительность", "Запрос в цикле");
        assertThat(text(mailTo(partner.getEmail(), "требует исправлений"))).contains("Запрос в цикле");
        MimeMessage waiting = mailTo(developer + "@users.test", "Исправьте версию 2.1");
        assertThat(text(waiting)).contains("Комментарий аудитора: Исправьте до публикации", "Запрос в цикле",
                "версия не публикуется и клиентам недоступна", "Открыть задачу: " + "https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + revise.get("id").asText());

        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put(ExtensionAuditProcess.REVISION_DECISION.name(), TransferApi.string("RESUBMIT"));
        fix.put(ExtensionAuditProcess.VERSION_NUMBER.name(), TransferApi.string("2.1"));
        fix.put(ExtensionAuditProcess.CHANGE_NOTES.name(), TransferApi.string("Запрос вынесен из цикла"));
        fix.put(ExtensionAuditProcess.FILE.name(), TransferApi.transientFile("Печать-исправлено.epf", new byte[] {9, 9}));
        ResponseEntity<JsonNode> resubmitted = api.submitTaskForm(developer, revise.get("id").asText(), fix);

        assertThat(resubmitted.getStatusCode()).as("%s", resubmitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode secondRound = api.version(developer, versionId);
        assertThat(secondRound.get("status").asText()).isEqualTo("IN_AUDIT");
        assertThat(secondRound.get("auditRound").asInt()).isEqualTo(2);
        assertThat(secondRound.get("version").asText()).isEqualTo("2.1");
        assertThat(secondRound.get("file").get("fileName").asText()).isEqualTo("Печать-исправлено.epf");
        assertThat(secondRound.get("changeNotes").asText()).isEqualTo("Запрос вынесен из цикла");
        JsonNode secondTask = api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION);
        JsonNode secondForm = api.get(auditor, "/engine-rest/task/" + secondTask.get("id").asText() + "/form-variables").getBody();
        assertThat(secondForm.at("/" + ExtensionAuditProcess.EARLIER_FINDINGS.name() + "/value").asText()).contains("Раунд 1", "Запрос в цикле");
        assertThat(secondForm.has(ExtensionAuditProcess.SEVERITY.get(FindingCategory.PERFORMANCE).name())).as("the previous round's answers are cleared").isFalse();

        api.submitTaskForm(auditor, secondTask.get("id").asText(), audit("APPROVE", Map.of(), null));

        assertThat(api.version(developer, versionId).get("status").asText()).isEqualTo("APPROVED");
        assertThat(installable(clientUser1, client1)).contains(versionId);
        awaitEnded(versionId, ExtensionAuditProcess.Elements.END_PUBLISHED);
    }

    @Test
    void pastTheDueDateTheAuditLeadsGetATaskWhileTheAuditStaysOpen() {
        String lead = data.user(Groups.AUDIT_LEADS);
        long versionId = api.submitted(developer, api.registered(developer, "Отчет по остаткам"), version("1.0"));
        String processInstanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey(ExtensionAuditProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(versionId)).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
        // the task's due date and the timer are each resolved from the engine's clock as they are created, a few
        // milliseconds apart on the running clock; ExtensionAuditProcessTest proves them equal on a frozen clock
        assertThat(timer.getDuedate().toInstant())
                .isCloseTo(Instant.parse(api.version(developer, versionId).get("auditDueAt").asText()), within(1, ChronoUnit.SECONDS));

        management.executeJob(timer.getId());

        JsonNode leadTask = api.task(lead, versionId, ExtensionAuditProcess.Elements.REVIEW_OVERDUE_AUDIT);
        assertThat(leadTask).as("the audit leads' task").isNotNull();
        assertThat(api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION)).as("the audit stays open").isNotNull();
        assertThat(api.version(developer, versionId).get("auditOverdueAt").isNull()).isFalse();
        assertThat(api.task(auditor, versionId, ExtensionAuditProcess.Elements.REVIEW_OVERDUE_AUDIT))
                .as("auditors do not get the leads' task").isNull();

        api.submitTaskForm(auditor, api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText(),
                audit("APPROVE", Map.of(), null));

        assertThat(api.task(lead, versionId, ExtensionAuditProcess.Elements.REVIEW_OVERDUE_AUDIT))
                .as("the leads' task ends with the audit").isNull();
        awaitEnded(versionId, ExtensionAuditProcess.Elements.END_PUBLISHED);
        assertThat(installable(bystanderUser, bystander)).as("ALL: every client of the partner").contains(versionId);
    }

    @Test
    void aDeveloperStartsThroughTasklistsStartFormAndAClientOwnedExtensionIsItsOwnersAtOnce() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ExtensionAuditProcess.EXTENSION_NAME.name(), TransferApi.string("Обработка для клиента"));
        variables.put(ExtensionAuditProcess.KIND.name(), TransferApi.string("CONFIGURATION_EXTENSION"));
        variables.put(ExtensionAuditProcess.TARGET_APPLICATION.name(), TransferApi.string(ExtensionApi.ACCOUNTING));
        variables.put(ExtensionAuditProcess.OWNER.name(), TransferApi.string("CLIENT"));
        variables.put(ExtensionAuditProcess.OWNER_SUBSCRIBER.name(), TransferApi.string(client1.getNumber()));
        variables.put(ExtensionAuditProcess.VERSION_NUMBER.name(), TransferApi.string("1.0.0"));
        variables.put(ExtensionAuditProcess.TARGET_APPLICATION_VERSION.name(), TransferApi.string("3.0.150"));
        variables.put(ExtensionAuditProcess.CHANGE_NOTES.name(), TransferApi.string("Своя доработка клиента"));
        variables.put(ExtensionAuditProcess.DISTRIBUTION.name(), TransferApi.string("ONE"));
        variables.put(ExtensionAuditProcess.RECIPIENTS.name(), TransferApi.string(client1.getNumber()));
        variables.put(ExtensionAuditProcess.FILE.name(), TransferApi.transientFile("Клиент.cfe", new byte[] {7}));

        ResponseEntity<JsonNode> started = api.submitStartForm(developer, ExtensionAuditProcess.KEY, variables);

        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        long versionId = started.getBody().get("businessKey").asLong();
        JsonNode version = api.version(developer, versionId);
        JsonNode extension = api.get(developer, "/api/extensions/" + version.get("extensionId").asLong()).getBody();
        assertThat(extension.get("owner").asText()).isEqualTo("CLIENT");
        assertThat(extension.get("ownerSubscriber").asText()).isEqualTo(client1.getNumber());
        assertThat(extension.get("kind").asText()).isEqualTo("CONFIGURATION_EXTENSION");
        assertThat(installable(clientUser1, client1)).as("nothing before the audit").doesNotContain(versionId);

        api.submitTaskForm(auditor, api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText(),
                audit("APPROVE", Map.of(), null));

        assertThat(installable(clientUser1, client1)).contains(versionId);
        assertThat(installable(bystanderUser, bystander)).doesNotContain(versionId);
    }

    @Test
    void aRejectedVersionIsFinalAndThePartnerMayThenSubmitANewerOne() throws Exception {
        long extensionId = api.registered(developer, "Сомнительная обработка");
        long versionId = api.submitted(developer, extensionId, version("1.0"));
        String taskId = api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText();

        ResponseEntity<JsonNode> approvingCritical = api.submitTaskForm(auditor, taskId,
                audit("APPROVE", Map.of("security", new String[] {"CRITICAL", "Выполняет код из реквизита"}), null));
        assertThat(approvingCritical.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(approvingCritical.getBody().get("message").asText()).contains("критическим замечанием нельзя одобрить");
        assertThat(api.version(developer, versionId).get("status").asText()).isEqualTo("IN_AUDIT");

        ResponseEntity<JsonNode> rejected = api.submitTaskForm(auditor, taskId,
                audit("REJECT", Map.of("security", new String[] {"CRITICAL", "Выполняет код из реквизита"}), "Небезопасно"));

        assertThat(rejected.getStatusCode()).as("%s", rejected.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.version(developer, versionId).get("status").asText()).isEqualTo("REJECTED");
        awaitEnded(versionId, ExtensionAuditProcess.Elements.END_REJECTED);
        assertThat(text(mailTo(partner.getEmail(), "отклонена"))).contains("Небезопасно", "Выполняет код из реквизита");
        assertThat(installable(clientUser1, client1)).doesNotContain(versionId);
        assertThat(api.submit(developer, extensionId, version("1.0"), "x.epf", new byte[] {1}).getStatusCode())
                .as("a version number is used once").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(api.submit(developer, extensionId, version("1.1"), "x.epf", new byte[] {1}).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aClientsOwnExtensionAndItsVersionBeingFixedFollowTheClientToItsNewPartner() {
        Map<String, Object> clientOwned = ExtensionApi.extension("Своя обработка клиента");
        clientOwned.put("owner", "CLIENT");
        clientOwned.put("ownerSubscriber", client1.getNumber());
        long extensionId = api.register(developer, clientOwned).getBody().get("id").asLong();
        long versionId = api.submitted(developer, extensionId, version("1.0", client1.getNumber()));
        api.submitTaskForm(auditor, api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText(),
                audit("REQUIRE_CHANGES", Map.of("performance", new String[] {"MAJOR", "Запрос в цикле"}), null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.task(developer, versionId, ExtensionAuditProcess.Elements.REVISE_VERSION), task -> task != null);
        Partner newPartner = data.partner();
        String newDeveloper = data.developer(newPartner);

        transaction.executeWithoutResult(status -> {
            Subscriber moved = subscribers.findByNumber(client1.getNumber()).orElseThrow();
            moved.transferTo(newPartner, null, Instant.now());
            subscribers.save(moved); // publishes SubscriberTransferred, as the transfer's approval does
        });

        assertThat(api.task(developer, versionId, ExtensionAuditProcess.Elements.REVISE_VERSION))
                .as("the old partner loses the revision").isNull();
        assertThat(api.get(developer, "/api/extensions/" + extensionId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(developer, "/api/extension-versions/" + versionId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(developer, "/api/extensions?size=100").getBody().get("content")).extracting(extension -> extension.get("id").asLong())
                .doesNotContain(extensionId);
        assertThat(api.submit(developer, extensionId, version("2.0", client1.getNumber()), "x.epf", new byte[] {1}).getStatusCode())
                .as("the old partner can no longer submit versions for the client").isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode revise = api.task(newDeveloper, versionId, ExtensionAuditProcess.Elements.REVISE_VERSION);
        assertThat(revise).as("the new partner's revision task").isNotNull();
        assertThat(api.get(newDeveloper, "/api/extensions/" + extensionId).getBody().get("developer").asText())
                .isEqualTo(newPartner.getCode());
        Map<String, Object> withdraw = Map.of(ExtensionAuditProcess.REVISION_DECISION.name(), TransferApi.string("WITHDRAW"));
        assertThat(api.submitTaskForm(newDeveloper, revise.get("id").asText(), withdraw).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.submit(newDeveloper, extensionId, version("1.1", client1.getNumber()), "x.epf", new byte[] {1}).getStatusCode())
                .as("the new partner develops the client's extension now").isEqualTo(HttpStatus.CREATED);
    }

    private java.util.List<Long> installable(String user, Subscriber subscriber) {
        ResponseEntity<JsonNode> response = api.get(user, "/api/subscribers/" + subscriber.getNumber() + "/extensions?size=100");
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        response.getBody().get("content").forEach(version -> ids.add(version.get("versionId").asLong()));
        return ids;
    }

    private void awaitEnded(long versionId, String endEvent) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(versionId)).processDefinitionKey(ExtensionAuditProcess.KEY)
                        .singleResult().getId())
                .activityId(endEvent).count()).isEqualTo(1));
    }

    static String text(MimeMessage message) throws Exception {
        return ReceivedMail.text(message);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    static MimeMessage mailTo(String recipient, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getSubject().contains(subjectPart) && recipient(message).equals(recipient);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst().orElse(null), message -> message != null);
    }
}
