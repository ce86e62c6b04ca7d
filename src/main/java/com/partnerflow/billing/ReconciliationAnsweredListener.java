package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/** Records the partner's reply to finance's note; only the reconciliation's own partner may answer. */
@Component("reconciliationAnsweredListener")
class ReconciliationAnsweredListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationAnsweredListener.class);

    private final SettlementService settlements;

    ReconciliationAnsweredListener(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void notify(DelegateTask task) {
        long reconciliationId = settlements.answer(branch(task), PARTNER_REPLY.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Settlement {}: partner answered on reconciliation {}", task.getExecution().getProcessBusinessKey(),
                reconciliationId);
    }
}
