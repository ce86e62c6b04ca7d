package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

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
 * Runs as the instance starts (Tasklist start form, {@code /engine-rest}, {@code /api} or the portal): records the
 * partner's request if it passes the domain's checks, makes its id the business key and lets the partner read the
 * instance. A refusal throws, so the start is rolled back whole.
 */
@Component("acceptProfileChangeListener")
class AcceptProfileChangeListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptProfileChangeListener.class);

    private final ProfileChangeService changes;
    private final ProcessAccess access;

    AcceptProfileChangeListener(ProfileChangeService changes, ProcessAccess access) {
        this.changes = changes;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requester = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Запросить изменение данных партнера может только вошедший в систему сотрудник партнера."));
        ProfileChange change = changes.request(new ProposeProfileChange(NAME.optionalFrom(execution).orElse(null),
                EMAIL.optionalFrom(execution).orElse(null), PHONE.optionalFrom(execution).orElse(null),
                WEBSITE.optionalFrom(execution).orElse(null), REASON.optionalFrom(execution).orElse(null)), requester);

        execution.setProcessBusinessKey(change.getId().toString());
        access.grantRead(execution.getProcessInstanceId(), List.of(change.getPartner().group()));
        log.info("Profile change {} requested for partner {} by {}: {}", change.getId(), change.getPartner().getCode(), requester,
                change.changes().stream().map(ProfileChange.Change::field).toList());
    }
}
