package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/** The partner sends the revised configuration again (checked again) or withdraws it; a refusal rolls the completion back. */
@Component("configurationRevisedListener")
class ConfigurationRevisedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationRevisedListener.class);

    private final ModerationService moderations;

    ConfigurationRevisedListener(ModerationService moderations) {
        this.moderations = moderations;
    }

    @Override
    public void notify(DelegateTask task) {
        long moderationId = moderationId(task);
        Moderation moderation = moderations.revise(moderationId, REVISION_ACTION.optionalFrom(task).orElse(null),
                filledSettings(task), Actor.of(task));
        log.info("Configuration moderation {}: revised, configuration now {}", moderationId,
                moderation.getConfiguration().getStatus());
    }
}
