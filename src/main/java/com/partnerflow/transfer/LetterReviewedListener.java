package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.system.BusinessRuleViolation;

/** Records vendor staff's check of the letter when they complete the task; a bad input rolls the completion back. */
@Component("letterReviewedListener")
class LetterReviewedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(LetterReviewedListener.class);

    private final TransferService transfers;

    LetterReviewedListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        LetterDecision decision = LETTER_DECISION.optionalFrom(task)
                .orElseThrow(() -> BusinessRuleViolation.invalid("Выберите решение по письму."));
        long transferId = transferId(task);
        transfers.reviewLetter(transferId, decision, LETTER_COMMENT.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Transfer {}: letter reviewed, decision {}", transferId, decision);
    }
}
