package com.partnerflow.audit;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessGrants;

/**
 * Who may do what with extension audits and installations in the engine: authorized developers submit versions (the
 * domain checks the flag), clients install published ones and remove them; auditors see every audit (their own tasks come with the
 * candidate group), their leads and vendor staff also every task.
 */
@Component
class AuditGrants implements ProcessGrants {

    @Override
    public void grant(Grants grants) {
        grants.process(Groups.PARTNERS, ExtensionAuditProcess.KEY, READ, CREATE_INSTANCE);
        grants.startInstances(Groups.PARTNERS);
        grants.process(Groups.CLIENTS, InstallationProcess.KEY, READ, CREATE_INSTANCE);
        grants.process(Groups.CLIENTS, RemovalProcess.KEY, READ, CREATE_INSTANCE);
        grants.startInstances(Groups.CLIENTS);
        grants.process(Groups.AUDITORS, ExtensionAuditProcess.KEY, READ, READ_INSTANCE, READ_HISTORY);
        grants.process(Groups.AUDIT_LEADS, ExtensionAuditProcess.KEY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
        grants.process(Groups.VENDOR_STAFF, ExtensionAuditProcess.KEY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    }
}
