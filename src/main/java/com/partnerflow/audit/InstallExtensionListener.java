package com.partnerflow.audit;

import static com.partnerflow.audit.InstallationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * Installs as the instance starts (the Tasklist start form or {@code /api}): a refused installation
 * rolls the start back whole and the client user reads why; an accepted one is recorded and the
 * instance ends at once, leaving who installed what and when in the history.
 */
@Component("installExtensionListener")
class InstallExtensionListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(InstallExtensionListener.class);

    private final InstallationService installations;

    InstallExtensionListener(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String user = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Установить доработку может только вошедший в систему пользователь клиента."));
        Installation installation = installations.install(SUBSCRIBER_NUMBER.optionalFrom(execution).orElse(null),
                DATA_AREA_ID.optionalFrom(execution).orElse(null), VERSION_ID.optionalFrom(execution).orElse(null), user);
        execution.setProcessBusinessKey(installation.getId().toString());
        INSTALLATION_ID.on(execution, installation.getId());
        log.info("Installation {}: version {} into data area {} by {}", installation.getId(),
                installation.getVersion().getId(), installation.getDataArea().getId(), user);
    }
}
