package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.transferId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the request's pending mails; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("sendTransferNotificationsDelegate")
class SendTransferNotificationsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendTransferNotificationsDelegate.class);

    private final TransferService transfers;

    SendTransferNotificationsDelegate(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long transferId = transferId(execution);
        transfers.sendNotifications(transferId);
        log.info("Transfer {}: notifications sent", transferId);
    }
}
