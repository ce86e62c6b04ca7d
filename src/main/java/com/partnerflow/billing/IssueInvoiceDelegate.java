package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.branch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Issues the invoice of a confirmed reconciliation and writes the partner's mail, in the engine's transaction. */
@Component("issueInvoiceDelegate")
class IssueInvoiceDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(IssueInvoiceDelegate.class);

    private final SettlementService settlements;

    IssueInvoiceDelegate(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = settlements.issueInvoice(branch(execution));
        log.info("Settlement {}: invoice {} issued, {} RUB", execution.getProcessBusinessKey(), invoice.getNumber(), invoice.getAmount());
    }
}
