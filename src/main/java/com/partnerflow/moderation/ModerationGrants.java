package com.partnerflow.moderation;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessGrants;

/**
 * Who may do what with configuration moderation in the engine: partners send their configurations (the domain checks
 * the creator); moderators see every moderation (their tasks come with the candidate group); vendor staff see all of it.
 */
@Component
class ModerationGrants implements ProcessGrants {

    @Override
    public void grant(Grants grants) {
        grants.process(Groups.PARTNERS, ConfigurationModerationProcess.KEY, READ, CREATE_INSTANCE);
        grants.startInstances(Groups.PARTNERS);
        grants.process(Groups.MODERATORS, ConfigurationModerationProcess.KEY, READ, READ_INSTANCE, READ_HISTORY);
        grants.process(Groups.VENDOR_STAFF, ConfigurationModerationProcess.KEY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    }
}
