package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.applicationId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.notification.TaskMails;

/** The servicing partner's processing task was created: its people get the "waiting for you" mail. */
@Component("reportingWaitingMailListener")
class ReportingWaitingMailListener implements TaskListener {

    private final ReportingService applications;
    private final ReportingMails mails;
    private final TaskMails taskMails;

    ReportingWaitingMailListener(ReportingService applications, ReportingMails mails, TaskMails taskMails) {
        this.applications = applications;
        this.mails = mails;
        this.taskMails = taskMails;
    }

    @Override
    public void notify(DelegateTask task) {
        taskMails.waiting(task, mails.processing(applications.byId(applicationId(task))));
    }
}
