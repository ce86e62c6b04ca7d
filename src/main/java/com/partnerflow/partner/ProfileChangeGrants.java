package com.partnerflow.partner;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessGrants;

/**
 * Who may do what with a partner's profile change in the engine: partners request for their own partner (the domain
 * finds the partner; each instance is granted to its partner only); vendor staff see every request and decide (their
 * task comes with the candidate group).
 */
@Component
class ProfileChangeGrants implements ProcessGrants {

    @Override
    public void grant(Grants grants) {
        grants.process(Groups.PARTNERS, PartnerProfileChangeProcess.KEY, READ, CREATE_INSTANCE);
        grants.startInstances(Groups.PARTNERS);
        grants.process(Groups.VENDOR_STAFF, PartnerProfileChangeProcess.KEY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    }
}
