package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.partner.Partner;

/**
 * What the forms of vendor staff and the current partner show of a request, written from the domain when the task is
 * created: the request's number (the letter's link), the subscriber, the reason and the letter's date as last checked,
 * who submitted it beside the partner the letter asks for. Never the variables a correction sent: a submitter who
 * completes its correction with another {@code transferId} must not point the reviewer at another request's letter.
 */
@Component("transferCardListener")
class TransferCardListener implements TaskListener {

    private final TransferService transfers;

    TransferCardListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        TransferRequest transfer = transfers.byId(transferId(task));
        Partner submitter = transfer.getToPartner();
        DelegateExecution execution = task.getExecution();
        TRANSFER_ID.on(execution, transfer.getId());
        SUBSCRIBER_NUMBER.on(execution, transfer.getSubscriber().getNumber());
        SUBSCRIBER_NAME.on(execution, transfer.getSubscriberNameInLetter());
        REASON.on(execution, transfer.getReason());
        LETTER_DATE.on(execution, transfer.getLetterDate().toString());
        SUBMITTED_BY_LABEL.on(execution, RequestedPartner.label(submitter.getName(), submitter.getCode())
                + "; сотрудник " + transfer.getSubmittedBy());
        REQUESTED_PARTNER_LABEL.on(execution, transfer.getRequestedPartner().map(RequestedPartner::label)
                .orElse("не указан (запрос подан до появления этого поля)"));
    }
}
