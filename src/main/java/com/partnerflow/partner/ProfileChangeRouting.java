package com.partnerflow.partner;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * Where the process goes after vendor staff's review, read from the domain ({@code ${profileChangeRouting.status(execution)}}),
 * never from a variable a task worker could set. Public: JUEL calls only public methods of public classes.
 */
@Component("profileChangeRouting")
public class ProfileChangeRouting implements TaskDecisions {

    private final ProfileChangeService changes;

    ProfileChangeRouting(ProfileChangeService changes) {
        this.changes = changes;
    }

    @Override
    public String processKey() {
        return PartnerProfileChangeProcess.KEY;
    }

    @Override
    public List<ProcessVariable<?>> of(String taskDefinitionKey) {
        return PartnerProfileChangeProcess.decisionOf(taskDefinitionKey);
    }

    /** After the review: APPROVED or REJECTED. */
    public String status(DelegateExecution execution) {
        return changes.byId(PartnerProfileChangeProcess.changeId(execution)).getStatus().name();
    }
}
