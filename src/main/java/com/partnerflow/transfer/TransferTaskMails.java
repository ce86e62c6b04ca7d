package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.transferId;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.notification.TaskMails;
import com.partnerflow.notification.TaskWaiting;
import com.partnerflow.system.Deadlines;

/**
 * The "waiting for you" mail and the reminder of the partners' tasks of a transfer: the current partner's agreement
 * and the submitter's correction, each with the deadline its timer sets ({@link TransferRouting}).
 */
@Component
class TransferTaskMails {

    private static final Logger log = LoggerFactory.getLogger(TransferTaskMails.class);

    private final TransferService transfers;
    private final TransferRouting routing;
    private final TransferMails mails;
    private final TaskMails taskMails;

    TransferTaskMails(TransferService transfers, TransferRouting routing, TransferMails mails, TaskMails taskMails) {
        this.transfers = transfers;
        this.routing = routing;
        this.mails = mails;
        this.taskMails = taskMails;
    }

    void waiting(DelegateTask task) {
        // created now: its timers start now too
        taskMails.waiting(task, describe(task.getTaskDefinitionKey(), transferId(task), Deadlines.engineNow()));
    }

    /** From a reminder's step: the task it reminds of, if still open. */
    void remind(DelegateExecution execution) {
        String taskKey = TransferProcess.taskRemindedBy(execution.getCurrentActivityId());
        long transferId = transferId(execution);
        taskMails.openTask(execution, taskKey).ifPresentOrElse(
                task -> taskMails.remind(task, describe(taskKey, transferId, task.getCreateTime().toInstant())),
                () -> log.info("Transfer {}: {} done before its reminder, none sent", transferId, taskKey));
    }

    private TaskWaiting describe(String taskKey, long transferId, Instant created) {
        TransferRequest transfer = transfers.byId(transferId);
        return switch (taskKey) {
            case TransferProcess.Elements.PARTNER_AGREEMENT -> mails.agreement(transfer, routing.partnerAnswerDeadline(created));
            case TransferProcess.Elements.CORRECT_REQUEST -> mails.correction(transfer, routing.correctionDeadline(created));
            default -> throw new IllegalArgumentException("No waiting mail for task " + taskKey + " of transfer " + transferId);
        };
    }
}
