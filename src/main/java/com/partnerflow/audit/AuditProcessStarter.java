package com.partnerflow.audit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Starts the processes of this feature for API calls exactly as the Tasklist start forms do, so one
 * listener checks both. Runs as the authenticated user.
 */
@Component
class AuditProcessStarter {

    private final RuntimeService runtimeService;

    AuditProcessStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Returns the id of the accepted version (the instance's business key). */
    long submit(long extensionId, SubmitVersion command) {
        VariableMap variables = ExtensionAuditProcess.EXTENSION_ID.with(extensionId);
        ExtensionAuditProcess.VERSION_NUMBER.putIn(variables, command.version());
        ExtensionAuditProcess.TARGET_APPLICATION_VERSION.putIn(variables, command.targetApplicationVersion());
        ExtensionAuditProcess.CHANGE_NOTES.putIn(variables, command.changeNotes());
        ExtensionAuditProcess.DISTRIBUTION.putIn(variables, command.distribution());
        ExtensionAuditProcess.RECIPIENTS.putIn(variables, String.join(",", command.recipients()));
        if (command.file() != null) {
            ExtensionAuditProcess.FILE.putIn(variables, command.file());
        }
        return Long.parseLong(runtimeService.startProcessInstanceByKey(ExtensionAuditProcess.KEY, variables).getBusinessKey());
    }

    /** Returns the id of the installation (the instance's business key). */
    long install(String subscriberNumber, long dataAreaId, Long versionId) {
        return Long.parseLong(runtimeService.startProcessInstanceByKey(InstallationProcess.KEY,
                InstallationProcess.variables(subscriberNumber, dataAreaId, versionId)).getBusinessKey());
    }

    /** Returns the id of the removed installation (the instance's business key). */
    long remove(String subscriberNumber, long dataAreaId, long installationId) {
        return Long.parseLong(runtimeService.startProcessInstanceByKey(RemovalProcess.KEY,
                RemovalProcess.variables(subscriberNumber, dataAreaId, installationId)).getBusinessKey());
    }
}
