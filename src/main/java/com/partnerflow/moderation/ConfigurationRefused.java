package com.partnerflow.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * A configuration's content refused by {@link ConfigurationContent#of}: the same 422 with the same words on every door,
 * and each problem also filed under the field it is about ({@code title}, {@code price}, {@code entities[2]}, …), so
 * that the portal's form shows it next to that field.
 */
public final class ConfigurationRefused extends BusinessRuleViolation {

    private final transient Map<String, List<String>> byField;

    private ConfigurationRefused(String message, Map<String, List<String>> byField) {
        super(Kind.INVALID, message);
        this.byField = Map.copyOf(byField);
    }

    /** The problems of each field that has any; a field's key is the draft's component name, an entity's {@code entities[i]}. */
    public Map<String, List<String>> byField() {
        return byField;
    }

    /** Runs the checks of one submission field by field, over one {@link Problems} that names them all. */
    static final class Fields {

        private final Problems problems = new Problems();
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        Problems problems() {
            return problems;
        }

        /** One field's checks: what they find is filed under {@code field}. */
        <T> T check(String field, Supplier<T> checks) {
            int before = problems.count();
            T value = checks.get();
            file(field, before);
            return value;
        }

        /** Files what was found since {@code before} (a {@link Problems#count()}) under {@code field}. */
        void file(String field, int before) {
            List<String> found = problems.since(before);
            if (!found.isEmpty()) {
                byField.merge(field, found, (earlier, later) -> java.util.stream.Stream.concat(earlier.stream(), later.stream()).toList());
            }
        }

        void refuseIfAny(String refusal) {
            try {
                problems.refuseIfAny(refusal);
            } catch (BusinessRuleViolation refused) {
                throw new ConfigurationRefused(refused.getMessage(), byField);
            }
        }
    }
}
