package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.transferId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes a request that was not corrected in time and writes the submitter's mail. */
@Component("closeUncorrectedTransferDelegate")
class CloseUncorrectedTransferDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseUncorrectedTransferDelegate.class);

    private final TransferService transfers;

    CloseUncorrectedTransferDelegate(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long transferId = transferId(execution);
        transfers.closeUncorrected(transferId);
        log.info("Transfer {}: closed, the correction did not come in time", transferId);
    }
}
