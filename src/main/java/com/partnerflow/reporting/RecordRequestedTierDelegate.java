package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records the tier the decision table picked; too few users for multi-user mode rolls the submission back. */
@Component("recordRequestedTierDelegate")
class RecordRequestedTierDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordRequestedTierDelegate.class);

    private final ReportingService applications;

    RecordRequestedTierDelegate(ReportingService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = applicationId(execution);
        TierRule rule = TIER_RULE.from(execution);
        applications.recordRequestedTier(applicationId, rule);
        log.info("Reporting application {}: requested tier {}", applicationId, rule);
    }
}
