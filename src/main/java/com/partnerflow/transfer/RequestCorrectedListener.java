package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.document.FileVariable;
import com.partnerflow.security.Actor;

/** Applies the submitter's correction (new data, optionally a new letter) with the same checks as a submission. */
@Component("requestCorrectedListener")
class RequestCorrectedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RequestCorrectedListener.class);
    private static final FileVariable LETTER_FILE = new FileVariable(LETTER);

    private final TransferService transfers;

    RequestCorrectedListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        long transferId = transferId(task);
        SubmitTransfer correction = new SubmitTransfer(SUBSCRIBER_NUMBER.optionalFrom(task).orElse(null),
                SUBSCRIBER_NAME.optionalFrom(task).orElse(null), REASON.optionalFrom(task).orElse(null),
                LETTER_DATE.optionalFrom(task).orElse(null), LETTER_FILE.from(task).orElse(null));
        transfers.correct(transferId, correction, Actor.of(task));
        log.info("Transfer {}: corrected by the submitter", transferId);
    }
}
