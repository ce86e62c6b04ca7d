package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Publishes the approved version and grants access per its distribution, in the transaction of the approval. */
@Component("publishVersionDelegate")
class PublishVersionDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PublishVersionDelegate.class);

    private final AuditService audits;

    PublishVersionDelegate(AuditService audits) {
        this.audits = audits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long versionId = versionId(execution);
        ExtensionVersion version = audits.publish(versionId);
        log.info("Extension version {}: published for {}", versionId, version.getDistribution());
    }
}
