package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/** Records the auditor's findings and decision; a refused form rolls the completion back. */
@Component("auditCompletedListener")
class AuditCompletedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(AuditCompletedListener.class);

    private final AuditService audits;

    AuditCompletedListener(AuditService audits) {
        this.audits = audits;
    }

    @Override
    public void notify(DelegateTask task) {
        long versionId = versionId(task);
        ExtensionVersion version = audits.recordAudit(versionId, auditResult(task), Actor.of(task));
        log.info("Extension version {}: audit round {} ended {} with {} findings", versionId, version.getAuditRound(),
                version.getStatus(), version.lastRoundFindings().size());
    }
}
