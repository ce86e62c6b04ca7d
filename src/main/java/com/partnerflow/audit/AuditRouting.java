package com.partnerflow.audit;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * Who works a task, how long the audit may take and where the process goes next, read from the domain
 * and the configuration when the engine needs them ({@code ${auditRouting.outcome(execution)}}), never
 * from variables a task worker could set. Public: JUEL calls only public methods of public classes.
 */
@Component("auditRouting")
public class AuditRouting implements TaskDecisions {

    private final AuditService audits;
    private final AuditSettings settings;

    AuditRouting(AuditService audits, AuditSettings settings) {
        this.audits = audits;
        this.settings = settings;
    }

    @Override
    public String processKey() {
        return ExtensionAuditProcess.KEY;
    }

    @Override
    public List<ProcessVariable<?>> of(String taskDefinitionKey) {
        return ExtensionAuditProcess.decisionOf(taskDefinitionKey);
    }

    /** The version's status after an audit or a revision: APPROVED, CHANGES_REQUIRED, REJECTED, SUBMITTED, WITHDRAWN. */
    public String outcome(DelegateExecution execution) {
        return audits.status(ExtensionAuditProcess.versionId(execution)).name();
    }

    /** {@code partner-<CODE>} of the developing partner. */
    public String developerGroup(DelegateExecution execution) {
        return audits.developerGroup(ExtensionAuditProcess.versionId(execution));
    }

    /** The due date of an audit round and the moment the leads are alerted, for the engine's business calendar. */
    public String auditSla() {
        return settings.sla();
    }
}
