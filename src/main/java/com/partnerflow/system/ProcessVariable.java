package com.partnerflow.system;

import java.util.List;
import java.util.Objects;
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
 * <p>Values are stored as engine primitives (String, Long, Boolean) or Spin JSON; {@code fromEngine} and
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
        return new ProcessVariable<>(name, value -> toText(name, value), value -> value);
    }

    public static ProcessVariable<Long> longValue(String name) {
        return new ProcessVariable<>(name, value -> toLong(name, value), value -> value);
    }

    public static ProcessVariable<Boolean> bool(String name) {
        return new ProcessVariable<>(name, ProcessVariable::toBoolean, value -> value);
    }

    /**
     * A list stored as a Spin JSON value: what Tasklist submits for a Camunda Form's dynamic list or
     * checklist. Elements are read with Jackson into {@code elementType} (a record); unknown
     * properties are refused, so a list that does not have the expected shape is never half read.
     */
    public static <E> ProcessVariable<List<E>> jsonList(String name, Class<E> elementType) {
        return new ProcessVariable<>(name, value -> value == null ? null : JsonLists.read(value.toString(), elementType),
                JsonLists::write);
    }

    public static <E extends Enum<E>> ProcessVariable<E> enumValue(String name, Class<E> type) {
        return new ProcessVariable<>(name, value -> toEnum(name, type, value), Enum::name);
    }

    /**
     * An enum constant by name; an unknown name (any REST client can send one) is refused in Russian
     * instead of an IllegalArgumentException that {@code /engine-rest} answers with a 500 naming our classes.
     */
    private static <E extends Enum<E>> E toEnum(String name, Class<E> type, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException unknown) {
            throw BusinessRuleViolation.invalid("Недопустимое значение поля «" + name + "»: " + shown(value));
        }
    }

    /**
     * Text, or a number or a date as text. Binary content (a {@code Bytes} or {@code File} value any REST client can
     * send for a text field) is refused in Russian: its {@code toString()} is a JVM identity like {@code [B@1b2c3d},
     * which would end up in the messages and the data.
     */
    private static String toText(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (isBinary(value)) {
            throw BusinessRuleViolation.invalid("Поле «" + name + "» должно быть текстом, а передан файл или двоичные данные.");
        }
        return value.toString();
    }

    private static boolean isBinary(Object value) {
        return value.getClass().isArray() || value instanceof java.io.InputStream;
    }

    /** A refused value as a message may quote it: never a JVM identity like {@code [B@1b2c3d}. */
    private static String shown(Object value) {
        return isBinary(value) ? "файл или двоичные данные" : String.valueOf(value);
    }

    /** A number, or the digits a form's text field or a REST client may send; anything else is refused. */
    private static Long toLong(String name, Object value) {
        if (value == null || value instanceof Number) {
            return value == null ? null : ((Number) value).longValue();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw BusinessRuleViolation.invalid("Поле «" + name + "» должно быть числом, а передано: " + shown(value));
        }
    }

    /** A Boolean, or the text "true"/"false" a REST client may send; anything else is refused. */
    private static Boolean toBoolean(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        return switch (value.toString().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw BusinessRuleViolation.invalid("Ожидается значение «да» или «нет», а передано: " + shown(value));
        };
    }

    /** The typed value of what the engine holds (a historic value, say): {@code null} for none; refused as {@link #from}. */
    public T value(Object engineValue) {
        return fromEngine.apply(engineValue);
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

    /**
     * Sets the variable; {@code null} stores a null value (an empty field in a form). A plain value (text, number,
     * flag) the scope already holds is not written again: with full history every write is an update of the runtime
     * row, of the historic one (read first) and a historic detail, and a task's card written anew from the domain
     * mostly repeats what the previous task wrote.
     */
    public void on(VariableScope scope, T value) {
        Object engineValue = value == null ? null : toEngine.apply(value);
        if (isPlain(engineValue) && scope.hasVariable(name) && Objects.equals(scope.getVariable(name), engineValue)) {
            return;
        }
        scope.setVariable(name, engineValue);
    }

    /** A value compared without loading anything: no file, object or JSON value. */
    private static boolean isPlain(Object engineValue) {
        return engineValue == null || engineValue instanceof String || engineValue instanceof Number || engineValue instanceof Boolean;
    }


    /** Starts a variable map with this variable set, for starting instances and completing tasks. */
    public VariableMap with(T value) {
        return Variables.createVariables().putValue(name, value == null ? null : toEngine.apply(value));
    }

    /** Adds this variable to an existing map. */
    public VariableMap putIn(VariableMap variables, T value) {
        return variables.putValue(name, value == null ? null : toEngine.apply(value));
    }

    /**
     * Adds this variable unless {@code value} is null: a field an API client left out keeps the value the instance has,
     * as a task form shows it pre-filled and sends it back.
     */
    public VariableMap putIfGiven(VariableMap variables, T value) {
        return value == null ? variables : putIn(variables, value);
    }

    @Override
    public String toString() {
        return name;
    }
}
