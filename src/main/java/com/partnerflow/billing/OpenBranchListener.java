package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.RECONCILIATION_ID;
import static com.partnerflow.billing.SettlementProcess.branch;
import static com.partnerflow.billing.SettlementProcess.period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When one partner's «Сверка с партнером» starts: binds the branch to its reconciliation, the element variable the
 * engine has just set from the domain's list. Every later step of the branch asks the domain by the branch.
 */
@Component("openBranchListener")
class OpenBranchListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(OpenBranchListener.class);

    private final SettlementService settlements;

    OpenBranchListener(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long reconciliationId = RECONCILIATION_ID.from(execution);
        settlements.openBranch(reconciliationId, period(execution), branch(execution));
        log.info("Settlement {}: reconciliation {} settled in branch {}", execution.getProcessBusinessKey(), reconciliationId,
                branch(execution));
    }
}
