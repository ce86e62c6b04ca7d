package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.applicationId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the application's pending mails; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("sendApplicationNotificationsDelegate")
class SendApplicationNotificationsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendApplicationNotificationsDelegate.class);

    private final ReportingService applications;

    SendApplicationNotificationsDelegate(ReportingService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = applicationId(execution);
        applications.sendNotifications(applicationId);
        log.info("Reporting application {}: notifications sent", applicationId);
    }
}
