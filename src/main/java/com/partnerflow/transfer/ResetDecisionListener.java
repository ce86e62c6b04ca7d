package com.partnerflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Clears a task's decision and comment when the task is created, so the form never shows the
 * previous round's choice (after a correction, say) and nobody can pre-set the decision of a
 * task that is not theirs: the gateway after the task routes only on what its worker decided.
 */
@Component("resetDecisionListener")
class ResetDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        TransferProcess.decisionOf(task.getTaskDefinitionKey())
                .forEach(variable -> task.getExecution().removeVariable(variable.name()));
    }
}
