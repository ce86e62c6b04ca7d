package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.branch;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.notification.TaskMails;

/** Finance sent a reconciliation back: the partner's people get the "waiting for you" mail of the answer task. */
@Component("settlementWaitingMailListener")
class SettlementWaitingMailListener implements TaskListener {

    private final SettlementService settlements;
    private final TaskMails taskMails;

    SettlementWaitingMailListener(SettlementService settlements, TaskMails taskMails) {
        this.settlements = settlements;
        this.taskMails = taskMails;
    }

    @Override
    public void notify(DelegateTask task) {
        taskMails.waiting(task, settlements.answerWaiting(branch(task)));
    }
}
