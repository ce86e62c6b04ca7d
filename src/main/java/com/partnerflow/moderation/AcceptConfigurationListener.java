package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.security.Caller;
import com.partnerflow.security.ProcessAccess;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * Runs as the instance starts (Tasklist start form, {@code /engine-rest} or {@code /api}): opens the moderation
 * of the chosen configuration if its creator sends it and it is complete. The start form also sends the configuration
 * as the partner filled it in (a new one, with the account to make it in): it is saved first, as the API saves it. A refusal throws, so the start is
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
        Caller partner = Actor.caller(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Отправить конфигурацию на модерацию может только вошедший в систему сотрудник партнера."));
        Long chosen = CONFIGURATION_ID.optionalFrom(execution).orElse(null);
        Optional<ConfigurationDraft> filled = settingsSentAtStart(execution);
        Moderation moderation = filled.isPresent()
                ? moderations.submit(chosen, ACCOUNT_ID.optionalFrom(execution).orElse(null), filled.get(), partner)
                : moderations.submit(chosen, partner.userId());
        CONFIGURATION_ID.on(execution, moderation.getConfiguration().getId());

        execution.setProcessBusinessKey(moderation.getId().toString());
        access.grantRead(execution.getProcessInstanceId(), List.of(moderation.getConfiguration().getCreator().group()));
        log.info("Configuration moderation {} opened: configuration {} «{}» sent by {}{}", moderation.getId(),
                moderation.getConfiguration().getId(), moderation.getConfiguration().displayName(), partner.userId(),
                filled.isPresent() ? " as filled in on the start form" : "");
    }
}
