package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.transferId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records that the current partner did not answer in time; vendor staff decide next. */
@Component("partnerSilenceDelegate")
class PartnerSilenceDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PartnerSilenceDelegate.class);

    private final TransferService transfers;

    PartnerSilenceDelegate(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long transferId = transferId(execution);
        transfers.noAnswerFromCurrentPartner(transferId);
        log.info("Transfer {}: current partner did not answer in time", transferId);
    }
}
