package com.partnerflow.audit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.partnerflow.security.ProcessAccess;
import com.partnerflow.subscriber.SubscriberTransferred;

/**
 * A client's own extension follows the client to its new partner ({@link Extension#maintainer()}); so does a version
 * of it in audit or waiting for a fix: the new partner gets the instance and the revision task, the old one loses
 * both. Runs in the transfer's transaction, like the reporting handover (ADR 0013).
 */
@Component
class OpenVersionHandover {

    private static final Logger log = LoggerFactory.getLogger(OpenVersionHandover.class);

    private final ExtensionService extensions;
    private final RuntimeService runtimeService;
    private final ProcessAccess access;

    OpenVersionHandover(ExtensionService extensions, RuntimeService runtimeService, ProcessAccess access) {
        this.extensions = extensions;
        this.runtimeService = runtimeService;
        this.access = access;
    }

    @EventListener
    void on(SubscriberTransferred transfer) {
        for (Long versionId : extensions.openVersionsOwnedBy(transfer.subscriberNumber())) {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(ExtensionAuditProcess.KEY).processInstanceBusinessKey(versionId.toString())
                    .singleResult();
            if (instance != null) {
                access.handOverTasks(instance.getId(), transfer.fromPartnerGroup(), transfer.toPartnerGroup());
                log.info("Extension version {}: handed over from {} to {} with its client", versionId,
                        transfer.fromPartnerGroup(), transfer.toPartnerGroup());
            }
        }
    }
}
