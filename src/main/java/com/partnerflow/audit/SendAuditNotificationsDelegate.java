package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the version's pending mails; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("sendAuditNotificationsDelegate")
class SendAuditNotificationsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendAuditNotificationsDelegate.class);

    private final AuditService audits;

    SendAuditNotificationsDelegate(AuditService audits) {
        this.audits = audits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long versionId = versionId(execution);
        audits.sendNotifications(versionId);
        log.info("Extension version {}: notifications sent", versionId);
    }
}
