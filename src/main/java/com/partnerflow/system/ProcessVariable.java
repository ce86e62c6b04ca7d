package com.partnerflow.system;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A typed process variable, in the spirit of holunda's camunda-bpm-data: the name and the Java
 * type live in one constant of a process API class, so delegates and tests never spell a
 * variable name or cast a {@code getVariable(...)} result.
 *
 * <p>Values are stored as engine primitives (String, Long, Boolean); {@code fromEngine} and
 * {@code toEngine} map them to richer Java types such as enums.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> fromEngine;
    private final Function<T, Object> toEngine;

    private ProcessVariable(String name, Function<Object, T> fromEngine, Function<T, Object> toEngine) {
        this.name = name;
        this.fromEngine = fromEngine;
        this.toEngine = toEngine;
    }

    public static ProcessVariable<String> string(String name) {
        return new ProcessVariable<>(name, value -> value == null ? null : value.toString(), value -> value);
    }

    public static ProcessVariable<Long> longValue(String name) {
        return new ProcessVariable<>(name, value -> value == null ? null : ((Number) value).longValue(), value -> value);
    }

    public static <E extends Enum<E>> ProcessVariable<E> enumValue(String name, Class<E> type) {
        return new ProcessVariable<>(name, value -> value == null ? null : Enum.valueOf(type, value.toString()), Enum::name);
    }

    public String name() {
        return name;
    }

    /** The value, or an {@link IllegalStateException} naming the variable when it is not set. */
    public T from(VariableScope scope) {
        return optionalFrom(scope).orElseThrow(
                () -> new IllegalStateException("Process variable '" + name + "' is not set"));
    }

    public Optional<T> optionalFrom(VariableScope scope) {
        return Optional.ofNullable(fromEngine.apply(scope.getVariable(name)));
    }

    public void on(VariableScope scope, T value) {
        scope.setVariable(name, toEngine.apply(value));
    }


    /** Starts a variable map with this variable set, for starting instances and completing tasks. */
    public VariableMap with(T value) {
        return Variables.createVariables().putValue(name, toEngine.apply(value));
    }

    /** Adds this variable to an existing map. */
    public VariableMap putIn(VariableMap variables, T value) {
        return variables.putValue(name, toEngine.apply(value));
    }

    @Override
    public String toString() {
        return name;
    }
}
