package com.partnerflow.system;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The names and descriptions of one process's user tasks. A feature contributes one bean per process;
 * {@link DescribeTaskListener} asks it when a task is created. It reads the record the task acts on from the business
 * key, never from a variable a task worker can write, and the deadline from the task's due date, which the engine set
 * from the same expression as the timer that ends the wait.
 */
public interface TaskTexts {

    String processKey();

    /** The text of the task just created; its due date, candidate groups and assignee are already set. */
    TaskText of(DelegateTask task);
}
