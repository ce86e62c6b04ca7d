package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.versionId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.notification.TaskMails;

/** The developing partner's revision task was created: its people get the "waiting for you" mail. */
@Component("auditWaitingMailListener")
class AuditWaitingMailListener implements TaskListener {

    private final ExtensionService extensions;
    private final AuditMails mails;
    private final TaskMails taskMails;

    AuditWaitingMailListener(ExtensionService extensions, AuditMails mails, TaskMails taskMails) {
        this.extensions = extensions;
        this.mails = mails;
        this.taskMails = taskMails;
    }

    @Override
    public void notify(DelegateTask task) {
        taskMails.waiting(task, mails.revision(extensions.byId(versionId(task))));
    }
}
