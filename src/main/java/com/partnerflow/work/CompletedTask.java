package com.partnerflow.work;

/**
 * A task the caller just completed through {@link TaskCompletion}: what its feature needs to say where the request
 * stands now.
 *
 * @param businessKey the id of the request the task's process works on (its instance's business key)
 * @param executionId the execution the task ran in: the settlement's branch of one partner's reconciliation
 */
public record CompletedTask(String taskId, TaskKind kind, String businessKey, String executionId) {

    /** The business key as the request's numeric id. */
    public long requestId() {
        return Long.parseLong(businessKey);
    }

    /** The answer of the decision endpoint, with the request as it stands after the decision. */
    public TaskDecided decided(DecidedRequest request) {
        return new TaskDecided(taskId, kind, request);
    }
}
