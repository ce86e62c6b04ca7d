package com.partnerflow.reporting;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * Who processes an application and where it goes next, read from the domain when the engine needs it
 * ({@code ${reportingRouting.servicingPartnerGroup(execution)}}), never from a variable a task
 * worker could set. Public: JUEL calls only public methods of public classes.
 */
@Component("reportingRouting")
public class ReportingRouting implements TaskDecisions {

    private final ReportingService applications;

    ReportingRouting(ReportingService applications) {
        this.applications = applications;
    }

    @Override
    public String processKey() {
        return ReportingProcess.KEY;
    }

    @Override
    public List<ProcessVariable<?>> of(String taskDefinitionKey) {
        return ReportingProcess.decisionOf(taskDefinitionKey);
    }

    /**
     * Whether the partner approved, as the domain recorded it. The gateway asks this rather than reading
     * the decision variable, which a task worker could set differently on the task and on the instance.
     */
    public boolean approved(DelegateExecution execution) {
        return applications.isApproved(ReportingProcess.applicationId(execution));
    }

    /** {@code partner-<CODE>} of the partner serving the subscriber at this moment. */
    public String servicingPartnerGroup(DelegateExecution execution) {
        return applications.servicingPartnerGroup(ReportingProcess.applicationId(execution));
    }
}
