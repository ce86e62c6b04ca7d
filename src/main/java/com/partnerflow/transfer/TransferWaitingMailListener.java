package com.partnerflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A partner's task of a transfer was created: its people get the "waiting for you" mail. */
@Component("transferWaitingMailListener")
class TransferWaitingMailListener implements TaskListener {

    private final TransferTaskMails mails;

    TransferWaitingMailListener(TransferTaskMails mails) {
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        mails.waiting(task);
    }
}
