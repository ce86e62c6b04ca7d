package com.partnerflow.work;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * What a completed task decided, read through the decision variables each process declares ({@link TaskDecisions}):
 * the first variable holding an enum constant is the decision ({@code FORWARD}), the first holding text the comment.
 * The same reading serves the {@code DECISION_MADE} event (live variables) and the timeline (the engine's history).
 */
@Component
class TaskOutcomes {

    /** A task's decision and comment; either may be null (an answer without a choice, a decision without a comment). */
    record Outcome(String decision, String comment) {

        static final Outcome NONE = new Outcome(null, null);
    }

    private final Map<String, TaskDecisions> byProcess;

    TaskOutcomes(List<TaskDecisions> decisions) {
        this.byProcess = decisions.stream().collect(Collectors.toMap(TaskDecisions::processKey, Function.identity()));
    }

    /** The outcome of the task, {@code values} giving the engine's value of a variable by name (null for none). */
    Outcome of(String processKey, String taskDefinitionKey, Function<String, Object> values) {
        TaskDecisions decisions = byProcess.get(processKey);
        if (decisions == null) {
            return Outcome.NONE;
        }
        String decision = null;
        String comment = null;
        for (ProcessVariable<?> variable : decisions.of(taskDefinitionKey)) {
            Object raw = values.apply(variable.name());
            if (raw == null) {
                continue;
            }
            Object value = typed(variable, raw);
            if (decision == null && value instanceof Enum<?> constant) {
                decision = constant.name();
            } else if (comment == null && value instanceof String text && !text.isBlank()) {
                comment = text.strip();
            }
        }
        return new Outcome(decision, comment);
    }

    /** A value the variable refuses (any REST client could have sent one) is left out. */
    private static Object typed(ProcessVariable<?> variable, Object raw) {
        try {
            return variable.value(raw);
        } catch (BusinessRuleViolation | IllegalArgumentException unreadable) {
            return null;
        }
    }
}
