package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Puts the approved round into the public catalogue, in the transaction of the approval. */
@Component("publishConfigurationDelegate")
class PublishConfigurationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PublishConfigurationDelegate.class);

    private final ModerationService moderations;

    PublishConfigurationDelegate(ModerationService moderations) {
        this.moderations = moderations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long moderationId = moderationId(execution);
        Moderation moderation = moderations.publish(moderationId);
        log.info("Configuration moderation {}: configuration {} published from round {}", moderationId,
                moderation.getConfiguration().getId(), moderation.currentRound().getNumber());
    }
}
