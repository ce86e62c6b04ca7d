package com.partnerflow.system;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a user task says of itself in Tasklist, read from the domain record of its business key when it is created.
 *
 * @param context     what the task is about, appended to the model's name of the task: {@code 1001 «ООО «Ромашка»»}
 *                    makes «Согласовать перевод абонента 1001 «ООО «Ромашка»»»
 * @param description the Description tab: what is asked, by when, and what happens if nobody acts
 * @param card        the {@link TaskCard} columns of the task in Tasklist's filters
 */
public record TaskText(String context, String description, VariableMap card) {

    public TaskText(String context, String description) {
        this(context, description, Variables.createVariables());
    }

    /** The same text with one more column of the card. */
    public TaskText with(ProcessVariable<String> column, String value) {
        VariableMap more = Variables.fromMap(card);
        column.putIn(more, value);
        return new TaskText(context, description, more);
    }
}
