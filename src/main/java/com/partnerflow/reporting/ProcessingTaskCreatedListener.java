package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.ProcessAccess;

/**
 * When the servicing partner's task is created: lets that partner see the instance, and fills the
 * form from the client's request in the domain (mode and tier), clearing any earlier decision.
 */
@Component("processingTaskCreatedListener")
class ProcessingTaskCreatedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ProcessingTaskCreatedListener.class);

    private final ReportingService applications;
    private final ProcessAccess access;

    ProcessingTaskCreatedListener(ReportingService applications, ProcessAccess access) {
        this.applications = applications;
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        long applicationId = applicationId(task);
        ReportingApplication application = applications.byId(applicationId);
        String partnerGroup = application.getSubscriber().getPartner().group();
        access.grantRead(task.getProcessInstanceId(), List.of(partnerGroup));
        MULTI_USER_MODE.on(task.getExecution(), application.isRequestedMultiUser());
        TIER.on(task.getExecution(), application.getRequestedTier());
        log.info("Reporting application {}: waiting for partner group {}", applicationId, partnerGroup);
    }
}
