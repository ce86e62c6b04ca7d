package com.partnerflow.audit;

import static com.partnerflow.audit.RemovalProcess.DATA_AREA_ID;
import static com.partnerflow.audit.RemovalProcess.INSTALLATION_ID;
import static com.partnerflow.audit.RemovalProcess.SUBSCRIBER_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * Removes as the instance starts (the Tasklist start form or {@code /api}), like the installation: a refusal rolls the
 * start back whole; a removal ends the instance at once, leaving who removed what and when in the history.
 */
@Component("removeExtensionListener")
class RemoveExtensionListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RemoveExtensionListener.class);

    private final InstallationService installations;

    RemoveExtensionListener(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String user = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Удалить доработку может только вошедший в систему пользователь клиента."));
        Installation removed = installations.remove(SUBSCRIBER_NUMBER.optionalFrom(execution).orElse(null),
                DATA_AREA_ID.optionalFrom(execution).orElse(null), INSTALLATION_ID.optionalFrom(execution).orElse(null), user);
        execution.setProcessBusinessKey(removed.getId().toString());
        log.info("Installation {}: version {} removed from data area {} by {}", removed.getId(),
                removed.getVersion().getId(), removed.getDataArea().getId(), user);
    }
}
