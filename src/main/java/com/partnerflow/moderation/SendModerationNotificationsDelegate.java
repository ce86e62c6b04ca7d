package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the moderation's pending mails; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("sendModerationNotificationsDelegate")
class SendModerationNotificationsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendModerationNotificationsDelegate.class);

    private final ModerationService moderations;

    SendModerationNotificationsDelegate(ModerationService moderations) {
        this.moderations = moderations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long moderationId = moderationId(execution);
        moderations.sendNotifications(moderationId);
        log.info("Configuration moderation {}: notifications sent", moderationId);
    }
}
