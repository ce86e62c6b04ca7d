package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A new audit round: the version records the task's due date (the engine's working-days calendar set it),
 * the form shows the version, and the previous round's answers are cleared.
 */
@Component("auditTaskCreatedListener")
class AuditTaskCreatedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(AuditTaskCreatedListener.class);

    private final AuditService audits;
    private final AuditForms forms;

    AuditTaskCreatedListener(AuditService audits, AuditForms forms) {
        this.audits = audits;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        long versionId = versionId(task);
        ExtensionVersion version = audits.startAudit(versionId, task.getDueDate().toInstant());
        forms.describe(task.getExecution(), version);
        log.info("Extension version {}: audit round {} due {}", versionId, version.getAuditRound(), version.getAuditDueAt());
    }
}
