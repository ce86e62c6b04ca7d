package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the request's pending mails; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("sendProfileChangeNotificationsDelegate")
class SendProfileChangeNotificationsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendProfileChangeNotificationsDelegate.class);

    private final ProfileChangeService changes;

    SendProfileChangeNotificationsDelegate(ProfileChangeService changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long changeId = changeId(execution);
        changes.sendNotifications(changeId);
        log.info("Profile change {}: notifications sent", changeId);
    }
}
