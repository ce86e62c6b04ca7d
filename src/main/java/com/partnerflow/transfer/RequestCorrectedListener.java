package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/**
 * Applies the submitter's correction (new data, optionally a new letter) with the same checks as a submission, or
 * the submitter's withdrawal of the request from the same form.
 */
@Component("requestCorrectedListener")
class RequestCorrectedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RequestCorrectedListener.class);

    private final TransferService transfers;

    RequestCorrectedListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        long transferId = transferId(task);
        if (CORRECTION_ACTION.optionalFrom(task).orElse(CorrectionAction.RESUBMIT) == CorrectionAction.WITHDRAW) {
            transfers.withdrawOnCorrection(transferId, Actor.of(task));
            log.info("Transfer {}: withdrawn by the submitter from the correction form", transferId);
            return;
        }
        transfers.correct(transferId, submission(task), Actor.of(task));
        log.info("Transfer {}: corrected by the submitter", transferId);
    }
}
