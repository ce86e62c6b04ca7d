package com.partnerflow.reporting;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.partnerflow.security.ProcessAccess;
import com.partnerflow.subscriber.SubscriberTransferred;

/**
 * When a subscriber moves to another partner while its application waits for processing, the task
 * moves with it: the new servicing partner processes it, the old one no longer can (seed 001: the
 * servicing partner processes the client's application). Runs in the transfer's transaction.
 */
@Component
class OpenApplicationHandover {

    private static final Logger log = LoggerFactory.getLogger(OpenApplicationHandover.class);

    private final ReportingService applications;
    private final RuntimeService runtimeService;
    private final ProcessAccess access;

    OpenApplicationHandover(ReportingService applications, RuntimeService runtimeService, ProcessAccess access) {
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.access = access;
    }

    @EventListener
    void on(SubscriberTransferred transfer) {
        applications.openApplicationOf(transfer.subscriberNumber()).ifPresent(applicationId -> {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(ReportingProcess.KEY).processInstanceBusinessKey(applicationId.toString())
                    .singleResult();
            if (instance != null) {
                access.handOverTasks(instance.getId(), transfer.fromPartnerGroup(), transfer.toPartnerGroup());
                log.info("Reporting application {}: handed over from {} to {} after the subscriber's transfer",
                        applicationId, transfer.fromPartnerGroup(), transfer.toPartnerGroup());
            }
        });
    }
}
