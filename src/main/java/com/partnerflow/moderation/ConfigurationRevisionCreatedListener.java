package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The partner's revision task shows the moderator's comment and the current settings, without an earlier answer. */
@Component("configurationRevisionCreatedListener")
class ConfigurationRevisionCreatedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationRevisionCreatedListener.class);

    private final ModerationService moderations;
    private final ModerationForms forms;

    ConfigurationRevisionCreatedListener(ModerationService moderations, ModerationForms forms) {
        this.moderations = moderations;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        long moderationId = moderationId(task);
        task.getExecution().setVariables(forms.revision(moderations.byId(moderationId)));
        log.info("Configuration moderation {}: waiting for the partner's revision", moderationId);
    }
}
