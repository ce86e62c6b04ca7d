package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionApi.version;
import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * The extension audit's three tasks decided through {@code POST /api/tasks/{id}/{decision}}: the auditor's findings and
 * decision, the partner's revision with a new file as multipart, the audit leads' note on an overdue audit; the form's
 * own checks in Tasklist's words; another partner's developer (404).
 */
class AuditTaskApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    ExtensionApi extensions;
    TaskApi tasks;
    String developer;
    String auditor;

    @BeforeEach
    void aPartnersDeveloperAndAnAuditor() {
        extensions = new ExtensionApi(http);
        tasks = new TaskApi(http);
        Partner partner = data.partner();
        developer = data.developer(partner);
        auditor = data.user(Groups.AUDITORS);
    }

    @Test
    void theAuditorRequiresChangesThePartnerSendsANewFileAndTheAuditorApproves() {
        long versionId = extensions.submitted(developer, extensions.registered(developer, "Загрузка курсов"), version("1.0"));

        JsonNode changes = expect(tasks.decide(auditor, taskOf(auditor, versionId, TaskKind.VERSION_AUDIT), TaskKind.VERSION_AUDIT,
                body("decision", "REQUIRE_CHANGES", "findings", List.of(
                        body("category", "PERFORMANCE", "severity", "MAJOR", "note", "Запрос в цикле")))), 200);
        assertThat(changes.at("/request/kind").asText()).isEqualTo("extension-versions");
        assertThat(changes.at("/request/href").asText()).isEqualTo("/api/extension-versions/" + versionId);
        assertThat(changes.at("/request/status").asText()).isEqualTo("CHANGES_REQUIRED");
        assertThat(extensions.version(developer, versionId).toString()).contains("Запрос в цикле");

        JsonNode revised = expect(tasks.decideMultipart(developer, taskOf(developer, versionId, TaskKind.VERSION_REVISION),
                TaskKind.VERSION_REVISION, Map.of("decision", "RESUBMIT", "changeNotes", "Запрос вынесен из цикла"), "file",
                "Загрузка курсов.epf", new byte[] {5, 6, 7, 8}), 200);
        assertThat(revised.get("kind").asText()).isEqualTo("VERSION_REVISION");
        assertThat(extensions.version(developer, versionId).get("changeNotes").asText()).isEqualTo("Запрос вынесен из цикла");

        JsonNode approved = expect(tasks.decide(auditor, taskOf(auditor, versionId, TaskKind.VERSION_AUDIT), TaskKind.VERSION_AUDIT,
                body("decision", "APPROVE")), 200);
        assertThat(approved.at("/request/status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aFindingWithoutItsNoteIsRefusedInTasklistsWords() {
        long versionId = extensions.submitted(developer, extensions.registered(developer, "Печать актов"), version("1.0"));
        String taskId = taskOf(auditor, versionId, TaskKind.VERSION_AUDIT);

        ResponseEntity<JsonNode> api = tasks.decide(auditor, taskId, TaskKind.VERSION_AUDIT,
                body("decision", "REQUIRE_CHANGES", "findings", List.of(body("category", "SECURITY", "severity", "CRITICAL"))));
        ResponseEntity<JsonNode> tasklist = extensions.submitTaskForm(auditor, taskId,
                ExtensionApi.audit("REQUIRE_CHANGES", Map.of("security", new String[] {"CRITICAL", ""}), null));

        assertThat(expect(api, 422).get("detail").asText()).isNotBlank().isEqualTo(tasklist.getBody().get("message").asText());
        assertThat(extensions.version(developer, versionId).get("status").asText()).isEqualTo("IN_AUDIT");
    }

    @Test
    void anUnknownCategoryIsA400NamingTheField() {
        long versionId = extensions.submitted(developer, extensions.registered(developer, "Обмен с банком"), version("1.0"));

        ResponseEntity<JsonNode> refused = tasks.decide(auditor, taskOf(auditor, versionId, TaskKind.VERSION_AUDIT), TaskKind.VERSION_AUDIT,
                body("decision", "APPROVE", "findings", List.of(body("category", "STYLE", "severity", "MINOR", "note", "?"))));

        assertThat(expect(refused, 400).get("detail").asText()).contains("category");
    }

    @Test
    void theAuditLeadNotesWhatWasDoneAboutAnOverdueAudit() {
        String lead = data.user(Groups.AUDIT_LEADS);
        long versionId = extensions.submitted(developer, extensions.registered(developer, "Отчет по складу"), version("1.0"));
        String instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(ExtensionAuditProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(versionId)).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());

        JsonNode noted = expect(tasks.decide(lead, taskOf(lead, versionId, TaskKind.OVERDUE_AUDIT_REVIEW), TaskKind.OVERDUE_AUDIT_REVIEW,
                body("note", "Аудитор предупрежден, срок — завтра")), 200);

        assertThat(noted.get("kind").asText()).isEqualTo("OVERDUE_AUDIT_REVIEW");
        assertThat(noted.at("/request/status").asText()).isEqualTo("IN_AUDIT");
        assertThat(extensions.task(lead, versionId, ExtensionAuditProcess.Elements.REVIEW_OVERDUE_AUDIT)).isNull();
        assertThat(extensions.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION)).as("the audit stays open").isNotNull();
    }

    @Test
    void anotherPartnersDeveloperCannotReviseTheVersion() {
        long versionId = extensions.submitted(developer, extensions.registered(developer, "Сверка остатков"), version("1.0"));
        expect(tasks.decide(auditor, taskOf(auditor, versionId, TaskKind.VERSION_AUDIT), TaskKind.VERSION_AUDIT,
                body("decision", "REQUIRE_CHANGES", "findings", List.of(body("category", "UI_CONVENTIONS", "severity", "MINOR",
                        "note", "Кнопки без подписей")))), 200);
        String taskId = taskOf(developer, versionId, TaskKind.VERSION_REVISION);
        String outsider = data.developer(data.partner());

        ResponseEntity<JsonNode> hostile = tasks.decideMultipart(outsider, taskId, TaskKind.VERSION_REVISION, Map.of("decision", "WITHDRAW"),
                null, null, null);

        assertThat(expect(hostile, 404).get("detail").asText()).isEqualTo("Задача не найдена.");
        assertThat(extensions.version(developer, versionId).get("status").asText()).isEqualTo("CHANGES_REQUIRED");
    }

    private String taskOf(String user, long versionId, TaskKind kind) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> extensions.task(user, versionId, kind.taskDefinitionKey()), task -> task != null).get("id").asText();
    }
}
