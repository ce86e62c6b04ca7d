package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.system.BusinessRuleViolation;

/** Records vendor staff's decision on a disputed or unanswered transfer. */
@Component("vendorDecidedListener")
class VendorDecidedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(VendorDecidedListener.class);

    private final TransferService transfers;

    VendorDecidedListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        VendorDecision decision = VENDOR_DECISION.optionalFrom(task)
                .orElseThrow(() -> BusinessRuleViolation.invalid("Выберите решение: одобрить или отклонить перевод."));
        long transferId = transferId(task);
        transfers.decideAsVendor(transferId, decision, VENDOR_COMMENT.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Transfer {}: vendor decided {}", transferId, decision);
    }
}
