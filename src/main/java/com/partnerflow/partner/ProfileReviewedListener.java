package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

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
@Component("profileReviewedListener")
class ProfileReviewedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ProfileReviewedListener.class);

    private final ProfileChangeService changes;

    ProfileReviewedListener(ProfileChangeService changes) {
        this.changes = changes;
    }

    @Override
    public void notify(DelegateTask task) {
        long changeId = changeId(task);
        ProfileChange change = changes.recordDecision(changeId, DECISION.optionalFrom(task).orElse(null),
                DECISION_COMMENT.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Profile change {} of partner {}: {} by {}", changeId, change.getPartner().getCode(), change.getStatus(), change.getDecidedBy());
    }
}
