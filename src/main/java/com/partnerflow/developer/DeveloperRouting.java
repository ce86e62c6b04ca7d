package com.partnerflow.developer;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * Where the process goes after vendor staff's review, read from the domain ({@code ${developerRouting.status(execution)}}),
 * never from a variable a task worker could set. Public: JUEL calls only public methods of public classes.
 */
@Component("developerRouting")
public class DeveloperRouting implements TaskDecisions {

    private final DeveloperAuthorizationService authorizations;

    DeveloperRouting(DeveloperAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public String processKey() {
        return DeveloperAuthorizationProcess.KEY;
    }

    @Override
    public List<ProcessVariable<?>> of(String taskDefinitionKey) {
        return DeveloperAuthorizationProcess.decisionOf(taskDefinitionKey);
    }

    /** After the review: ACTIVE (approved) or REJECTED. */
    public String status(DelegateExecution execution) {
        return authorizations.byId(DeveloperAuthorizationProcess.authorizationId(execution)).getStatus().name();
    }
}
