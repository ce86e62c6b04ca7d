package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Fills the review form from the recorded request: the partner, what changes from what to what, why, asked by whom. */
@Component("profileReviewCreatedListener")
class ProfileReviewCreatedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ProfileReviewCreatedListener.class);

    private final ProfileChangeService changes;

    ProfileReviewCreatedListener(ProfileChangeService changes) {
        this.changes = changes;
    }

    @Override
    public void notify(DelegateTask task) {
        long changeId = changeId(task);
        ProfileChange change = changes.byId(changeId);
        VariableMap variables = Variables.createVariables();
        PARTNER_LABEL.putIn(variables, change.getPartner().label());
        CHANGES_TEXT.putIn(variables, change.changesText());
        REASON.putIn(variables, change.getReason());
        REQUESTED_BY.putIn(variables, change.getRequestedBy());
        task.getExecution().setVariables(variables);
        log.info("Profile change {} of partner {} waits for vendor staff", changeId, change.getPartner().getCode());
    }
}
