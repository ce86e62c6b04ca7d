package com.partnerflow.system;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import com.partnerflow.system.ProblemType.InvalidField;

/**
 * A JSON value of the wrong type or outside its list ({@code "multiUserMode": "yes"}, {@code "status": "FROZEN"}) as
 * the field it is in and what that field takes, in Russian, without parser internals or class names.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The field ({@code users[1].email}) and what it takes; null when the value is not inside a named field. */
    static InvalidField mismatch(MismatchedInputException mismatch) {
        if (mismatch.getPath().stream().map(Reference::getFieldName).allMatch(Objects::isNull)) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (Reference reference : mismatch.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return new InvalidField(path.toString(), expected(mismatch.getTargetType()));
    }

    /**
     * For the {@code detail}: the innermost named field ({@code signatureRoles} for {@code signatureRoles[1]}) and what
     * it takes: «Поле «status» принимает только значения: ACTIVE, ….», «Поле «page»: ожидается целое число.».
     */
    static String sentence(MismatchedInputException mismatch, InvalidField field) {
        String name = mismatch.getPath().stream().map(Reference::getFieldName).filter(Objects::nonNull)
                .reduce((outer, inner) -> inner).orElse(field.field());
        Class<?> type = mismatch.getTargetType();
        if (type.isEnum()) {
            return "Поле «" + name + "» принимает только значения: " + allowed(type) + ".";
        }
        return "Поле «" + name + "»: " + field.message() + ".";
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "допустимые значения: " + allowed(type);
        }
        if (type == Boolean.class || type == boolean.class) {
            return "ожидается true или false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "ожидается целое число";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "ожидается число";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "ожидается строка";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "ожидается список";
        }
        if (type == LocalDate.class) {
            return "ожидается дата в виде ГГГГ-ММ-ДД";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "ожидаются дата и время в формате ISO-8601";
        }
        return "ожидается объект";
    }

    private static String allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
