package com.partnerflow.moderation;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The entities of a configuration as a JSON array in one column: they are only ever read and written with
 * their configuration (or a round's snapshot), never queried one by one.
 */
@Converter
class EntitiesConverter implements AttributeConverter<List<ConfigurationEntity>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ConfigurationEntity>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<ConfigurationEntity> entities) {
        try {
            return JSON.writeValueAsString(entities == null ? List.of() : entities);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Entities of a configuration cannot be written as JSON", impossible);
        }
    }

    @Override
    public List<ConfigurationEntity> convertToEntityAttribute(String column) {
        try {
            return column == null ? List.of() : List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Entities of a configuration are not valid JSON: " + column, corrupt);
        }
    }
}
