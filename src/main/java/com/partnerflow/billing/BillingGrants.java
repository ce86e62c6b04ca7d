package com.partnerflow.billing;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessGrants;

/**
 * Who may do what with the monthly settlement in the engine: finance starts it and sees all of it. A partner gets only its
 * own answer tasks (as their candidate group), never the instance, which holds every partner's reconciliations.
 */
@Component
class BillingGrants implements ProcessGrants {

    @Override
    public void grant(Grants grants) {
        grants.process(Groups.FINANCE, SettlementProcess.KEY, READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK);
        grants.startInstances(Groups.FINANCE);
    }
}
