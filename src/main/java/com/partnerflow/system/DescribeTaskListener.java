package com.partnerflow.system;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names and describes a user task when it is created ({@code event="create"}, after the listeners that prepare its
 * form): the model's name followed by the business context, the description for Tasklist's Description tab and the
 * {@link TaskCard} columns, all from the process's {@link TaskTexts}. The model's name stays the beginning of the
 * task's name, so a task's kind is still found by the start of its name, and the diagram keeps its short label.
 */
@Component("describeTaskListener")
public class DescribeTaskListener implements TaskListener {

    /** The engine's columns: ACT_RU_TASK.NAME_ and DESCRIPTION_. */
    static final int NAME_LENGTH = 255;
    static final int DESCRIPTION_LENGTH = 4000;

    private final Map<String, TaskTexts> byProcess;

    public DescribeTaskListener(List<TaskTexts> texts) {
        this.byProcess = texts.stream().collect(Collectors.toMap(TaskTexts::processKey, Function.identity()));
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = ClearDecisionListener.processKeyOf(task);
        TaskTexts texts = byProcess.get(processKey);
        if (texts == null) {
            throw new IllegalStateException("No TaskTexts bean for process " + processKey);
        }
        TaskText text = texts.of(task);
        task.setName(cut(task.getBpmnModelElementInstance().getName() + " " + text.context(), NAME_LENGTH));
        task.setDescription(cut(text.description(), DESCRIPTION_LENGTH));
        task.setVariablesLocal(text.card());
    }

    /** A long subscriber or configuration name must not fail the step: the text ends in «…» instead. */
    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
