package com.partnerflow.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The row count of every table of the schema, domain and engine alike, in one query: a request that
 * was refused must leave all of them as they were. Only the engine's own bookkeeping, which changes
 * on its own schedule, is left out.
 */
final class StoredRows {

    /** Written by the engine in the background (metrics, properties), never by a request. */
    private static final Set<String> BOOKKEEPING = Set.of("ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG", "ACT_GE_PROPERTY",
            "ACT_GE_SCHEMA_LOG");

    private final JdbcTemplate jdbc;
    private final String query;
    private final int tables;

    StoredRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        List<String> names = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema and table_type = 'BASE TABLE' order by table_name", String.class)
                .stream().filter(name -> !BOOKKEEPING.contains(name.toUpperCase())).toList();
        this.tables = names.size();
        this.query = names.stream()
                .map(name -> "select '" + name + "', count(*) from \"" + name + "\"")
                .collect(Collectors.joining(" union all "));
    }

    int tables() {
        return tables;
    }

    Map<String, Long> count() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(query, row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    /** The tables whose count differs, as {@code TABLE: before -> after}. */
    static String changes(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
                .map(entry -> entry.getKey() + ": " + before.get(entry.getKey()) + " -> " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
