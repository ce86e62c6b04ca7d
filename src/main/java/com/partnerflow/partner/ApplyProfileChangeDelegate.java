package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Puts the approved details into the partner; an asyncBefore step, so a failure is retried and then becomes an incident. */
@Component("applyProfileChangeDelegate")
class ApplyProfileChangeDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ApplyProfileChangeDelegate.class);

    private final ProfileChangeService changes;

    ApplyProfileChangeDelegate(ProfileChangeService changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long changeId = changeId(execution);
        ProfileChange change = changes.apply(changeId);
        log.info("Profile change {}: details of partner {} changed", changeId, change.getPartner().getCode());
    }
}
