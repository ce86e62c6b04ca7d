package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/** Records the moderator's answer; a refused form (no comment for changes, say) rolls the completion back. */
@Component("configurationReviewedListener")
class ConfigurationReviewedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationReviewedListener.class);

    private final ModerationService moderations;

    ConfigurationReviewedListener(ModerationService moderations) {
        this.moderations = moderations;
    }

    @Override
    public void notify(DelegateTask task) {
        long moderationId = moderationId(task);
        Moderation moderation = moderations.recordReview(moderationId, REVIEW_DECISION.optionalFrom(task).orElse(null),
                REVIEW_COMMENT.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Configuration moderation {}: round {} answered {}", moderationId, moderation.currentRound().getNumber(),
                moderation.currentRound().getDecision());
    }
}
