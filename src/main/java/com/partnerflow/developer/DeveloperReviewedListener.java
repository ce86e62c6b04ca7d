package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/**
 * Records vendor staff's decision, whether it came from Tasklist, {@code /engine-rest} or {@code /api}; a refused one
 * (a rejection without a reason) rolls the completion back and the task stays.
 */
@Component("developerReviewedListener")
class DeveloperReviewedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(DeveloperReviewedListener.class);

    private final DeveloperAuthorizationService authorizations;

    DeveloperReviewedListener(DeveloperAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void notify(DelegateTask task) {
        long authorizationId = authorizationId(task);
        DeveloperAuthorization authorization = authorizations.recordDecision(authorizationId, DECISION.optionalFrom(task).orElse(null),
                DECISION_COMMENT.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Developer authorization {}: {} by {}", authorizationId, authorization.getStatus(), authorization.getDecidedBy());
    }
}
