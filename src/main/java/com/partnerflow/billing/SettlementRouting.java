package com.partnerflow.billing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * What the settlement model asks the domain: which reconciliations to settle and who answers for a
 * partner ({@code ${settlementRouting.partnerGroup(execution)}}). The candidate group comes from the
 * reconciliation the branch settles, never from a variable a task worker could set. Public: JUEL calls only public methods.
 */
@Component("settlementRouting")
public class SettlementRouting implements TaskDecisions {

    private final SettlementService settlements;

    SettlementRouting(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public String processKey() {
        return SettlementProcess.KEY;
    }

    @Override
    public List<ProcessVariable<?>> of(String taskDefinitionKey) {
        return SettlementProcess.decisionOf(taskDefinitionKey);
    }

    /** What finance decided on the branch's reconciliation, as the reconciliation recorded it: CONFIRM or SEND_BACK. */
    public String decision(DelegateExecution execution) {
        return settlements.decision(SettlementProcess.branch(execution)).name();
    }

    /** The multi-instance collection: the reconciliations this run opened. */
    public List<Long> reconciliationIds(DelegateExecution execution) {
        return SettlementProcess.RECONCILIATION_IDS.optionalFrom(execution).orElse(List.of());
    }

    public boolean nothingToReconcile(DelegateExecution execution) {
        return reconciliationIds(execution).isEmpty();
    }

    /** {@code partner-<CODE>} of the reconciliation's partner. */
    public String partnerGroup(DelegateExecution execution) {
        return settlements.summary(SettlementProcess.branch(execution)).partnerGroup();
    }
}
