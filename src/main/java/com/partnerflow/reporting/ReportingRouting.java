package com.partnerflow.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who processes an application, read from the domain when the task is created
 * ({@code ${reportingRouting.servicingPartnerGroup(execution)}}), never from a variable a task
 * worker could set. Public: JUEL calls only public methods of public classes.
 */
@Component("reportingRouting")
public class ReportingRouting {

    private final ReportingService applications;

    ReportingRouting(ReportingService applications) {
        this.applications = applications;
    }

    /** {@code partner-<CODE>} of the partner serving the subscriber at this moment. */
    public String servicingPartnerGroup(DelegateExecution execution) {
        return applications.servicingPartnerGroup(ReportingProcess.applicationId(execution));
    }
}
