package com.partnerflow.system;

import java.util.List;

/**
 * What the worker of each user task of one process decides: the variables its form sets. A feature contributes one bean
 * per process; {@link ClearDecisionListener} clears them when the task is created, so that a value left from an
 * earlier round, or set beforehand by anyone, never decides the task.
 */
public interface TaskDecisions {

    String processKey();

    /** The decision variables of the task {@code taskDefinitionKey}; none for a task that decides nothing. */
    List<ProcessVariable<?>> of(String taskDefinitionKey);
}
