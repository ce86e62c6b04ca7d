package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Fills the review form from the recorded request: who, which partner, which applications, why, asked by whom. */
@Component("developerReviewCreatedListener")
class DeveloperReviewCreatedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(DeveloperReviewCreatedListener.class);

    private final DeveloperAuthorizationService authorizations;

    DeveloperReviewCreatedListener(DeveloperAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void notify(DelegateTask task) {
        long authorizationId = authorizationId(task);
        DeveloperAuthorization authorization = authorizations.byId(authorizationId);
        VariableMap variables = Variables.createVariables();
        DEVELOPER.putIn(variables, authorization.getDeveloper());
        APPLICATIONS.putIn(variables, List.copyOf(authorization.getApplications()));
        REASON.putIn(variables, authorization.getReason());
        PARTNER_NAME.putIn(variables, authorization.getPartner().getName() + " (" + authorization.getPartner().getCode() + ")");
        REQUESTED_BY.putIn(variables, authorization.getRequestedBy());
        APPLICATIONS_TEXT.putIn(variables, DeveloperMails.applications(authorization));
        task.getExecution().setVariables(variables);
        log.info("Developer authorization {}: the request for {} waits for vendor staff", authorizationId, authorization.getDeveloper());
    }
}
