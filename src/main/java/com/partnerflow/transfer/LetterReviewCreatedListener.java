package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.partner.Partner;

/**
 * A letter waits for vendor staff: the form shows, beside the letter, who submitted the request and the partner the letter
 * asks for, from the domain (not from variables a correction could have sent), in the same words so they compare at a glance.
 */
@Component("letterReviewCreatedListener")
class LetterReviewCreatedListener implements TaskListener {

    private final TransferService transfers;

    LetterReviewCreatedListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        TransferRequest transfer = transfers.byId(transferId(task));
        Partner submitter = transfer.getToPartner();
        DelegateExecution execution = task.getExecution();
        SUBMITTED_BY_LABEL.on(execution, RequestedPartner.label(submitter.getName(), submitter.getCode())
                + "; сотрудник " + transfer.getSubmittedBy());
        REQUESTED_PARTNER_LABEL.on(execution, transfer.getRequestedPartner().map(RequestedPartner::label)
                .orElse("не указан (запрос подан до появления этого поля)"));
    }
}
