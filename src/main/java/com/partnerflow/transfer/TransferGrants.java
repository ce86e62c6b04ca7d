package com.partnerflow.transfer;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessGrants;

/**
 * Who may do what with transfers in the engine: partners start them (what a partner sees of one is granted per instance
 * to the two partners involved); vendor staff see every transfer, its tasks and history.
 */
@Component
class TransferGrants implements ProcessGrants {

    @Override
    public void grant(Grants grants) {
        grants.process(Groups.PARTNERS, TransferProcess.KEY, READ, CREATE_INSTANCE);
        grants.startInstances(Groups.PARTNERS);
        grants.process(Groups.VENDOR_STAFF, TransferProcess.KEY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    }
}
