package com.partnerflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * A file handed to a process by a form or the API. It travels as a <em>transient</em> variable:
 * the listener that receives it stores it in the domain and the engine never writes it to its
 * runtime or history tables.
 */
public record FileVariable(String name) {

    public Optional<Upload> from(VariableScope scope) {
        TypedValue typed = scope.getVariableTyped(name);
        if (typed == null || typed.getValue() == null) {
            return Optional.empty();
        }
        if (!(typed instanceof FileValue value)) {
            // a REST client may send anything under the file's name
            throw BusinessRuleViolation.invalid("Файл нужно передавать переменной типа File.");
        }
        if (!value.isTransient()) {
            // a persistent File variable would already be on its way into ACT_GE_BYTEARRAY and history
            throw BusinessRuleViolation.invalid("Файл нужно передавать временной переменной (valueInfo.transient = true): "
                    + "письма не хранятся в переменных процесса.");
        }
        try (InputStream content = value.getValue()) {
            return Optional.of(new Upload(value.getFilename(), content.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read file variable " + name, e);
        }
    }

    /** Puts the file in as a transient variable; without one (nothing uploaded), nothing. */
    public VariableMap putIn(VariableMap variables, Upload upload) {
        if (upload == null) {
            return variables;
        }
        return variables.putValueTyped(name, Variables.fileValue(upload.fileName())
                .file(upload.content())
                .setTransient(true)
                .create());
    }
}
