package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The partner's revision task shows what the auditor found and starts without an earlier decision. */
@Component("reviseTaskCreatedListener")
class ReviseTaskCreatedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ReviseTaskCreatedListener.class);

    private final ExtensionService extensions;
    private final AuditForms forms;

    ReviseTaskCreatedListener(ExtensionService extensions, AuditForms forms) {
        this.extensions = extensions;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        long versionId = versionId(task);
        forms.report(task.getExecution(), extensions.byId(versionId));
        log.info("Extension version {}: waiting for the developer's revision", versionId);
    }
}
