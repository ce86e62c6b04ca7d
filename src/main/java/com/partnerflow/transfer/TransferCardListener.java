package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.DateLabels;

/**
 * What the forms of vendor staff and the current partner show of a request, written from the domain when the task is
 * created: the request's number (the links to the letter and to the request's page), the subscriber, the reason and
 * the letter's date as last checked, who submitted it beside the partner the letter asks for and the partner serving
 * the subscriber today, and on the agreement until when the current partner may answer. Never the variables a
 * correction sent: a submitter who completes its correction with another {@code transferId} must not point the
 * reviewer at another request's letter.
 */
@Component("transferCardListener")
class TransferCardListener implements TaskListener {

    private final TransferService transfers;
    private final TransferSettings settings;
    private final DateLabels dates;

    TransferCardListener(TransferService transfers, TransferSettings settings, DateLabels dates) {
        this.transfers = transfers;
        this.settings = settings;
        this.dates = dates;
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
        LETTER_DATE_LABEL.on(execution, dates.date(transfer.getLetterDate()));
        Partner current = transfer.getFromPartner();
        CURRENT_PARTNER_LABEL.on(execution, RequestedPartner.label(current.getName(), current.getCode()));
        if (Elements.PARTNER_AGREEMENT.equals(task.getTaskDefinitionKey())) {
            ANSWER_DUE_LABEL.on(execution, dates.dateTime(answerDue(task)));
        }
        SUBMITTED_BY_LABEL.on(execution, RequestedPartner.label(submitter.getName(), submitter.getCode())
                + "; сотрудник " + transfer.getSubmittedBy());
        REQUESTED_PARTNER_LABEL.on(execution, transfer.getRequestedPartner().map(RequestedPartner::label)
                .orElse("не указан (запрос подан до появления этого поля)"));
    }

    /** The task's due date when the model gives it one, else when the silence timer fires: created + the timeout. */
    private Instant answerDue(DelegateTask task) {
        return task.getDueDate() != null ? task.getDueDate().toInstant()
                : task.getCreateTime().toInstant().plus(settings.partnerAnswerTimeout());
    }
}
