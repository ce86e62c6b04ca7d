package com.partnerflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A partner's task nears its deadline: its people get a reminder. An asyncBefore step, retried on failure. */
@Component("transferReminderDelegate")
class TransferReminderDelegate implements JavaDelegate {

    private final TransferTaskMails mails;

    TransferReminderDelegate(TransferTaskMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.remind(execution);
    }
}
