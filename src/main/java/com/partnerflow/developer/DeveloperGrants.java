package com.partnerflow.developer;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessGrants;

/**
 * Who may do what with developer authorization in the engine: partners request for their employees (the domain checks
 * the partner; each instance is granted to its partner only); vendor staff see every request and decide (their task
 * comes with the candidate group).
 */
@Component
class DeveloperGrants implements ProcessGrants {

    @Override
    public void grant(Grants grants) {
        grants.process(Groups.PARTNERS, DeveloperAuthorizationProcess.KEY, READ, CREATE_INSTANCE);
        grants.startInstances(Groups.PARTNERS);
        grants.process(Groups.VENDOR_STAFF, DeveloperAuthorizationProcess.KEY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    }
}
