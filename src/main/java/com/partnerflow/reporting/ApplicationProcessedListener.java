package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/** Records the servicing partner's decision when the task is completed; a bad input rolls the completion back. */
@Component("applicationProcessedListener")
class ApplicationProcessedListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ApplicationProcessedListener.class);

    private final ReportingService applications;

    ApplicationProcessedListener(ReportingService applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        long applicationId = applicationId(task);
        ReportingApplication application = applications.decide(applicationId, partnerDecision(task), Actor.of(task));
        log.info("Reporting application {}: partner decided {}, multi-user mode {}, tier {}", applicationId,
                application.getStatus(), application.getMultiUserMode(), application.getTier());
    }
}
