package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.partnerflow.ProcessTest;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.TaskCard;

/**
 * Every path of {@code monthly-settlement} on an in-memory engine with the real BPMN and forms and
 * the domain replaced by stand-ins: both start events, nothing to reconcile, confirm, send back and
 * answer, parallel reconciliations that keep their decisions apart, the async mail and its incident.
 */
@Deployment(resources = {"processes/monthly-settlement.bpmn",
        "forms/settlement-confirm.form", "forms/settlement-answer.form"})
class SettlementProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    static final String PERIOD_OCTOBER = "2026-10";
    /** Reconciliation 7 belongs to ALFA, 8 to BETA. */
    static final Map<Long, String> PARTNER_GROUPS = Map.of(7L, "partner-ALFA", 8L, "partner-BETA");

    List<Long> opened = List.of(7L, 8L);
    final List<String> startedAt = new ArrayList<>();
    final List<String> reviewed = new ArrayList<>();
    final TaskListener answered = mock(TaskListener.class);
    final TaskListener waitingMail = mock(TaskListener.class);
    final JavaDelegate issueInvoice = mock(JavaDelegate.class);
    final JavaDelegate notifyPartner = mock(JavaDelegate.class);

    /** Stands in for the real listener: the timer (no variables) settles the previous month, finance the month typed. */
    final ExecutionListener startSettlement = execution -> {
        startedAt.add(execution.getCurrentActivityId());
        String period = PERIOD.optionalFrom(execution).orElse("2026-09");
        execution.setProcessBusinessKey(period);
    };

    final JavaDelegate reconcile = execution -> RECONCILIATION_IDS.on(execution, opened);

    /** The domain's binding of each branch to its reconciliation, as {@link OpenBranchListener} records it. */
    final Map<String, Long> branches = new HashMap<>();
    /** Finance's decision per branch, as the domain records it on the reconciliation. */
    final Map<String, String> decisions = new HashMap<>();
    final ExecutionListener openBranch = execution -> branches.put(branch(execution), RECONCILIATION_ID.from(execution));

    /** Finance's last note per reconciliation, as the domain keeps it. */
    final Map<Long, String> notes = new HashMap<>();

    /** Records what finance decided on which reconciliation, as the domain would. */
    final TaskListener reviewedListener = task -> {
        SettlementDecision decision = SETTLEMENT_DECISION.optionalFrom(task)
                .orElseThrow(() -> BusinessRuleViolation.invalid("Выберите решение"));
        reviewed.add(branches.get(branch(task)) + ":" + decision + ":" + FINANCE_NOTE.optionalFrom(task).orElse(""));
        decisions.put(branch(task), decision.name());
        FINANCE_NOTE.optionalFrom(task).ifPresent(note -> notes.put(branches.get(branch(task)), note));
    };
    final List<Long> invoiced = new ArrayList<>();
    final JavaDelegate issueInvoiceStandIn = execution -> {
        issueInvoice.execute(execution);
        invoiced.add(branches.get(branch(execution)));
    };

    /** Stands in for {@link SettlementRouting} and {@link SettlementSchedule}. */
    public class Routing {

        /** Finance's decision, as the stand-in for the domain recorded it for the branch. */
        public String decision(DelegateExecution execution) {
            return decisions.get(branch(execution));
        }

        public List<Long> reconciliationIds(DelegateExecution execution) {
            return RECONCILIATION_IDS.from(execution);
        }

        public boolean nothingToReconcile(DelegateExecution execution) {
            return RECONCILIATION_IDS.from(execution).isEmpty();
        }

        public String partnerGroup(DelegateExecution execution) {
            return PARTNER_GROUPS.get(branches.get(branch(execution)));
        }
    }

    public static class Schedule {
        public String cron() {
            return "0 0 3 1 * ?";
        }

        public String previousPeriod() {
            return "2026-09";
        }
    }

    @BeforeEach
    void registerDelegates() {
        SettlementService settlements = mock(SettlementService.class);
        when(settlements.summary(anyString())).thenAnswer(call -> {
            long reconciliation = branches.get(call.<String>getArgument(0));
            String code = PARTNER_GROUPS.get(reconciliation).substring("partner-".length());
            return new SettlementService.Summary(reconciliation, code, 3, "30 000,00 ₽", "27 000,00 ₽", PARTNER_GROUPS.get(reconciliation),
                    "«Партнер " + code + "» (" + code + ")", notes.get(reconciliation));
        });
        describeTasksWith(new SettlementTasks(settlements));
        Mocks.register("startSettlementListener", startSettlement);
        Mocks.register("reconcilePeriodDelegate", reconcile);
        Routing routing = new Routing();
        Mocks.register("settlementRouting", routing);
        clearDecisionsOf(SettlementProcess.KEY, SettlementProcess::decisionOf);
        Mocks.register("settlementSchedule", new Schedule());
        Mocks.register("prepareSettlementTaskListener", (TaskListener) task -> { });
        Mocks.register("settlementWaitingMailListener", waitingMail);
        Mocks.register("reconciliationReviewedListener", reviewedListener);
        Mocks.register("reconciliationAnsweredListener", answered);
        Mocks.register("openBranchListener", openBranch);
        Mocks.register("issueInvoiceDelegate", issueInvoiceStandIn);
        Mocks.register("notifyInvoicedPartnerDelegate", notifyPartner);
    }

    @Test
    void confirmedReconciliationsAreInvoicedAndMailedThenTheMonthIsSettled() throws Exception {
        ProcessInstance instance = startByFinance(PERIOD_OCTOBER);
        assertThat(instance).isStarted().hasBusinessKey(PERIOD_OCTOBER);
        assertThat(startedAt).containsExactly(Elements.START);
        List<Task> tasks = tasks(Elements.CONFIRM_RECONCILIATION);
        assertThat(tasks).hasSize(2);
        assertThat(tasks).allSatisfy(task -> assertThat(task).hasCandidateGroup("finance"));

        for (Task task : tasks) {
            taskService().complete(task.getId(), SETTLEMENT_DECISION.with(SettlementDecision.CONFIRM));
        }
        verify(issueInvoice, times(2)).execute(any());
        verify(notifyPartner, never()).execute(any());
        List<Job> mails = managementService().createJobQuery().activityId(Elements.NOTIFY_PARTNER).list();
        assertThat(mails).hasSize(2);
        mails.forEach(job -> execute(job));

        verify(notifyPartner, times(2)).execute(any());
        assertThat(instance).hasPassed(Elements.RECONCILE_PERIOD, Elements.CONFIRM_RECONCILIATION, Elements.ISSUE_INVOICE,
                Elements.NOTIFY_PARTNER, Elements.END_RECONCILIATION_SETTLED, Elements.END_MONTH_SETTLED)
                .hasNotPassed(Elements.ANSWER_RECONCILIATION, Elements.END_NOTHING_TO_RECONCILE).isEnded();
        assertThat(reviewed).containsExactlyInAnyOrder("7:CONFIRM:", "8:CONFIRM:");
    }

    /** Each reconciliation's tasks name the partner and the month and say what follows (issue 19). */
    @Test
    void theTasksAreNamedAndDescribedFromTheirReconciliation() {
        startByFinance(PERIOD_OCTOBER);
        Task alfa = taskOf(Elements.CONFIRM_RECONCILIATION, 7L);
        assertThat(alfa.getName()).isEqualTo("Подтвердить сверку партнера «Партнер ALFA» (ALFA) за октябрь 2026");
        assertThat(taskOf(Elements.CONFIRM_RECONCILIATION, 8L).getName()).isEqualTo("Подтвердить сверку партнера «Партнер BETA» (BETA) "
                + "за октябрь 2026");
        assertThat(alfa.getDescription()).isEqualTo("Сверка партнера «Партнер ALFA» (ALFA) за октябрь 2026: начислений: 3, к оплате "
                + "27 000,00 ₽ (по прайс-листу 30 000,00 ₽). Проверьте начисления и подтвердите сверку — после этого партнеру "
                + "выставляется счет — или верните ее партнеру с замечанием. Срок не установлен, но счет за месяц не будет выставлен, "
                + "пока сверка не подтверждена.");
        assertThat(alfa.getDueDate()).isNull();
        assertThat(taskService().getVariablesLocal(alfa.getId())).containsEntry(TaskCard.PARTNER.name(), "«Партнер ALFA» (ALFA)")
                .containsEntry(TaskCard.MONTH.name(), "октябрь 2026");

        taskService().complete(alfa.getId(), SETTLEMENT_DECISION.with(SettlementDecision.SEND_BACK)
                .putValue(FINANCE_NOTE.name(), "Проверьте абонента 1001"));
        Task answer = taskOf(Elements.ANSWER_RECONCILIATION, 7L);
        assertThat(answer.getName()).isEqualTo("Ответить на замечание по сверке за октябрь 2026");
        assertThat(answer.getDescription()).startsWith("Финансовая служба вернула вашу сверку за октябрь 2026 (начислений: 3, к оплате "
                + "27 000,00 ₽ (по прайс-листу 30 000,00 ₽)) с замечанием: «Проверьте абонента 1001». Ответьте на замечание;");
        assertThat(answer.getDueDate()).isNull();
    }

    @Test
    void sentBackGoesToThatPartnerWhoseAnswerReturnsToFinance() throws Exception {
        ProcessInstance instance = startByFinance(PERIOD_OCTOBER);
        Task alfa = taskOf(Elements.CONFIRM_RECONCILIATION, 7L);
        Task beta = taskOf(Elements.CONFIRM_RECONCILIATION, 8L);

        taskService().complete(alfa.getId(), SETTLEMENT_DECISION.with(SettlementDecision.SEND_BACK)
                .putValue(FINANCE_NOTE.name(), "Проверьте абонента 1001"));
        Task answer = taskOf(Elements.ANSWER_RECONCILIATION, 7L);
        assertThat(answer).hasCandidateGroup("partner-ALFA");
        verify(waitingMail).notify(any());
        assertThat(taskService().getVariable(answer.getId(), FINANCE_NOTE.name())).isEqualTo("Проверьте абонента 1001");
        assertThat(taskService().getVariable(beta.getId(), SETTLEMENT_DECISION.name()))
                .as("one reconciliation's decision never shows up in another's").isNull();
        assertThat(taskService().getVariable(beta.getId(), FINANCE_NOTE.name())).isNull();

        taskService().complete(answer.getId(), PARTNER_REPLY.with("Клиент подключил 5 пользователей"));
        verify(answered).notify(any());
        Task again = taskOf(Elements.CONFIRM_RECONCILIATION, 7L);
        assertThat(taskService().getVariable(again.getId(), SETTLEMENT_DECISION.name()))
                .as("the decision of the previous round is cleared").isNull();
        assertThat(taskService().getVariable(again.getId(), PARTNER_REPLY.name())).isEqualTo("Клиент подключил 5 пользователей");
        assertThatThrownBy(() -> taskService().complete(again.getId()))
                .as("completing without a decision cannot repeat the last one").hasMessageContaining("Выберите решение");

        taskService().complete(again.getId(), SETTLEMENT_DECISION.with(SettlementDecision.CONFIRM));
        taskService().complete(beta.getId(), SETTLEMENT_DECISION.with(SettlementDecision.CONFIRM));
        managementService().createJobQuery().activityId(Elements.NOTIFY_PARTNER).list().forEach(job -> execute(job));

        assertThat(instance).hasPassed(Elements.ANSWER_RECONCILIATION, Elements.END_MONTH_SETTLED).isEnded();
        assertThat(reviewed).containsExactly("7:SEND_BACK:Проверьте абонента 1001", "7:CONFIRM:", "8:CONFIRM:");
    }

    @Test
    void aPartnerWhoOverwritesTheReconciliationIdStillSettlesOnlyItsOwn() {
        startByFinance(PERIOD_OCTOBER);
        taskService().complete(taskOf(Elements.CONFIRM_RECONCILIATION, 7L).getId(), SETTLEMENT_DECISION.with(SettlementDecision.SEND_BACK)
                .putValue(FINANCE_NOTE.name(), "Проверьте начисления"));
        Task answer = taskOf(Elements.ANSWER_RECONCILIATION, 7L);

        // ALFA answers and, as any task worker can, sends BETA's reconciliation id along
        taskService().complete(answer.getId(), PARTNER_REPLY.with("Все верно").putValue(RECONCILIATION_ID.name(), 8L));
        Task again = tasks(Elements.CONFIRM_RECONCILIATION).stream()
                .filter(task -> task.getExecutionId().equals(answer.getExecutionId())).findFirst().orElseThrow();
        assertThat(taskService().getVariable(again.getId(), RECONCILIATION_ID.name())).as("the variable is overwritten").isEqualTo(8L);
        taskService().complete(again.getId(), SETTLEMENT_DECISION.with(SettlementDecision.CONFIRM));

        assertThat(reviewed).as("but the branch still settles reconciliation 7")
                .containsExactly("7:SEND_BACK:Проверьте начисления", "7:CONFIRM:");
        assertThat(invoiced).containsExactly(7L);
    }

    @Test
    void nothingToReconcileEndsAtOnce() throws Exception {
        opened = List.of();
        ProcessInstance instance = startByFinance(PERIOD_OCTOBER);

        assertThat(instance).hasPassedInOrder(Elements.RECONCILE_PERIOD, Elements.END_NOTHING_TO_RECONCILE)
                .hasNotPassed(Elements.CONFIRM_RECONCILIATION).isEnded();
    }

    @Test
    void theTimerStartsTheSettlementOnTheFirstOfEveryMonthAt3() {
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2026, 10, 17, 12, 0)));
        Job timer = managementService().createJobQuery().timers().activityId(Elements.START).singleResult();
        assertThat(timer).as("the timer start event is scheduled at deployment").isNotNull();
        assertThat(timer.getDuedate()).isAfter(new Date(0));

        execute(timer);
        ProcessInstance instance = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
        assertThat(instance).hasBusinessKey("2026-09").isWaitingAt(Elements.CONFIRM_RECONCILIATION);
        assertThat(startedAt).containsExactly(Elements.START);

        Job next = managementService().createJobQuery().timers().activityId(Elements.START).singleResult();
        assertThat(next).as("a cycle: the next month's run is scheduled").isNotNull();
        LocalDateTime due = LocalDateTime.ofInstant(next.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getHour()).isEqualTo(3);
    }

    @Test
    void aRejectedStartLeavesNoInstanceBehind() throws Exception {
        Mocks.register("startSettlementListener", (ExecutionListener) execution -> {
            throw BusinessRuleViolation.invalid("Сверить можно только закончившийся месяц");
        });

        assertThatThrownBy(() -> startByFinance("2999-01")).hasMessageContaining("закончившийся месяц");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void failingMailBecomesAnIncidentAfterFiveRetriesAndTheInvoiceStays() throws Exception {
        opened = List.of(7L);
        doThrow(new IllegalStateException("SMTP server down")).when(notifyPartner).execute(any());
        ProcessInstance instance = startByFinance(PERIOD_OCTOBER);
        taskService().complete(tasks(Elements.CONFIRM_RECONCILIATION).get(0).getId(),
                SETTLEMENT_DECISION.with(SettlementDecision.CONFIRM));

        Job mail = managementService().createJobQuery().activityId(Elements.NOTIFY_PARTNER).singleResult();
        for (int attempt = 1; attempt <= MAIL_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(mail.getId())).hasMessageContaining("SMTP server down");
        }
        assertThat(managementService().createJobQuery().jobId(mail.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        verify(issueInvoice).execute(any());
        assertThat(instance).isWaitingAt(Elements.NOTIFY_PARTNER);
    }

    private ProcessInstance startByFinance(String period) {
        return runtimeService().startProcessInstanceByKey(KEY, PERIOD.with(period));
    }

    private static List<Task> tasks(String taskDefinitionKey) {
        return taskService().createTaskQuery().taskDefinitionKey(taskDefinitionKey).list();
    }

    private Task taskOf(String taskDefinitionKey, long reconciliationId) {
        return tasks(taskDefinitionKey).stream()
                .filter(task -> Long.valueOf(reconciliationId).equals(branches.get(task.getExecutionId())))
                .findFirst().orElseThrow();
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
