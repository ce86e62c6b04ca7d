package com.partnerflow.billing;

import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/monthly-settlement.bpmn}: key, element ids and typed variables. The
 * business key is the settled month ({@code 2026-10}); each instance of the multi-instance subprocess (a
 * {@link #branch branch}) settles one reconciliation, bound to it when the branch starts.
 */
public final class SettlementProcess {

    public static final String KEY = "monthly-settlement";

    /** Element ids of the model. */
    public static final class Elements {
        /** The monthly timer and finance's start form in one event: Camunda 7 allows no none start next to a timer start. */
        public static final String START = "startEvent_settlementStarted";
        public static final String TIMER_FIRST_OF_MONTH = "timer_firstOfMonth";
        public static final String RECONCILE_PERIOD = "serviceTask_reconcilePeriod";
        public static final String ANYTHING_TO_RECONCILE = "gateway_anythingToReconcile";
        public static final String END_NOTHING_TO_RECONCILE = "endEvent_nothingToReconcile";
        public static final String SETTLE_RECONCILIATION = "subProcess_settleReconciliation";
        public static final String CONFIRM_RECONCILIATION = "userTask_confirmReconciliation";
        public static final String ANSWER_RECONCILIATION = "userTask_answerReconciliation";
        public static final String ISSUE_INVOICE = "serviceTask_issueInvoice";
        public static final String NOTIFY_PARTNER = "serviceTask_notifyPartner";
        public static final String END_RECONCILIATION_SETTLED = "endEvent_reconciliationSettled";
        public static final String END_MONTH_SETTLED = "endEvent_monthSettled";

        private Elements() {
        }
    }

    /**
     * The month to settle, {@code YYYY-MM}: typed by finance in the start form, then normalized. The monthly
     * timer sets none, and none or a blank one means the previous month.
     */
    public static final ProcessVariable<String> PERIOD = ProcessVariable.string("period");

    /** The ids of the reconciliations this run opened: the multi-instance collection. */
    public static final ProcessVariable<List<Long>> RECONCILIATION_IDS = ProcessVariable.jsonList("reconciliationIds", Long.class);

    /**
     * The element variable of the multi-instance subprocess: the reconciliation one instance settles. Read once, when the
     * branch starts ({@link OpenBranchListener}): whoever completes a task in the branch could overwrite it later.
     */
    public static final ProcessVariable<Long> RECONCILIATION_ID = ProcessVariable.longValue("reconciliationId");

    /** Finance's decision and note (required to send back); local to one reconciliation's subprocess. */
    public static final ProcessVariable<SettlementDecision> SETTLEMENT_DECISION =
            ProcessVariable.enumValue("settlementDecision", SettlementDecision.class);
    public static final ProcessVariable<String> FINANCE_NOTE = ProcessVariable.string("financeNote");
    /** The partner's reply to finance's note. */
    public static final ProcessVariable<String> PARTNER_REPLY = ProcessVariable.string("partnerReply");

    /**
     * Display copies for the task forms, written task-locally when a task is created and never read
     * back by any step: Camunda Forms can only show variables, the data itself lives in the domain.
     */
    /** The month as people read it: «октябрь 2026». */
    public static final ProcessVariable<String> PERIOD_LABEL = ProcessVariable.string("periodLabel");
    public static final ProcessVariable<String> PARTNER_NAME = ProcessVariable.string("partnerName");
    public static final ProcessVariable<String> TOTAL_AMOUNT = ProcessVariable.string("totalAmount");
    public static final ProcessVariable<String> LIST_TOTAL = ProcessVariable.string("listTotal");
    public static final ProcessVariable<Long> CHARGE_COUNT = ProcessVariable.longValue("chargeCount");

    /** The settled month: the instance's business key, which no task worker can change. */
    public static YearMonth period(DelegateExecution execution) {
        return YearMonth.parse(execution.getProcessBusinessKey());
    }

    public static YearMonth period(DelegateTask task) {
        return period(task.getExecution());
    }

    /**
     * The branch a step runs in: the execution of one instance of «Сверка с партнером», whose id no task worker can
     * change. Its steps are not scopes of their own (no boundary events), so they all run in that execution; should one
     * become a scope, its lookup fails loudly instead of settling another reconciliation.
     */
    public static String branch(DelegateExecution execution) {
        return execution.getId();
    }

    public static String branch(DelegateTask task) {
        return task.getExecutionId();
    }

    /** The variables a decision task sets; cleared when the task is created. */
    public static List<ProcessVariable<?>> decisionOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case Elements.CONFIRM_RECONCILIATION -> List.of(SETTLEMENT_DECISION, FINANCE_NOTE);
            case Elements.ANSWER_RECONCILIATION -> List.of(PARTNER_REPLY);
            default -> List.of();
        };
    }

    private SettlementProcess() {
    }
}
