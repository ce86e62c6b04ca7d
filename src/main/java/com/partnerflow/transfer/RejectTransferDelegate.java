package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.transferId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes a rejected request and writes the submitter's mail. */
@Component("rejectTransferDelegate")
class RejectTransferDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RejectTransferDelegate.class);

    private final TransferService transfers;

    RejectTransferDelegate(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long transferId = transferId(execution);
        transfers.reject(transferId);
        log.info("Transfer {}: closed as rejected", transferId);
    }
}
