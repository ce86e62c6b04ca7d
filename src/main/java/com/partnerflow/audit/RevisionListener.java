package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/** The partner resubmits the fixed version (the checks run again) or withdraws it; a refusal rolls the completion back. */
@Component("revisionListener")
class RevisionListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RevisionListener.class);

    private final ExtensionService extensions;

    RevisionListener(ExtensionService extensions) {
        this.extensions = extensions;
    }

    @Override
    public void notify(DelegateTask task) {
        long versionId = versionId(task);
        ExtensionVersion version = extensions.revise(versionId, REVISION_DECISION.optionalFrom(task).orElse(null),
                resubmission(task), Actor.of(task));
        task.getExecution().removeVariable(FILE.name());
        log.info("Extension version {}: revised, now {} as {}", versionId, version.getStatus(), version.getNumber());
    }
}
