package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the authorization's pending mails; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("sendDeveloperNotificationsDelegate")
class SendDeveloperNotificationsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendDeveloperNotificationsDelegate.class);

    private final DeveloperAuthorizationService authorizations;

    SendDeveloperNotificationsDelegate(DeveloperAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long authorizationId = authorizationId(execution);
        authorizations.sendNotifications(authorizationId);
        log.info("Developer authorization {}: notifications sent", authorizationId);
    }
}
