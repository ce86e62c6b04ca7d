package com.partnerflow.security;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: the authenticated user of the request, else the task's assignee. */
public final class Actor {

    private Actor() {
    }

    /**
     * The authenticated user of the request that runs this execution. Never read a user id from a
     * process variable for this: any REST client can send variables.
     */
    public static Optional<String> authenticated(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }

    /** The authenticated user of the request that runs this execution, with the groups the engine knows them in. */
    public static Optional<Caller> caller(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return Optional.ofNullable(authentication).filter(current -> current.getUserId() != null)
                .map(current -> Caller.of(current.getUserId(), current.getGroupIds()));
    }

    public static String of(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw new IllegalStateException("Task " + task.getId() + " completed without an authenticated user or assignee");
    }
}
