package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The audit passed its due date: the version records it, and the audit leads' task shows the version. */
@Component("overdueAuditListener")
class OverdueAuditListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(OverdueAuditListener.class);

    private final AuditService audits;
    private final ExtensionService extensions;
    private final AuditForms forms;

    OverdueAuditListener(AuditService audits, ExtensionService extensions, AuditForms forms) {
        this.audits = audits;
        this.extensions = extensions;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        long versionId = versionId(task);
        audits.recordOverdue(versionId);
        forms.describe(task.getExecution(), extensions.byId(versionId));
        log.warn("Extension version {}: audit overdue, audit leads alerted", versionId);
    }
}
