package com.partnerflow.system;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Clears a decision task's variables when it is created ({@code event="create"} on every task that decides something), so
 * that a value left from an earlier round, or set beforehand by anyone, never decides the task and its form starts empty.
 * Outside a multi-instance the variables are removed. Inside one (the settlement's branch per partner) each is set to
 * null in the branch's own execution instead, so that the worker's answer lands in that branch and parallel branches
 * never see each other's decisions. The variables come from the process's {@link TaskDecisions}.
 */
@Component("clearDecisionListener")
public class ClearDecisionListener implements TaskListener {

    /** Set by the engine in every instance of a multi-instance activity. */
    private static final String LOOP_COUNTER = "loopCounter";

    private final Map<String, TaskDecisions> byProcess;

    public ClearDecisionListener(List<TaskDecisions> decisions) {
        this.byProcess = decisions.stream().collect(Collectors.toMap(TaskDecisions::processKey, Function.identity()));
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = processKeyOf(task);
        TaskDecisions decisions = byProcess.get(processKey);
        if (decisions == null) {
            throw new IllegalStateException("No TaskDecisions bean for process " + processKey);
        }
        DelegateExecution execution = task.getExecution();
        boolean inBranch = execution.hasVariable(LOOP_COUNTER);
        for (ProcessVariable<?> variable : decisions.of(task.getTaskDefinitionKey())) {
            if (inBranch) {
                execution.setVariableLocal(variable.name(), null);
            } else {
                execution.removeVariable(variable.name());
            }
        }
    }

    /** The id of the model's process that holds the task: its key. Read from the cached model, no query, no authorization. */
    static String processKeyOf(DelegateTask task) {
        ModelElementInstance element = task.getBpmnModelElementInstance();
        while (!(element instanceof Process process)) {
            element = element.getParentElement();
        }
        return process.getId();
    }
}
