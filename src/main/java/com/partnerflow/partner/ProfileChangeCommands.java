package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * What {@code /api} and the portal ask of the profile-change process, done through the process exactly as Tasklist
 * does it, so the start listener checks every door. Runs as the authenticated user.
 */
@Component
class ProfileChangeCommands {

    private final RuntimeService runtimeService;

    ProfileChangeCommands(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the process with the start form's variables; answers the new request's id (the business key). */
    long request(ProposeProfileChange command) {
        VariableMap variables = NAME.with(command.name());
        EMAIL.putIn(variables, command.email());
        PHONE.putIn(variables, command.phone());
        WEBSITE.putIn(variables, command.website());
        REASON.putIn(variables, command.reason());
        return Long.parseLong(runtimeService.startProcessInstanceByKey(KEY, variables).getBusinessKey());
    }
}
