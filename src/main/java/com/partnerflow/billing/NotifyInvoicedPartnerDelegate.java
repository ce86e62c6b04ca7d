package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.branch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the invoice mail; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("notifyInvoicedPartnerDelegate")
class NotifyInvoicedPartnerDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(NotifyInvoicedPartnerDelegate.class);

    private final SettlementService settlements;

    NotifyInvoicedPartnerDelegate(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long reconciliationId = settlements.notifyPartner(branch(execution));
        log.info("Settlement {}: invoice mail of reconciliation {} sent", execution.getProcessBusinessKey(), reconciliationId);
    }
}
