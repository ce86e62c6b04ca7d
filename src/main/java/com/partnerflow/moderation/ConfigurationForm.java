package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * The portal's configuration form as a browser sends it (ADR 0046): the settings as text — links one per line, a price
 * as people type it — and the entities as numbered rows ({@code entities[0].kind}). It becomes the
 * {@link ConfigurationDraft} that {@code POST /api/configuration-accounts/{id}/configurations} and
 * {@code PUT /api/configurations/{id}} take; rows left blank are not sent (the form offers an empty one to fill in).
 */
record ConfigurationForm(String title, String shortDescription, String fullDescription, String category, String industry,
                         String links, Boolean free, String price, String supportContact, List<EntityRow> entities) {

    /** One row of the entity list: a kind ({@link EntityKind}'s name) and a name. */
    record EntityRow(String kind, String name) {

        static final EntityRow BLANK = new EntityRow("", "");

        boolean blank() {
            return (kind == null || kind.isBlank()) && (name == null || name.isBlank());
        }
    }

    /**
     * The draft for the service; {@code rows}: the form row each of its entities came from; {@code priceProblem}: why the
     * price typed is not a price (then the draft has none and must not be saved).
     */
    record Parsed(ConfigurationDraft draft, List<Integer> rows, String priceProblem) {

        /**
         * The service's problems ({@code refused}, or null when it found none) by the form's own field names, an entity's
         * under the row it was typed in; with the price's if it was not a number.
         */
        Map<String, List<String>> errors(ConfigurationRefused refused) {
            Map<String, List<String>> errors = new HashMap<>();
            (refused == null ? Map.<String, List<String>>of() : refused.byField()).forEach((field, problems) -> errors.put(formField(field), problems));
            if (priceProblem != null) {
                errors.merge("price", List.of(priceProblem), (found, typed) -> Stream.concat(typed.stream(), found.stream()).toList());
            }
            return errors;
        }

        private String formField(String field) {
            if (!field.startsWith("entities[")) {
                return field;
            }
            int index = Integer.parseInt(field.substring("entities[".length(), field.length() - 1));
            return "entities[" + rows.get(index) + "]";
        }
    }

    ConfigurationForm {
        entities = entities == null || entities.isEmpty() ? List.of(EntityRow.BLANK)
                : entities.stream().map(row -> row == null ? EntityRow.BLANK : row).toList();
    }

    /** An empty form with one entity row. */
    static ConfigurationForm blank() {
        return new ConfigurationForm(null, null, null, null, null, null, false, null, null, List.of());
    }

    /** The form filled with a configuration's working settings and entities. */
    static ConfigurationForm of(ConfigurationContent content) {
        return new ConfigurationForm(content.getTitle(), content.getShortDescription(), content.getFullDescription(),
                content.getCategory() == null ? null : content.getCategory().name(),
                content.getIndustry() == null ? null : content.getIndustry().name(), String.join("\n", content.getLinks()),
                content.isFree(), content.getPrice() == null ? null : content.getPrice().toPlainString().replace('.', ','),
                content.getSupportContact(), content.entityDrafts().stream().map(e -> new EntityRow(e.kind(), e.name())).toList());
    }

    /** «Добавить объект»: the same form with one more empty row. */
    ConfigurationForm withRowAdded() {
        List<EntityRow> rows = new ArrayList<>(entities);
        rows.add(EntityRow.BLANK);
        return withRows(rows);
    }

    /** «Удалить» on a row: the same form without it (an index outside the rows changes nothing). */
    ConfigurationForm withRowRemoved(int index) {
        List<EntityRow> rows = new ArrayList<>(entities);
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        return withRows(rows);
    }

    Parsed parse() {
        List<ConfigurationDraft.EntityDraft> drafts = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            EntityRow row = entities.get(i);
            if (!row.blank()) {
                drafts.add(new ConfigurationDraft.EntityDraft(row.kind(), row.name()));
                rows.add(i);
            }
        }
        BigDecimal amount = null;
        String priceProblem = null;
        try {
            amount = ConfigurationModerationProcess.price(price);
        } catch (BusinessRuleViolation notAPrice) {
            priceProblem = notAPrice.getMessage();
        }
        return new Parsed(new ConfigurationDraft(title, shortDescription, fullDescription, category, industry,
                ConfigurationModerationProcess.lines(links), Boolean.TRUE.equals(free), amount, supportContact, drafts),
                rows, priceProblem);
    }

    private ConfigurationForm withRows(List<EntityRow> rows) {
        return new ConfigurationForm(title, shortDescription, fullDescription, category, industry, links, free, price,
                supportContact, rows);
    }
}
