package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.work.CompletedTask;
import com.partnerflow.work.DecidedRequest;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.TaskCompletion;
import com.partnerflow.work.TaskDecided;
import com.partnerflow.work.TaskKind;

/**
 * Finance's and the partners' decisions on reconciliations through {@code /api}: the settlement's tasks completed with
 * the variables their forms send, by task id or (finance's bulk call) by the reconciliation whose branch holds the task.
 */
@Component
class ReconciliationDecisions {

    private final TaskCompletion completion;
    private final TaskService tasks;
    private final SettlementService settlements;
    private final CurrentCaller caller;

    ReconciliationDecisions(TaskCompletion completion, TaskService tasks, SettlementService settlements, CurrentCaller caller) {
        this.completion = completion;
        this.tasks = tasks;
        this.settlements = settlements;
        this.caller = caller;
    }

    /** Completes the confirmation task {@code taskId}. */
    TaskDecided confirm(String taskId, SettlementDecision decision, String note) {
        VariableMap variables = SETTLEMENT_DECISION.with(decision);
        FINANCE_NOTE.putIn(variables, note);
        return decided(completion.complete(taskId, TaskKind.RECONCILIATION_CONFIRMATION, variables));
    }

    TaskDecided answer(String taskId, String reply) {
        return decided(completion.complete(taskId, TaskKind.RECONCILIATION_ANSWER, PARTNER_REPLY.with(reply)));
    }

    /**
     * Confirms or sends back the reconciliation {@code reconciliationId} through its open confirmation task, in a
     * transaction of its own (one item of a bulk call). A reconciliation the caller may not read is 404; one not waiting
     * for finance is 409.
     */
    TaskDecided confirmReconciliation(long reconciliationId, SettlementDecision decision, String note) {
        return completion.alone(() -> {
            Reconciliation reconciliation = settlements.reconciliation(reconciliationId, caller.get());
            String task = openTask(reconciliation, Elements.CONFIRM_RECONCILIATION)
                    .orElseThrow(() -> notWaitingForFinance(reconciliation));
            return confirm(task, decision, note);
        });
    }

    /**
     * The open task in which the partner answers finance's note on the reconciliation: there is one while it is
     * {@link ReconciliationStatus#RETURNED_TO_PARTNER returned to the partner}.
     */
    Optional<String> answerTask(Reconciliation reconciliation) {
        return reconciliation.getStatus() == ReconciliationStatus.RETURNED_TO_PARTNER
                ? openTask(reconciliation, Elements.ANSWER_RECONCILIATION) : Optional.empty();
    }

    /** A reconciliation as the lists (the API's, the portal's) show it, with the partner's open answer task if any. */
    ReconciliationListView listed(Reconciliation reconciliation) {
        return ReconciliationListView.of(reconciliation, answerTask(reconciliation).orElse(null));
    }

    private Optional<String> openTask(Reconciliation reconciliation, String taskDefinitionKey) {
        return Optional.ofNullable(reconciliation.getSettlementBranch() == null ? null : tasks.createTaskQuery()
                .executionId(reconciliation.getSettlementBranch()).taskDefinitionKey(taskDefinitionKey).singleResult())
                .map(Task::getId);
    }

    private static BusinessRuleViolation notWaitingForFinance(Reconciliation reconciliation) {
        String which = "Сверка № " + reconciliation.getId();
        return switch (reconciliation.getStatus()) {
            case RETURNED_TO_PARTNER -> BusinessRuleViolation.conflict(which + " возвращена партнеру и ждет его ответа: "
                    + "решение по ней сейчас не принимается.");
            case CONFIRMED, INVOICED -> BusinessRuleViolation.conflict(which + " уже подтверждена (" + reconciliation.getStatus().label()
                    + "): повторное решение не сохранено.");
            case AWAITING_CONFIRMATION -> BusinessRuleViolation.notFound("Задача подтверждения сверки № " + reconciliation.getId()
                    + " не найдена среди ваших задач.");
        };
    }

    private TaskDecided decided(CompletedTask task) {
        Reconciliation reconciliation = settlements.reconciliationOfBranch(task.executionId());
        return task.decided(DecidedRequest.of(RequestKind.RECONCILIATIONS, reconciliation.getId(), reconciliation.getStatus()));
    }
}
