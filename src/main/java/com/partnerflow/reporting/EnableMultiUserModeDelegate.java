package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.applicationId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Shows the product on the organization card, records the license charge and writes the mails, in one transaction. */
@Component("enableMultiUserModeDelegate")
class EnableMultiUserModeDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EnableMultiUserModeDelegate.class);

    private final ReportingService applications;

    EnableMultiUserModeDelegate(ReportingService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = applicationId(execution);
        applications.enable(applicationId);
        log.info("Reporting application {}: product enabled on the organization card", applicationId);
    }
}
