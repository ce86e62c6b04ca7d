package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A new round for the moderators: the form shows the round as sent and starts without an earlier answer. */
@Component("configurationReviewCreatedListener")
class ConfigurationReviewCreatedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationReviewCreatedListener.class);

    private final ModerationService moderations;
    private final ModerationForms forms;

    ConfigurationReviewCreatedListener(ModerationService moderations, ModerationForms forms) {
        this.moderations = moderations;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        long moderationId = moderationId(task);
        Moderation moderation = moderations.byId(moderationId);
        task.getExecution().setVariables(forms.review(moderation));
        log.info("Configuration moderation {}: round {} waits for a moderator", moderationId, moderation.currentRound().getNumber());
    }
}
