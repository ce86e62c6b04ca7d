package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Starts {@code reporting-extension-application} for an API submission exactly as the Tasklist
 * start form does, so one listener checks both. Runs as the authenticated user, the submitter.
 */
@Component
class ReportingProcessStarter {

    private final RuntimeService runtimeService;

    ReportingProcessStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Returns the id of the accepted application (the instance's business key). */
    long start(SubmitApplication command) {
        VariableMap variables = SUBSCRIBER_NUMBER.with(command.subscriberNumber());
        ORGANIZATION_NAME.putIn(variables, command.organizationName());
        INN.putIn(variables, command.inn());
        KPP.putIn(variables, command.kpp());
        MULTI_USER_MODE.putIn(variables, command.multiUserMode());
        USERS.putIn(variables, command.users());
        SIGNATURE_OWNER.putIn(variables, command.signatureOwner());
        SIGNATURE_ROLES.putIn(variables, command.signatureRoles());
        return Long.parseLong(runtimeService.startProcessInstanceByKey(KEY, variables).getBusinessKey());
    }
}
