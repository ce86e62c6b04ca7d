package com.partnerflow.system;

import java.util.List;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON lists of {@link ProcessVariable#jsonList}. */
final class JsonLists {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonLists() {
    }

    static <E> List<E> read(String json, Class<E> elementType) {
        try {
            List<E> list = JSON.readValue(json, JSON.getTypeFactory().constructCollectionType(List.class, elementType));
            if (list == null) {
                return List.of();
            }
            if (list.contains(null)) {
                throw BusinessRuleViolation.invalid("В списке есть пустые строки: удалите их.");
            }
            return list;
        } catch (JsonProcessingException e) {
            throw BusinessRuleViolation.invalid("Список заполнен неверно: ожидается список вида "
                    + elementType.getSimpleName() + ".");
        }
    }

    static JsonValue write(List<?> list) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(list)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a list as JSON", e);
        }
    }
}
