package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.system.BusinessRuleViolation;

/** Records finance's decision on a reconciliation; a missing decision or note rolls the completion back. */
@Component("reconciliationReviewedListener")
class ReconciliationReviewedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationReviewedListener.class);

    private final SettlementService settlements;

    ReconciliationReviewedListener(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void notify(DelegateTask task) {
        SettlementDecision decision = SETTLEMENT_DECISION.optionalFrom(task)
                .orElseThrow(() -> BusinessRuleViolation.invalid("Выберите решение: подтвердить сверку или вернуть партнеру."));
        long reconciliationId = settlements.review(branch(task), decision, FINANCE_NOTE.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Settlement {}: reconciliation {} reviewed, decision {}", task.getExecution().getProcessBusinessKey(),
                reconciliationId, decision);
    }
}
