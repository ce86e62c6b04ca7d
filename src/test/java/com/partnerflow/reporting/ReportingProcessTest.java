package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.partnerflow.ProcessTest;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.TaskCard;

/**
 * Every path of {@code reporting-extension-application} on an in-memory engine with the real BPMN,
 * the real decision table and the forms; listeners and delegates replaced by mocks and stand-ins:
 * the model's routing, the tier decision, async notification steps and incidents.
 */
@Deployment(resources = {"processes/reporting-extension-application.bpmn", "processes/reporting-extension-tier.dmn",
        "forms/reporting-application-submit.form", "forms/reporting-application-process.form"})
class ReportingProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    static final long APPLICATION = 42L;
    static final String PARTNER_GROUP = "partner-ALFA";

    final TaskListener processingTaskCreated = mock(TaskListener.class);
    final TaskListener waitingMail = mock(TaskListener.class);
    final TaskListener applicationProcessed = mock(TaskListener.class);
    final JavaDelegate enableMultiUserMode = mock(JavaDelegate.class);
    final JavaDelegate sendNotifications = mock(JavaDelegate.class);

    /** What the process handed to the domain, read with the process API as the real listeners and delegates read it. */
    final List<SubmitApplication> submissions = new ArrayList<>();
    final List<TierRule> recordedTierRules = new ArrayList<>();
    final List<PartnerDecision> partnerDecisions = new ArrayList<>();
    final List<String> createdTasks = new ArrayList<>();

    /**
     * Stands in for {@link AcceptApplicationListener}: reads the start form with the process API, then
     * writes the business key and the variables the real one writes from the domain.
     */
    final ExecutionListener acceptApplication = execution -> {
        SubmitApplication submission = submission(execution);
        submissions.add(submission);
        List<PlannedUser> users = submission.users().stream().map(PlannedUser::normalized).toList();
        execution.setProcessBusinessKey(String.valueOf(APPLICATION));
        APPLICATION_ID.on(execution, APPLICATION);
        REG_NUMBER.on(execution, "FR1001");
        ORGANIZATION_NAME.on(execution, submission.organizationName());
        INN.on(execution, submission.inn());
        KPP.on(execution, submission.kpp());
        MULTI_USER_MODE.on(execution, submission.multiUserMode());
        CLIENT_MULTI_USER_MODE.on(execution, submission.multiUserMode() ? "Включен" : "Выключен");
        USERS.on(execution, users);
        USER_COUNT.on(execution, (long) users.size());
        SIGNATURE_ROLES_TEXT.on(execution, "подписание");
    };

    /** Stands in for {@link RecordRequestedTierDelegate} and the service behind it: too few users roll the start back. */
    final JavaDelegate recordRequestedTier = execution -> {
        assertThat(applicationId(execution)).isEqualTo(APPLICATION);
        TierRule rule = TIER_RULE.from(execution);
        if (rule == TierRule.TOO_FEW_USERS) {
            throw BusinessRuleViolation.invalid("Заявление не принято: для многопользовательского режима укажите "
                    + "не меньше двух пользователей или выключите режим.");
        }
        recordedTierRules.add(rule);
    };

    /** Stands in for {@link ReportingRouting}: what the domain would answer for application 42. */
    public static class Routing {

        public String servicingPartnerGroup(DelegateExecution execution) {
            assertThat(ReportingProcess.applicationId(execution)).isEqualTo(APPLICATION);
            return PARTNER_GROUP;
        }

        /** The domain records what the partner's form decided; here the decision variable stands in for it. */
        public boolean approved(DelegateExecution execution) {
            return APPLICATION_DECISION.from(execution) == ApplicationDecision.APPROVE;
        }
    }

    @BeforeEach
    void registerDelegates() throws Exception {
        Partner alfa = new Partner("ALFA", "Альфа-Софт", false, BigDecimal.TEN, "alfa@partners.test");
        ReportingApplication application = mock(ReportingApplication.class);
        when(application.getSubscriber()).thenReturn(new Subscriber("1001", "ООО «Ромашка»", "7707083893", SubscriberStatus.ACTIVE, alfa,
                Instant.parse("2024-01-01T00:00:00Z")));
        when(application.getOrganizationName()).thenReturn("ООО «Ромашка»");
        when(application.getInn()).thenReturn("7707083893");
        when(application.isRequestedMultiUser()).thenReturn(true);
        when(application.getUsers()).thenReturn(users(3));
        when(application.getRequestedTier()).thenReturn(MultiUserTier.TWO_TO_NINE);
        ReportingService applications = mock(ReportingService.class);
        when(applications.byId(APPLICATION)).thenReturn(application);
        describeTasksWith(new ReportingTasks(applications));
        Mocks.register("acceptApplicationListener", acceptApplication);
        Mocks.register("recordRequestedTierDelegate", recordRequestedTier);
        Routing routing = new Routing();
        Mocks.register("reportingRouting", routing);
        clearDecisionsOf(ReportingProcess.KEY, ReportingProcess::decisionOf);
        Mocks.register("processingTaskCreatedListener", processingTaskCreated);
        Mocks.register("reportingWaitingMailListener", waitingMail);
        Mocks.register("applicationProcessedListener", applicationProcessed);
        Mocks.register("enableMultiUserModeDelegate", enableMultiUserMode);
        Mocks.register("sendApplicationNotificationsDelegate", sendNotifications);
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            createdTasks.add(task.getEventName() + ":" + task.getTaskDefinitionKey() + ":" + applicationId(task));
            return null;
        }).when(processingTaskCreated).notify(any());
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            assertThat(task.getEventName()).isEqualTo(TaskListener.EVENTNAME_COMPLETE);
            assertThat(applicationId(task)).isEqualTo(APPLICATION);
            partnerDecisions.add(partnerDecision(task));
            return null;
        }).when(applicationProcessed).notify(any());
    }

    @Test
    void anApplicationApprovedAsSubmittedEnablesTheModeAndNotifiesAfterwards() throws Exception {
        ProcessInstance instance = start(true, 3);

        assertThat(submissions).singleElement().satisfies(submission -> {
            assertThat(submission.subscriberNumber()).isEqualTo("1001");
            assertThat(submission.inn()).isEqualTo("7707083893");
            assertThat(submission.multiUserMode()).isTrue();
            assertThat(submission.users()).isEqualTo(users(3));
            assertThat(submission.signatureRoles()).containsExactly(SignatureRole.SIGN, SignatureRole.ENCRYPT);
        });
        assertThat(recordedTierRules).containsExactly(TierRule.TWO_TO_NINE);
        assertThat(instance).hasPassedInOrder(Elements.START, Elements.DETERMINE_TIER, Elements.RECORD_REQUESTED_TIER)
                .isWaitingAt(Elements.PROCESS_APPLICATION)
                .variables().containsEntry(TIER_RULE.name(), TierRule.TWO_TO_NINE.name())
                .containsEntry(USER_COUNT.name(), 3L).containsEntry(APPLICATION_ID.name(), APPLICATION);
        assertThat(task()).hasCandidateGroup(PARTNER_GROUP).isNotAssigned();
        assertThat(taskService().createTaskQuery().taskCandidateGroup("partner-BETA").count()).isZero();

        complete(task(), approve(true, MultiUserTier.TWO_TO_NINE));

        assertThat(partnerDecisions).containsExactly(
                new PartnerDecision(ApplicationDecision.APPROVE, true, MultiUserTier.TWO_TO_NINE, null, users(3)));
        verify(enableMultiUserMode).execute(any());
        assertThat(instance).hasPassed(Elements.APPLICATION_DECIDED, Elements.ENABLE_MULTI_USER_MODE)
                .isWaitingAt(Elements.NOTIFY_APPROVED);
        assertThat(job()).as("the mails go out in their own transaction")
                .satisfies(job -> assertThat(job.getRetries()).isPositive());
        verify(sendNotifications, never()).execute(any());

        execute(job());

        verify(sendNotifications).execute(any());
        assertThat(instance).hasPassedInOrder(Elements.DETERMINE_TIER, Elements.PROCESS_APPLICATION,
                Elements.ENABLE_MULTI_USER_MODE, Elements.NOTIFY_APPROVED, Elements.END_APPROVED).isEnded();
        assertThat(instance).hasNotPassed(Elements.NOTIFY_REJECTED, Elements.END_REJECTED);
    }

    /** The partner's task names the client and says what the client asks and what follows (issue 19). */
    @Test
    void thePartnersTaskIsNamedAndDescribedFromTheApplication() {
        start(true, 3);

        assertThat(task().getName()).isEqualTo("Обработать заявление клиента 1001 «ООО «Ромашка»»");
        assertThat(task().getDescription()).startsWith("Ваш клиент 1001 «ООО «Ромашка»» (ООО «Ромашка», ИНН 7707083893) просит "
                        + "включить многопользовательский режим 1С-Отчетности (пользователей: 3, вариант «от 2 до 9»).")
                .endsWith("Срок не установлен: заявление ждет вашего решения.");
        assertThat(task().getDueDate()).as("no timer waits on the partner").isNull();
        assertThat(taskService().getVariablesLocal(task().getId())).containsEntry(TaskCard.SUBSCRIBER.name(), "1001 «ООО «Ромашка»»")
                .containsEntry(TaskCard.PARTNER.name(), "«Альфа-Софт» (ALFA)");
    }

    @Test
    void thePartnerMaySwitchTheModeOffAndStillApprove() throws Exception {
        ProcessInstance instance = start(true, 3);

        complete(task(), approve(false, null));

        assertThat(partnerDecisions).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo(ApplicationDecision.APPROVE);
            assertThat(decision.multiUserMode()).isFalse();
            assertThat(decision.tier()).isNull();
        });
        verify(enableMultiUserMode).execute(any());
        execute(job());
        assertThat(instance).hasPassed(Elements.ENABLE_MULTI_USER_MODE, Elements.END_APPROVED)
                .hasNotPassed(Elements.NOTIFY_REJECTED).isEnded();
    }

    @Test
    void thePartnerMaySwitchTheModeOnWhenTheClientLeftItOff() throws Exception {
        ProcessInstance instance = start(false, 3);
        assertThat(recordedTierRules).containsExactly(TierRule.NONE);

        complete(task(), approve(true, MultiUserTier.TWO_TO_NINE));

        assertThat(partnerDecisions).singleElement().satisfies(decision -> {
            assertThat(decision.multiUserMode()).isTrue();
            assertThat(decision.tier()).isEqualTo(MultiUserTier.TWO_TO_NINE);
        });
        execute(job());
        assertThat(instance).hasPassed(Elements.ENABLE_MULTI_USER_MODE, Elements.END_APPROVED).isEnded();
    }

    @Test
    void thePartnerMayChangeTheTier() throws Exception {
        ProcessInstance instance = start(true, 3);

        complete(task(), approve(true, MultiUserTier.TEN_OR_MORE));

        assertThat(partnerDecisions).singleElement()
                .satisfies(decision -> assertThat(decision.tier()).isEqualTo(MultiUserTier.TEN_OR_MORE));
        assertThat(instance).variables().containsEntry(TIER.name(), MultiUserTier.TEN_OR_MORE.name())
                .containsEntry(TIER_RULE.name(), TierRule.TWO_TO_NINE.name());
        verify(enableMultiUserMode).execute(any());
        execute(job());
        assertThat(instance).hasPassed(Elements.END_APPROVED).isEnded();
    }

    @Test
    void aRejectedApplicationIsNotEnabledAndTheRejectionIsNotified() throws Exception {
        ProcessInstance instance = start(true, 3);

        VariableMap rejection = APPLICATION_DECISION.with(ApplicationDecision.REJECT);
        REJECTION_REASON.putIn(rejection, "Клиент не подписал договор");
        complete(task(), rejection);

        assertThat(partnerDecisions).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo(ApplicationDecision.REJECT);
            assertThat(decision.rejectionReason()).isEqualTo("Клиент не подписал договор");
        });
        assertThat(instance).hasPassed(Elements.APPLICATION_DECIDED).isWaitingAt(Elements.NOTIFY_REJECTED);
        verify(sendNotifications, never()).execute(any());

        execute(job());

        verify(sendNotifications).execute(any());
        assertThat(instance).hasPassedInOrder(Elements.PROCESS_APPLICATION, Elements.NOTIFY_REJECTED, Elements.END_REJECTED)
                .hasNotPassed(Elements.ENABLE_MULTI_USER_MODE, Elements.NOTIFY_APPROVED, Elements.END_APPROVED).isEnded();
        verify(enableMultiUserMode, never()).execute(any());
    }

    @Test
    void multiUserModeForOneUserIsRefusedAndLeavesNoInstanceBehind() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, submitted(true, 1)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID))
                .hasMessageContaining("не меньше двух пользователей");

        assertThat(submissions).hasSize(1);
        assertThat(recordedTierRules).isEmpty();
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(taskService().createTaskQuery().count()).isZero();
        verify(processingTaskCreated, never()).notify(any());
    }

    @Test
    void multiUserModeWithoutUsersIsRefusedToo() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, submitted(true, 0)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("не меньше двух пользователей");

        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aSingleUserApplicationGetsNoTierAndGoesToThePartner() {
        ProcessInstance instance = start(false, 1);

        assertThat(recordedTierRules).containsExactly(TierRule.NONE);
        assertThat(instance).isWaitingAt(Elements.PROCESS_APPLICATION).variables()
                .containsEntry(TIER_RULE.name(), TierRule.NONE.name()).containsEntry(MULTI_USER_MODE.name(), false);
        assertThat(task()).hasCandidateGroup(PARTNER_GROUP);
    }

    @Test
    void tenUsersGetTheTenOrMoreTier() {
        ProcessInstance instance = start(true, 10);

        assertThat(recordedTierRules).containsExactly(TierRule.TEN_OR_MORE);
        assertThat(instance).variables().containsEntry(TIER_RULE.name(), TierRule.TEN_OR_MORE.name());
    }

    @Test
    void theModeAsTextFromARestClientIsReadAsABoolean() {
        VariableMap variables = submitted(true, 2);
        variables.putValue(MULTI_USER_MODE.name(), "true");

        ProcessInstance instance = start(variables);

        assertThat(submissions).singleElement().satisfies(submission -> assertThat(submission.multiUserMode()).isTrue());
        assertThat(recordedTierRules).containsExactly(TierRule.TWO_TO_NINE);
        assertThat(instance).variables().containsEntry(MULTI_USER_MODE.name(), true);
    }

    @Test
    void theStartFormAndThePartnersFormAreTheCamundaFormsOfTheDeployment() throws IOException {
        ProcessInstance instance = start(true, 3);

        try (InputStream startForm = formService().getDeployedStartForm(instance.getProcessDefinitionId());
             InputStream taskForm = formService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(startForm.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"reporting-application-submit\"", "\"key\": \"" + INN.name() + "\"",
                            "\"key\": \"" + USERS.name() + "\"", "\"key\": \"" + USERS_TEXT.name() + "\"");
            assertThat(new String(taskForm.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"reporting-application-process\"",
                            "\"key\": \"" + APPLICATION_DECISION.name() + "\"", "\"key\": \"" + TIER.name() + "\"",
                            "\"key\": \"" + MULTI_USER_MODE.name() + "\"", "\"key\": \"" + REJECTION_REASON.name() + "\"");
        }
    }

    @Test
    void theCreateListenerRunsOnceWhenThePartnersTaskIsCreatedAndTheCompleteListenerOnlyOnCompletion() {
        start(true, 3);

        assertThat(createdTasks).containsExactly(
                TaskListener.EVENTNAME_CREATE + ":" + Elements.PROCESS_APPLICATION + ":" + APPLICATION);
        verify(processingTaskCreated).notify(any());
        verify(waitingMail).notify(any());
        verify(applicationProcessed, never()).notify(any());

        complete(task(), approve(true, MultiUserTier.TWO_TO_NINE));

        verify(processingTaskCreated).notify(any());
        verify(applicationProcessed).notify(any());
    }

    @Test
    void aDecisionRefusedByTheDomainKeepsTheTaskOpen() throws Exception {
        ProcessInstance instance = start(true, 3);
        doThrow(BusinessRuleViolation.invalid("Укажите причину отказа.")).when(applicationProcessed).notify(any());

        assertThatThrownBy(() -> complete(task(), APPLICATION_DECISION.with(ApplicationDecision.REJECT)))
                .hasMessageContaining("Укажите причину отказа");

        assertThat(instance).isWaitingAt(Elements.PROCESS_APPLICATION);
        assertThat(runtimeService().getVariable(instance.getId(), APPLICATION_DECISION.name()))
                .as("the refused decision is rolled back: the variable stays as the task's creation cleared it").isNull();
        verify(enableMultiUserMode, never()).execute(any());
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void completingWithoutADecisionCannotPassTheGateway() throws Exception {
        ProcessInstance instance = start(true, 3);

        assertThatThrownBy(() -> taskService().complete(task().getId())).isInstanceOf(RuntimeException.class);

        assertThat(partnerDecisions).as("the real listener refuses this first").singleElement()
                .satisfies(decision -> assertThat(decision.decision()).isNull());
        assertThat(instance).isWaitingAt(Elements.PROCESS_APPLICATION);
        verify(enableMultiUserMode, never()).execute(any());
    }

    @Test
    void aFailingApprovalMailIsRetriedForTwoHoursWithGrowingPausesAndThenBecomesAnIncident() throws Exception {
        doThrow(new IllegalStateException("SMTP server down")).when(sendNotifications).execute(any());
        ProcessInstance instance = start(true, 3);
        complete(task(), approve(true, MultiUserTier.TWO_TO_NINE));
        Job mail = job();

        // an hour-long outage is bridged by the retries alone: attempts at 0, 1, 6, 16, 36, 66 and 126 minutes
        List<Duration> pauses = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofHours(1));
        Date firstAttempt = new Date();
        Date now = firstAttempt;
        for (int attempt = 1; attempt < MAIL_ATTEMPTS; attempt++) {
            ClockUtil.setCurrentTime(now);
            assertThatThrownBy(() -> managementService().executeJob(mail.getId())).hasMessageContaining("SMTP server down");
            Job retried = managementService().createJobQuery().jobId(mail.getId()).singleResult();
            assertThat(retried.getRetries()).as("retries left after attempt %d", attempt).isEqualTo(MAIL_ATTEMPTS - attempt);
            Duration pause = pauses.get(attempt - 1);
            assertThat(retried.getDuedate()).as("next attempt after %s", pause).isCloseTo(new Date(now.getTime() + pause.toMillis()), 1000);
            assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
            now = retried.getDuedate();
        }
        assertThat(Duration.ofMillis(now.getTime() - firstAttempt.getTime())).as("the last attempt")
                .isCloseTo(Duration.ofMinutes(126), Duration.ofSeconds(10));

        ClockUtil.setCurrentTime(now);
        assertThatThrownBy(() -> managementService().executeJob(mail.getId())).hasMessageContaining("SMTP server down");

        assertThat(managementService().createJobQuery().jobId(mail.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult())
                .satisfies(incident -> {
                    assertThat(incident.getActivityId()).isEqualTo(Elements.NOTIFY_APPROVED);
                    assertThat(incident.getIncidentMessage()).contains("SMTP server down");
                });
        assertThat(instance).isWaitingAt(Elements.NOTIFY_APPROVED).isNotEnded();
        verify(sendNotifications, times(MAIL_ATTEMPTS)).execute(any());
        verify(enableMultiUserMode, times(1)).execute(any());
    }

    @Test
    void aFailingRejectionMailBecomesAnIncidentToo() throws Exception {
        doThrow(new IllegalStateException("SMTP server down")).when(sendNotifications).execute(any());
        ProcessInstance instance = start(true, 3);
        VariableMap rejection = APPLICATION_DECISION.with(ApplicationDecision.REJECT);
        REJECTION_REASON.putIn(rejection, "Нет договора");
        complete(task(), rejection);
        Job mail = job();

        for (int attempt = 1; attempt <= MAIL_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(mail.getId())).hasMessageContaining("SMTP server down");
        }

        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult().getActivityId())
                .isEqualTo(Elements.NOTIFY_REJECTED);
        assertThat(instance).isWaitingAt(Elements.NOTIFY_REJECTED);
        verify(sendNotifications, times(MAIL_ATTEMPTS)).execute(any());
    }

    @Test
    void aMailThatGoesThroughOnRetryEndsTheProcess() throws Exception {
        doThrow(new IllegalStateException("SMTP server down")).doNothing().when(sendNotifications).execute(any());
        ProcessInstance instance = start(true, 3);
        complete(task(), approve(true, MultiUserTier.TWO_TO_NINE));
        Job mail = job();

        assertThatThrownBy(() -> managementService().executeJob(mail.getId())).hasMessageContaining("SMTP server down");
        managementService().executeJob(mail.getId());

        assertThat(instance).hasPassed(Elements.END_APPROVED).isEnded();
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        verify(enableMultiUserMode, times(1)).execute(any());
    }

    private static VariableMap approve(boolean multiUserMode, MultiUserTier tier) {
        VariableMap variables = APPLICATION_DECISION.with(ApplicationDecision.APPROVE);
        MULTI_USER_MODE.putIn(variables, multiUserMode);
        if (tier != null) {
            TIER.putIn(variables, tier);
        }
        return variables;
    }

    /** The start form as Tasklist submits it. */
    private static VariableMap submitted(boolean multiUserMode, int userCount) {
        VariableMap variables = SUBSCRIBER_NUMBER.with("1001");
        ORGANIZATION_NAME.putIn(variables, "ООО «Ромашка»");
        INN.putIn(variables, "7707083893");
        KPP.putIn(variables, "770701001");
        MULTI_USER_MODE.putIn(variables, multiUserMode);
        USERS.putIn(variables, users(userCount));
        SIGNATURE_OWNER.putIn(variables, "Иванов Иван Иванович");
        SIGNATURE_ROLES.putIn(variables, List.of(SignatureRole.SIGN, SignatureRole.ENCRYPT));
        return variables;
    }

    private static List<PlannedUser> users(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new PlannedUser("Пользователь " + i, "user" + i + "@romashka.ru")).toList();
    }

    private ProcessInstance start(boolean multiUserMode, int userCount) {
        return start(submitted(multiUserMode, userCount));
    }

    private ProcessInstance start(VariableMap variables) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, variables);
        assertThat(instance).isStarted().hasBusinessKey(String.valueOf(APPLICATION));
        return instance;
    }
}
