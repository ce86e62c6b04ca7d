package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.moderationId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.notification.TaskMails;

/** The partner's revision task was created: its people get the "waiting for you" mail. */
@Component("moderationWaitingMailListener")
class ModerationWaitingMailListener implements TaskListener {

    private final ModerationService moderations;
    private final ModerationMails mails;
    private final TaskMails taskMails;

    ModerationWaitingMailListener(ModerationService moderations, ModerationMails mails, TaskMails taskMails) {
        this.moderations = moderations;
        this.mails = mails;
        this.taskMails = taskMails;
    }

    @Override
    public void notify(DelegateTask task) {
        taskMails.waiting(task, mails.revision(moderations.byId(moderationId(task))));
    }
}
