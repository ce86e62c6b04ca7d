package com.partnerflow.developer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The applications of an authorization as one column: enum names, comma-separated, in the enum's order. */
@Converter
class ApplicationsConverter implements AttributeConverter<Set<Application>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Application> applications) {
        return applications.stream().sorted().map(Application::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Application> convertToEntityAttribute(String column) {
        Set<Application> applications = EnumSet.noneOf(Application.class);
        Arrays.stream(column.split(",")).map(String::strip).filter(name -> !name.isEmpty()).map(Application::valueOf)
                .forEach(applications::add);
        return applications;
    }
}
