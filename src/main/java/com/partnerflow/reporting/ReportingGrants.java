package com.partnerflow.reporting;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessGrants;

/**
 * Who may do what with reporting applications in the engine: clients, and partners on a client's behalf, apply (the
 * client's group and the servicing partner's are granted the instance itself); vendor staff see every application.
 */
@Component
class ReportingGrants implements ProcessGrants {

    @Override
    public void grant(Grants grants) {
        for (String group : new String[] {Groups.CLIENTS, Groups.PARTNERS}) {
            grants.process(group, ReportingProcess.KEY, READ, CREATE_INSTANCE);
            grants.startInstances(group);
        }
        grants.process(Groups.VENDOR_STAFF, ReportingProcess.KEY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    }
}
