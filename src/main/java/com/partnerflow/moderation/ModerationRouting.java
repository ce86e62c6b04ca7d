package com.partnerflow.moderation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * Who works a task and where the process goes next, read from the domain when the engine needs them
 * ({@code ${moderationRouting.decision(execution)}}), never from variables a task worker could set.
 * Public: JUEL calls only public methods of public classes.
 */
@Component("moderationRouting")
public class ModerationRouting implements TaskDecisions {

    private final ModerationService moderations;

    ModerationRouting(ModerationService moderations) {
        this.moderations = moderations;
    }

    @Override
    public String processKey() {
        return ConfigurationModerationProcess.KEY;
    }

    @Override
    public List<ProcessVariable<?>> of(String taskDefinitionKey) {
        return ConfigurationModerationProcess.decisionOf(taskDefinitionKey);
    }

    /** The moderator's answer to the current round: APPROVE, REQUEST_CHANGES or REJECT. */
    public String decision(DelegateExecution execution) {
        return moderations.byId(ConfigurationModerationProcess.moderationId(execution)).currentRound().getDecision().name();
    }

    /** After the partner's revision: IN_MODERATION (sent again) or WITHDRAWN. */
    public String status(DelegateExecution execution) {
        return moderations.byId(ConfigurationModerationProcess.moderationId(execution)).getConfiguration().getStatus().name();
    }

    /** {@code partner-<CODE>} of the partner who made the configuration. */
    public String creatorGroup(DelegateExecution execution) {
        return moderations.byId(ConfigurationModerationProcess.moderationId(execution)).getConfiguration().getCreator().group();
    }
}
