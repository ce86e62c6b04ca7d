package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.transferId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Re-assigns the subscriber to the new partner and writes both partners' mails, in the engine's transaction. */
@Component("transferSubscriberDelegate")
class TransferSubscriberDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(TransferSubscriberDelegate.class);

    private final TransferService transfers;

    TransferSubscriberDelegate(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long transferId = transferId(execution);
        transfers.approve(transferId);
        log.info("Transfer {}: subscriber transferred", transferId);
    }
}
