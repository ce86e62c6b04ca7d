package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.security.ProcessAccess;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * Runs as the instance starts (Tasklist start form, {@code /engine-rest} or {@code /api}): opens the moderation
 * of the chosen configuration if its creator sends it and it is complete. A refusal throws, so the start is
 * rolled back whole and the partner reads every missing field.
 */
@Component("acceptConfigurationListener")
class AcceptConfigurationListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptConfigurationListener.class);

    private final ModerationService moderations;
    private final ProcessAccess access;

    AcceptConfigurationListener(ModerationService moderations, ProcessAccess access) {
        this.moderations = moderations;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String partnerUser = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Отправить конфигурацию на модерацию может только вошедший в систему сотрудник партнера."));
        Moderation moderation = moderations.submit(CONFIGURATION_ID.optionalFrom(execution).orElse(null), partnerUser);

        execution.setProcessBusinessKey(moderation.getId().toString());
        access.grantRead(execution.getProcessInstanceId(), List.of(moderation.getConfiguration().getCreator().group()));
        log.info("Configuration moderation {} opened: configuration {} «{}» sent by {}", moderation.getId(),
                moderation.getConfiguration().getId(), moderation.getConfiguration().displayName(), partnerUser);
    }
}
