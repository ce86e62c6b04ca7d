package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.partnerflow.ProcessTest;
import com.partnerflow.document.Upload;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.TaskCard;

/**
 * Every path of {@code extension-audit} on an in-memory engine with the real BPMN, the real forms and the
 * engine's working-days business calendar (holidays of {@code process-test-engine.cfg.xml}); listeners and
 * delegates replaced by stand-ins that keep the version's status as the domain would.
 */
@Deployment(resources = {"processes/extension-audit.bpmn", "forms/extension-audit.form", "forms/extension-audit-overdue.form"})
class ExtensionAuditProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    static final long VERSION = 7L;
    static final String PARTNER_GROUP = "partner-ALFA";
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Upload EPF = new Upload("Выписки.epf", new byte[] {1, 2, 3});

    final TaskListener overdueAudit = mock(TaskListener.class);
    final TaskListener reviseTaskCreated = mock(TaskListener.class);
    final TaskListener waitingMail = mock(TaskListener.class);
    final JavaDelegate publishVersion = mock(JavaDelegate.class);
    final JavaDelegate sendNotifications = mock(JavaDelegate.class);

    /** The version's status as the domain would keep it; the routing stand-in answers from it. */
    VersionStatus status;
    final List<SubmitVersion> submissions = new ArrayList<>();
    final List<Date> auditDueDates = new ArrayList<>();
    final List<AuditResult> auditResults = new ArrayList<>();
    final List<Resubmission> resubmissions = new ArrayList<>();

    /** Stands in for {@link AcceptVersionListener}: reads the start form with the process API; a version without a file is refused. */
    final ExecutionListener acceptVersion = execution -> {
        SubmitVersion submission = submission(execution);
        submissions.add(submission);
        if (submission.file() == null) {
            throw BusinessRuleViolation.invalid("Версия не принята: приложите файл доработки: файл не выбран или пуст.");
        }
        execution.setProcessBusinessKey(String.valueOf(VERSION));
        VERSION_ID.on(execution, VERSION);
        status = VersionStatus.SUBMITTED;
    };

    /** Stands in for {@link AuditTaskCreatedListener}: the round starts with the due date the engine's calendar gave the task. */
    final TaskListener auditTaskCreated = task -> {
        assertThat(versionId(task)).isEqualTo(VERSION);
        assertThat(status).isEqualTo(VersionStatus.SUBMITTED);
        auditDueDates.add(task.getDueDate());
        status = VersionStatus.IN_AUDIT;
    };

    /** The version of the business key as the task texts read it: its round and due date follow the stand-ins. */
    final ExtensionVersion version = mock(ExtensionVersion.class);

    /** Stands in for {@link AuditCompletedListener}: the auditor's form read with the process API decides the status. */
    final TaskListener auditCompleted = task -> {
        AuditResult result = auditResult(task);
        auditResults.add(result);
        when(version.getAuditComment()).thenReturn(result.comment());
        status = switch (result.decision()) {
            case APPROVE -> VersionStatus.APPROVED;
            case REQUIRE_CHANGES -> VersionStatus.CHANGES_REQUIRED;
            case REJECT -> VersionStatus.REJECTED;
        };
    };

    /** Stands in for {@link RevisionListener}. */
    final TaskListener revision = task -> {
        resubmissions.add(resubmission(task));
        status = REVISION_DECISION.from(task) == RevisionDecision.RESUBMIT ? VersionStatus.SUBMITTED : VersionStatus.WITHDRAWN;
    };

    /** Stands in for {@link AuditRouting}. */
    public class Routing {

        public String outcome(DelegateExecution execution) {
            assertThat(versionId(execution)).isEqualTo(VERSION);
            return status.name();
        }

        public String developerGroup(DelegateExecution execution) {
            return PARTNER_GROUP;
        }

        public String auditSla() {
            return "2 working days";
        }
    }

    @BeforeEach
    void registerDelegates() {
        Extension extension = mock(Extension.class);
        when(extension.getName()).thenReturn("Загрузка выписок");
        when(extension.getKind()).thenReturn(ExtensionKind.ADDITIONAL_PROCESSING);
        when(extension.getTargetApplication()).thenReturn("Бухгалтерия предприятия");
        when(extension.maintainer()).thenReturn(new Partner("ALFA", "Альфа-Софт", false, BigDecimal.TEN, "alfa@partners.test"));
        when(version.getExtension()).thenReturn(extension);
        when(version.getNumber()).thenReturn("1.0.0");
        when(version.getTargetApplicationVersion()).thenReturn("3.0");
        when(version.getAuditRound()).thenAnswer(call -> auditDueDates.size());
        when(version.getAuditDueAt()).thenAnswer(call -> auditDueDates.get(auditDueDates.size() - 1).toInstant());
        ExtensionService extensions = mock(ExtensionService.class);
        when(extensions.byId(VERSION)).thenReturn(version);
        describeTasksWith(new AuditTasks(extensions, new AuditSettings("2 working days"), DEADLINES));
        Mocks.register("acceptVersionListener", acceptVersion);
        Routing routing = new Routing();
        Mocks.register("auditRouting", routing);
        clearDecisionsOf(ExtensionAuditProcess.KEY, ExtensionAuditProcess::decisionOf);
        Mocks.register("auditTaskCreatedListener", auditTaskCreated);
        Mocks.register("auditCompletedListener", auditCompleted);
        Mocks.register("overdueAuditListener", overdueAudit);
        Mocks.register("reviseTaskCreatedListener", reviseTaskCreated);
        Mocks.register("auditWaitingMailListener", waitingMail);
        Mocks.register("revisionListener", revision);
        Mocks.register("publishVersionDelegate", publishVersion);
        Mocks.register("sendAuditNotificationsDelegate", sendNotifications);
        ClockUtil.setCurrentTime(moscow(2026, 11, 18, 11, 0));
    }

    @Test
    void anApprovedVersionIsPublishedAndThePartnerAndClientsNotified() throws Exception {
        ProcessInstance instance = start(submitted());

        assertThat(submissions).singleElement().satisfies(submission -> {
            assertThat(submission.extensionId()).isNull();
            assertThat(submission.extension()).isEqualTo(new ExtensionDraft("Загрузка выписок", ExtensionKind.ADDITIONAL_PROCESSING,
                    "Бухгалтерия предприятия", ExtensionOwner.PARTNER, null));
            assertThat(submission.version()).isEqualTo("1.0.0");
            assertThat(submission.distribution()).isEqualTo(Distribution.SEVERAL);
            assertThat(submission.recipients()).containsExactly("1001", "1004");
            assertThat(submission.file().fileName()).isEqualTo(EPF.fileName());
        });
        assertThat(instance).isWaitingAt(Elements.AUDIT_VERSION).variables().containsEntry(VERSION_ID.name(), VERSION)
                .doesNotContainKey(FILE.name());
        assertThat(auditTask()).hasCandidateGroup(Groups.AUDITORS).isNotAssigned();

        VariableMap approval = AUDIT_DECISION.with(AuditDecision.APPROVE);
        SEVERITY.get(FindingCategory.UI_CONVENTIONS).putIn(approval, "MINOR");
        NOTE.get(FindingCategory.UI_CONVENTIONS).putIn(approval, "Команда без картинки на панели");
        SEVERITY.get(FindingCategory.SECURITY).putIn(approval, NO_FINDING);
        complete(auditTask(), approval);

        assertThat(auditResults).singleElement().satisfies(result -> {
            assertThat(result.decision()).isEqualTo(AuditDecision.APPROVE);
            assertThat(result.findings()).containsExactly(
                    new Finding(FindingCategory.UI_CONVENTIONS, FindingSeverity.MINOR, "Команда без картинки на панели"));
        });
        verify(publishVersion).execute(any());
        assertThat(instance).hasPassed(Elements.AUDIT_DONE, Elements.AUDIT_OUTCOME, Elements.PUBLISH_VERSION)
                .isWaitingAt(Elements.NOTIFY_PUBLISHED);
        assertThat(managementService().createJobQuery().timers().count()).as("the SLA timer ended with the round").isZero();
        verify(sendNotifications, never()).execute(any());

        execute(notificationJob());

        verify(sendNotifications).execute(any());
        assertThat(instance).hasPassedInOrder(Elements.START, Elements.AUDIT_VERSION, Elements.PUBLISH_VERSION,
                Elements.NOTIFY_PUBLISHED, Elements.END_PUBLISHED).isEnded();
        assertThat(instance).hasNotPassed(Elements.REVIEW_OVERDUE_AUDIT, Elements.REVISE_VERSION, Elements.END_REJECTED);
    }

    /** Each task names the extension and its version and says what is asked, by when and what follows (issue 19). */
    @Test
    void everyTaskIsNamedAndDescribedFromTheVersionWithItsDeadline() throws Exception {
        ProcessInstance instance = start(submitted());

        Task audit = auditTask();
        assertThat(audit.getName()).isEqualTo("Провести аудит версии доработки «Загрузка выписок» 1.0.0");
        assertThat(audit.getDueDate()).isEqualTo(slaTimer().getDuedate()).isEqualTo(moscow(2026, 11, 20, 11, 0));
        assertThat(audit.getDescription()).isEqualTo("Партнер «Альфа-Софт» (ALFA) отправил на аудит версию 1.0.0 доработки "
                + "«Загрузка выписок» (дополнительная обработка для «Бухгалтерия предприятия» 3.0). Проверьте версию по каждому "
                + "разделу и примите решение: одобрить (версия будет опубликована и станет доступна клиентам), вернуть на "
                + "исправление или отклонить. Срок аудита — 2 рабочих дня, до 20.11.2026 11:00 (мск). Если аудит не будет проведен "
                + "в срок, руководители аудита получат задачу разобраться с просрочкой, а эта задача останется у вас.");
        assertThat(taskService().getVariablesLocal(audit.getId())).containsEntry(TaskCard.SUBJECT.name(), "«Загрузка выписок» 1.0.0")
                .containsEntry(TaskCard.PARTNER.name(), "«Альфа-Софт» (ALFA)");

        ClockUtil.setCurrentTime(slaTimer().getDuedate());
        execute(slaTimer());
        Task lead = leadTask();
        assertThat(lead.getName()).isEqualTo("Аудит просрочен: разобраться с версией 1.0.0 доработки «Загрузка выписок»");
        assertThat(lead.getDescription()).startsWith("Аудит версии 1.0.0 доработки «Загрузка выписок» (дополнительная обработка для "
                + "«Бухгалтерия предприятия» 3.0) партнера «Альфа-Софт» (ALFA) не проведен в срок (срок истек 20.11.2026 11:00 (мск)).")
                .endsWith("Срок не установлен; когда аудитор примет решение, задача закроется сама.");
        assertThat(lead.getDueDate()).as("the leads' task waits for no timer").isNull();

        complete(auditTask(), changesWithComment());
        execute(notificationJob());
        Task revise = taskService().createTaskQuery().taskDefinitionKey(Elements.REVISE_VERSION).singleResult();
        assertThat(revise.getName()).isEqualTo("Исправить версию доработки «Загрузка выписок» 1.0.0");
        assertThat(revise.getDescription()).startsWith("Аудитор вернул на исправление версию 1.0.0 доработки «Загрузка выписок» "
                + "(дополнительная обработка для «Бухгалтерия предприятия» 3.0): «Добавьте префикс разработчика».")
                .endsWith("Срок не установлен: версия ждет вас, а клиенты не получат ее, пока она не пройдет аудит.");
        assertThat(revise.getDueDate()).isNull();

        ClockUtil.setCurrentTime(moscow(2026, 11, 23, 9, 30));
        VariableMap fix = REVISION_DECISION.with(RevisionDecision.RESUBMIT);
        FILE.putIn(fix, new Upload("Выписки-исправлено.epf", new byte[] {4, 5}));
        complete(revise, fix);
        assertThat(auditTask().getDescription()).as("the second round says so and has its own deadline")
                .contains("(раунд 2, после исправления)", "до 25.11.2026 09:30 (мск)");
        assertThat(instance).isWaitingAt(Elements.AUDIT_VERSION);
    }

    @Test
    void aFridayEveningSubmissionIsDueOnTuesdayEveningAndTheTimerFiresThen() {
        ClockUtil.setCurrentTime(moscow(2026, 11, 20, 18, 30));

        start(submitted());

        Date tuesdayEvening = moscow(2026, 11, 24, 18, 30);
        assertThat(auditDueDates).containsExactly(tuesdayEvening);
        assertThat(auditTask().getDueDate()).isEqualTo(tuesdayEvening);
        assertThat(slaTimer().getDuedate()).isEqualTo(tuesdayEvening);
    }

    @Test
    void aSubmissionBeforeTheNewYearHolidaysIsDueAfterThem() {
        ClockUtil.setCurrentTime(moscow(2026, 12, 30, 15, 0));

        start(submitted());

        assertThat(auditTask().getDueDate()).isEqualTo(moscow(2027, 1, 12, 15, 0));
        assertThat(slaTimer().getDuedate()).isEqualTo(moscow(2027, 1, 12, 15, 0));
    }

    @Test
    void atTheDueDateTheAuditLeadsAreAlertedWhileTheAuditStaysOpen() throws Exception {
        ProcessInstance instance = start(submitted());
        String auditTaskId = auditTask().getId();

        ClockUtil.setCurrentTime(slaTimer().getDuedate());
        execute(slaTimer());

        verify(overdueAudit).notify(any());
        Task leadTask = leadTask();
        assertThat(leadTask).hasCandidateGroup(Groups.AUDIT_LEADS);
        assertThat(auditTask().getId()).as("the audit task stays open").isEqualTo(auditTaskId);
        assertThat(instance).isWaitingAt(Elements.AUDIT_VERSION, Elements.REVIEW_OVERDUE_AUDIT);

        complete(leadTask, LEAD_NOTE.with("Напомнила аудитору"));
        assertThat(instance).hasPassed(Elements.OVERDUE_REVIEWED).isWaitingAt(Elements.AUDIT_VERSION);

        complete(auditTask(), AUDIT_DECISION.with(AuditDecision.APPROVE));
        execute(notificationJob());
        assertThat(instance).hasPassed(Elements.END_PUBLISHED).isEnded();
    }

    @Test
    void anAuditDecidedWhileTheLeadsTaskIsOpenClosesThatTask() throws Exception {
        ProcessInstance instance = start(submitted());
        execute(slaTimer());
        assertThat(leadTask()).isNotNull();

        VariableMap rejection = AUDIT_DECISION.with(AuditDecision.REJECT);
        SEVERITY.get(FindingCategory.SECURITY).putIn(rejection, "CRITICAL");
        NOTE.get(FindingCategory.SECURITY).putIn(rejection, "Выполняет произвольный код из реквизита");
        AUDIT_COMMENT.putIn(rejection, "Небезопасная доработка");
        complete(auditTask(), rejection);

        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count())
                .as("the lead's task ended with the round").isZero();
        assertThat(instance).isWaitingAt(Elements.NOTIFY_REJECTED);
        execute(notificationJob());
        verify(sendNotifications).execute(any());
        verify(publishVersion, never()).execute(any());
        assertThat(instance).hasPassed(Elements.END_REJECTED).hasNotPassed(Elements.OVERDUE_REVIEWED, Elements.END_PUBLISHED)
                .isEnded();
        assertThat(auditResults).singleElement().satisfies(result -> assertThat(result.findings()).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(FindingSeverity.CRITICAL)));
    }

    @Test
    void requiredChangesGoBackToThePartnerWhoResubmitsForANewRoundWithANewDueDate() throws Exception {
        ProcessInstance instance = start(submitted());

        VariableMap changes = AUDIT_DECISION.with(AuditDecision.REQUIRE_CHANGES);
        SEVERITY.get(FindingCategory.PERFORMANCE).putIn(changes, "MAJOR");
        NOTE.get(FindingCategory.PERFORMANCE).putIn(changes, "Запрос в цикле");
        complete(auditTask(), changes);

        assertThat(instance).isWaitingAt(Elements.NOTIFY_CHANGES_REQUIRED);
        execute(notificationJob());
        verify(sendNotifications).execute(any());
        assertThat(instance).isWaitingAt(Elements.REVISE_VERSION);
        Task revise = taskService().createTaskQuery().taskDefinitionKey(Elements.REVISE_VERSION).singleResult();
        assertThat(revise).hasCandidateGroup(PARTNER_GROUP);
        verify(reviseTaskCreated).notify(any());
        verify(waitingMail).notify(any());

        ClockUtil.setCurrentTime(moscow(2026, 11, 20, 10, 0));
        VariableMap fix = REVISION_DECISION.with(RevisionDecision.RESUBMIT);
        VERSION_NUMBER.putIn(fix, "1.0.0");
        FILE.putIn(fix, new Upload("Выписки-исправлено.epf", new byte[] {4, 5}));
        complete(revise, fix);

        assertThat(resubmissions).singleElement().satisfies(resubmission -> {
            assertThat(resubmission.version()).isEqualTo("1.0.0");
            assertThat(resubmission.file().fileName()).isEqualTo("Выписки-исправлено.epf");
        });
        assertThat(instance).hasPassed(Elements.REVISED).isWaitingAt(Elements.AUDIT_VERSION);
        assertThat(auditDueDates).containsExactly(moscow(2026, 11, 20, 11, 0), moscow(2026, 11, 24, 10, 0));
        assertThat(slaTimer().getDuedate()).isEqualTo(moscow(2026, 11, 24, 10, 0));

        complete(auditTask(), AUDIT_DECISION.with(AuditDecision.APPROVE));
        execute(notificationJob());
        assertThat(auditResults).hasSize(2);
        verify(publishVersion).execute(any());
        assertThat(instance).hasPassed(Elements.END_PUBLISHED).isEnded();
    }

    @Test
    void thePartnerMayWithdrawAVersionSentBack() throws Exception {
        ProcessInstance instance = start(submitted());
        complete(auditTask(), changesWithComment());
        execute(notificationJob());

        complete(taskService().createTaskQuery().taskDefinitionKey(Elements.REVISE_VERSION).singleResult(),
                REVISION_DECISION.with(RevisionDecision.WITHDRAW));

        assertThat(instance).hasPassed(Elements.END_WITHDRAWN).hasNotPassed(Elements.END_PUBLISHED, Elements.END_REJECTED)
                .isEnded();
        verify(publishVersion, never()).execute(any());
    }

    @Test
    void aRefusedSubmissionLeavesNoInstanceBehind() {
        VariableMap withoutFile = submitted();
        withoutFile.remove(FILE.name());

        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, withoutFile))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("приложите файл доработки");

        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void aFailingNotificationIsRetriedAndThenBecomesAnIncident() throws Exception {
        ProcessInstance instance = start(submitted());
        doThrow(new IllegalStateException("SMTP down")).when(sendNotifications).execute(any());
        complete(auditTask(), AUDIT_DECISION.with(AuditDecision.APPROVE));

        for (int attempt = 0; attempt < MAIL_ATTEMPTS; attempt++) {
            Job job = notificationJob();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP down");
        }

        verify(sendNotifications, times(MAIL_ATTEMPTS)).execute(any());
        assertThat(notificationJob().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(instance).isWaitingAt(Elements.NOTIFY_PUBLISHED);
    }

    @Test
    void theApiStartsByExtensionIdWithoutTheFormsDescription() {
        VariableMap variables = EXTENSION_ID.with(12L);
        VERSION_NUMBER.putIn(variables, "2.0");
        TARGET_APPLICATION_VERSION.putIn(variables, "3.0.150");
        CHANGE_NOTES.putIn(variables, "Новая версия");
        DISTRIBUTION.putIn(variables, Distribution.ALL);
        FILE.putIn(variables, EPF);

        start(variables);

        assertThat(submissions).singleElement().satisfies(submission -> {
            assertThat(submission.extensionId()).isEqualTo(12L);
            assertThat(submission.extension()).isNull();
            assertThat(submission.recipients()).isEmpty();
        });
    }

    @Test
    void theAuditorsAndLeadsFormsAreTheCamundaFormsOfTheDeploymentAndTheOthersEmbedded() throws IOException {
        ProcessInstance instance = start(submitted());
        execute(slaTimer());

        assertThat(formService().getStartFormKey(instance.getProcessDefinitionId())).isEqualTo("embedded:/forms/extension-submit.html");
        try (InputStream auditForm = formService().getDeployedTaskForm(auditTask().getId());
             InputStream leadForm = formService().getDeployedTaskForm(leadTask().getId())) {
            String audit = new String(auditForm.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(audit).contains("\"id\": \"extension-audit\"", "\"key\": \"" + AUDIT_DECISION.name() + "\"",
                    "\"key\": \"" + AUDIT_COMMENT.name() + "\"");
            for (FindingCategory category : FindingCategory.values()) {
                assertThat(audit).contains("\"key\": \"" + SEVERITY.get(category).name() + "\"",
                        "\"key\": \"" + NOTE.get(category).name() + "\"");
            }
            assertThat(new String(leadForm.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"extension-audit-overdue\"", "\"key\": \"" + LEAD_NOTE.name() + "\"");
        }
    }

    @Test
    void anUnknownSeverityFromARestClientIsRefusedInRussian() {
        start(submitted());
        VariableMap bogus = AUDIT_DECISION.with(AuditDecision.APPROVE);
        SEVERITY.get(FindingCategory.SECURITY).putIn(bogus, "HUGE");

        assertThatThrownBy(() -> taskService().complete(auditTask().getId(), bogus))
                .hasMessageContaining("Недопустимая серьезность замечания в разделе «Безопасность»");
        assertThat(auditResults).isEmpty();
    }

    private static VariableMap changesWithComment() {
        VariableMap changes = AUDIT_DECISION.with(AuditDecision.REQUIRE_CHANGES);
        AUDIT_COMMENT.putIn(changes, "Добавьте префикс разработчика");
        return changes;
    }

    static VariableMap submitted() {
        VariableMap variables = EXTENSION_NAME.with("Загрузка выписок");
        KIND.putIn(variables, ExtensionKind.ADDITIONAL_PROCESSING);
        TARGET_APPLICATION.putIn(variables, "Бухгалтерия предприятия");
        OWNER.putIn(variables, ExtensionOwner.PARTNER);
        VERSION_NUMBER.putIn(variables, "1.0.0");
        TARGET_APPLICATION_VERSION.putIn(variables, "3.0.150");
        CHANGE_NOTES.putIn(variables, "Первая версия");
        DISTRIBUTION.putIn(variables, Distribution.SEVERAL);
        RECIPIENTS.putIn(variables, "1001, 1004");
        FILE.putIn(variables, EPF);
        return variables;
    }

    private static ProcessInstance start(VariableMap variables) {
        return runtimeService().startProcessInstanceByKey(KEY, variables);
    }

    private static Task auditTask() {
        return taskService().createTaskQuery().taskDefinitionKey(Elements.AUDIT_VERSION).singleResult();
    }

    private static Task leadTask() {
        return taskService().createTaskQuery().taskDefinitionKey(Elements.REVIEW_OVERDUE_AUDIT).singleResult();
    }

    private static Job slaTimer() {
        return managementService().createJobQuery().timers().activityId(Elements.AUDIT_OVERDUE).singleResult();
    }

    private static Job notificationJob() {
        return managementService().createJobQuery().messages().singleResult();
    }

    static Date moscow(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(MOSCOW).toInstant());
    }
}
