package com.partnerflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import com.partnerflow.transfer.TransferProcess;

/**
 * Completed transfers by bulk copy, on PostgreSQL: a template of completed transfers generated through the real process
 * ({@link TransferVolume}) is copied {@code INSERT … SELECT} × {@code generate_series}, with new ids and the same shape,
 * until the history holds a million instances ({@code -Dbench.scale.target=1000000}); the engine alone makes ~70 a
 * second here, 4 hours for 1M.
 * <p>
 * What is copied is discovered, not listed: every engine table's rows that name a template instance (by
 * {@code ROOT_PROC_INST_ID_}, else {@code PROC_INST_ID_} / {@code PROCESS_INSTANCE_ID_}), the authorizations whose
 * resource is one of those rows (the instance, its tasks), and the domain rows of the template's transfers (below,
 * {@link #DOMAIN}). {@link #discover} then proves it complete: every table whose row count grew while the template
 * was generated must have grown by exactly the rows found for it, or the run fails naming the table.
 * <p>
 * How a column is copied is discovered from the template's values too:
 * <ul>
 * <li>an engine id column (every value an id of the engine's generator, a UUID, optionally after {@code activity:},
 * and none the id of a row that is not copied, such as a definition or a deployment): the UUID becomes
 * {@code md5(uuid || ':' || copy)} formatted as a UUID, the same function in every table, so rows stay linked
 * without lookups (a column mixing such ids with others fails the run);</li>
 * <li>a domain identity key, or a foreign key to a copied domain table: {@code id - copy × span} of its table, where
 * span covers the template's ids. The template's ids start at {@value #ID_BASE} (the identities are moved there
 * before it is generated), so the copies' ids lie below the template's, one block per copy, older copies lower,
 * as if made earlier, and above every id made before;</li>
 * <li>the transfer's number wherever it stands as a value ({@code LONG_} of the {@code transferId} variable) or in text
 * (the business key, {@code TEXT_}, the request index's id and link, the outbox's topic and mail): replaced by the
 * copy's number; a ten-digit number found nowhere else;</li>
 * <li>timestamps: moved back by {@code copy × step}, where the step is the template's own time span or more, so that
 * the copies lie behind one another over up to {@value #SPREAD_DAYS} days, as a year's history would (removal times,
 * end + 365 days, stay in the future, so the history cleanup leaves them); dates and dates in text (the letter's
 * date) are kept;</li>
 * <li>everything else (partners, subscribers, groups, users, names, texts, bytes): as the template has it, so each
 * partner and subscriber has its share of the history as the generator spreads it.</li>
 * </ul>
 * {@link #check} proves the copies have the template's shape: for a copy, every table's rows paired with their template
 * rows by key equal them column by column once the mapping is applied, and no row of the copy's instances is left over.
 */
final class CompletedTransferCopies {

    /** Where the domain identities start before the template is generated (10 digits: unmistakable in text). */
    static final long ID_BASE = 1_000_000_000L;
    private static final int SPREAD_DAYS = 300;
    private static final String PREFIX = "copy_tpl_";
    private static final String UUID = "'^([^:]+:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";
    /** The instance columns that link an engine row to its instance, the first one a table has. */
    private static final List<String> INSTANCE_COLUMNS = List.of("root_proc_inst_id_", "proc_inst_id_", "process_instance_id_");
    /** Engine tables written per engine, not per instance (metrics); they may grow while the template is made. */
    private static final Set<String> NOT_PER_INSTANCE = Set.of("act_ru_meter_log", "act_ru_task_meter_log");

    /**
     * The domain rows of the template's transfers, parents first: each query selects a table's rows with the transfer
     * they belong to ({@code copy_tid}), reading the staged template rows of the tables before it.
     */
    private static final List<DomainTable> DOMAIN = List.of(
            new DomainTable("transfer_request", "select t.*, t.id as copy_tid from transfer_request t join copy_tpl_instances i on t.id = i.tid"),
            new DomainTable("stored_document", "select t.*, r.copy_tid from stored_document t join copy_tpl_transfer_request r on t.id = r.letter_id"),
            new DomainTable("document_content", "select t.*, d.copy_tid from document_content t join copy_tpl_stored_document d on t.id = d.content_id"),
            new DomainTable("transfer_event", "select t.*, t.transfer_id as copy_tid from transfer_event t join copy_tpl_instances i on t.transfer_id = i.tid"),
            new DomainTable("subscriber_assignment", "select t.*, t.transfer_id as copy_tid from subscriber_assignment t join copy_tpl_instances i on t.transfer_id = i.tid"),
            new DomainTable("notification", "select t.*, i.tid as copy_tid from notification t join copy_tpl_instances i on t.topic = 'transfer:' || i.tid"),
            new DomainTable("request_index", "select t.*, i.tid as copy_tid from request_index t join copy_tpl_instances i on t.kind = 'TRANSFERS' and t.request_id = cast(i.tid as varchar)"),
            new DomainTable("request_index_reader", "select t.*, r.copy_tid from request_index_reader t join copy_tpl_request_index r on t.request_index_id = r.id"),
            new DomainTable("webhook_delivery", "select t.*, i.tid as copy_tid from webhook_delivery t join copy_tpl_instances i on t.payload like '%\"' || i.tid || '\"%'"));

    private record DomainTable(String name, String select) {
    }

    /** A table's template rows, staged in {@code copy_tpl_<table>}, and how each column of a copy is made. */
    private record Staged(String table, List<String> columns, List<String> expressions, List<String> keys, long rows) {
        String staging() {
            return PREFIX + table;
        }
    }

    private record Column(String name, String type) {
    }

    private final JdbcTemplate jdbc;
    private final List<Staged> staged = new ArrayList<>();
    /** Per domain table: the span of the template's ids (the distance between copies' blocks). */
    private final Map<String, Long> spans = new LinkedHashMap<>();
    private int templateInstances;
    private long stepMillis;
    private int copies;
    private long rowsCopied;
    private double copySeconds;
    private double analyzeSeconds;
    private double rebuildSeconds;
    private final Map<String, Object> growthCheck = new LinkedHashMap<>();

    CompletedTransferCopies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every table's row count. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables()) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** Moves every domain identity to {@value #ID_BASE}, so the template's ids lie above every id before it. */
    void moveIdentities() {
        jdbc.queryForList("select table_name from information_schema.columns where table_schema = current_schema()"
                        + " and is_identity = 'YES' and column_name = 'id'", String.class)
                .forEach(table -> jdbc.execute("alter table " + table + " alter column id restart with " + ID_BASE));
    }

    /**
     * Stages the template (the completed transfers, all made since {@code before} was counted) and decides how each
     * column is copied; fails if a table grew by rows it would not copy.
     *
     * @param maxCopies how many copies will be made at most (the timestamps' step spreads them over the days)
     */
    void discover(Map<String, Long> before, int maxCopies) {
        jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_name like '" + PREFIX + "%'", String.class).forEach(table -> jdbc.execute("drop table " + table));
        jdbc.execute("create table copy_tpl_instances as select id_ as pi, cast(business_key_ as bigint) as tid from act_hi_procinst"
                + " where proc_def_key_ = '" + TransferProcess.KEY + "' and end_time_ is not null and cast(business_key_ as bigint) >= " + ID_BASE);
        templateInstances = jdbc.queryForObject("select count(*) from copy_tpl_instances", Integer.class);
        if (templateInstances == 0) {
            throw new IllegalStateException("Copy: no completed transfer to copy");
        }
        List<String> tables = tables();
        List<String> engineTables = tables.stream().filter(t -> t.startsWith("act_") && !t.equals("act_ru_authorization")).toList();
        for (String table : engineTables) {
            instanceColumn(table).ifPresent(link -> stage(table, "select t.*, i.tid as copy_tid from " + table
                    + " t join copy_tpl_instances i on t." + link + " = i.pi"));
        }
        jdbc.execute("create table copy_tpl_ids (id varchar(255) primary key, tid bigint not null)");
        for (String table : List.copyOf(stagedTables())) {
            jdbc.execute("insert into copy_tpl_ids select id_, copy_tid from " + PREFIX + table + " on conflict do nothing");
        }
        stage("act_ru_authorization", "select t.*, i.tid as copy_tid from act_ru_authorization t join copy_tpl_ids i on t.resource_id_ = i.id");
        jdbc.execute("create table copy_tpl_foreign_ids (id varchar(255) primary key)");
        for (String table : engineTables) {
            if (!stagedTables().contains(table) && columns(table).stream().anyMatch(c -> c.name().equals("id_"))) {
                jdbc.execute("insert into copy_tpl_foreign_ids select id_ from " + table + " on conflict do nothing");
            }
        }
        for (DomainTable table : DOMAIN) {
            if (tables.contains(table.name())) {
                stage(table.name(), table.select());
            }
        }
        checkGrowth(before);
        long spanMillis = jdbc.queryForObject("select cast(extract(epoch from max(end_time_) - min(start_time_)) * 1000 as bigint)"
                + " from copy_tpl_act_hi_procinst", Long.class);
        stepMillis = Math.max(spanMillis + 1000, SPREAD_DAYS * 86_400_000L / Math.max(1, maxCopies));
        Map<String, String> foreignKeys = foreignKeys();
        for (Staged table : staged) {
            if (!table.table().startsWith("act_")) {
                spans.put(table.table(), hasColumn(table.table(), "id") ? jdbc.queryForObject(
                        "select max(id) - min(id) + 1 from " + table.staging(), Long.class) : 0L);
            }
        }
        List<Staged> planned = new ArrayList<>();
        for (Staged table : staged) {
            planned.add(plan(table, table.table().startsWith("act_") ? Map.of() : foreignKeys));
        }
        staged.clear();
        staged.addAll(parentsFirst(planned, foreignKeys));
        checkIdsFit(maxCopies);
        System.out.printf(Locale.ROOT, "Copy: template of %d completed transfers, %d rows in %d tables, copies %.1f h apart%n",
                templateInstances, staged.stream().mapToLong(Staged::rows).sum(), staged.size(), stepMillis / 3.6e6);
    }

    int templateInstances() {
        return templateInstances;
    }

    /** Copies made so far. */
    int copies() {
        return copies;
    }

    /**
     * Copies the template until {@code copiesTotal} copies exist, {@code perStatement} copies per statement and
     * transaction, as PostgreSQL's «Populating a Database» advises for a bulk load: when the load at least doubles the
     * copied tables, their secondary indexes (not the unique ones, which keep checking the copies) are dropped first
     * and built again after it (their index inserts were four fifths of the load's time: 15 indexes on
     * {@code ACT_HI_DETAIL} alone); then {@code ANALYZE}.
     */
    void copyUpTo(int copiesTotal, int perStatement) {
        long start = System.nanoTime();
        List<String> dropped = copiesTotal - copies >= copies + 1 ? dropSecondaryIndexes() : List.of();
        while (copies < copiesTotal) {
            int from = copies + 1;
            int to = Math.min(copiesTotal, copies + perStatement);
            long batchStart = System.nanoTime();
            long rows = jdbc.execute((Connection connection) -> {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    // a bulk load: its own commit need not wait for the disk (the load is repeated if the server crashes)
                    statement.execute("set local synchronous_commit = off");
                    long inserted = 0;
                    for (Staged table : staged) {
                        inserted += statement.executeUpdate(insert(table, from, to));
                    }
                    connection.commit();
                    return inserted;
                } catch (Exception e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            });
            copies = to;
            rowsCopied += rows;
            double seconds = (System.nanoTime() - batchStart) / 1e9;
            System.out.printf(Locale.ROOT, "Copy: copies %d–%d, %d rows in %.1f s (%.0f rows/s, %.0f instances/s)%n", from, to,
                    rows, seconds, rows / seconds, (to - from + 1) * templateInstances / seconds);
        }
        long rebuildStart = System.nanoTime();
        jdbc.execute("set maintenance_work_mem = '256MB'");
        dropped.forEach(jdbc::execute);
        if (!dropped.isEmpty()) {
            double seconds = (System.nanoTime() - rebuildStart) / 1e9;
            rebuildSeconds += seconds;
            System.out.printf(Locale.ROOT, "Copy: %d secondary indexes built again in %.1f s%n", dropped.size(), seconds);
        }
        copySeconds += (System.nanoTime() - start) / 1e9;
        long analyzeStart = System.nanoTime();
        jdbc.execute("analyze");
        analyzeSeconds += (System.nanoTime() - analyzeStart) / 1e9;
    }

    /** Drops the non-unique indexes of the copied tables; returns the statements that create them again. */
    private List<String> dropSecondaryIndexes() {
        List<String> definitions = jdbc.queryForList("select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class t on t.oid = i.indrelid"
                + " where t.relnamespace = cast(current_schema() as regnamespace) and not i.indisunique and t.relname in ("
                + staged.stream().map(table -> "'" + table.table() + "'").collect(Collectors.joining(", ")) + ")", String.class);
        for (String definition : definitions) {
            jdbc.execute("drop index " + definition.replaceFirst("^CREATE INDEX (\\S+) ON .*$", "$1"));
        }
        return definitions;
    }

    /** How many of the template's transfers the partner is on either side of: what each copy adds to its list. */
    long templateTransfersOf(long partnerId) {
        return jdbc.queryForObject("select count(*) from copy_tpl_transfer_request where from_partner_id = ? or to_partner_id = ?",
                Long.class, partnerId, partnerId);
    }

    /**
     * Whether copy {@code copy} has the template's shape: per table, its rows paired with the template's by key (mapped)
     * equal them column by column with the mapping applied, and the copy's instances have no other rows. Returns the
     * figures; throws naming every difference.
     */
    Map<String, Object> check(int copy) {
        List<String> differences = new ArrayList<>();
        long rows = 0;
        for (Staged table : staged) {
            String on = table.keys().stream().map(key -> "a." + key + " = " + expression(table, key, copy))
                    .collect(Collectors.joining(" and "));
            // one pass per table: the pairs, and per column the pairs whose copy differs from the mapped template value
            String differing = table.columns().stream().map(column -> "count(*) filter (where a." + column
                    + " is distinct from " + expression(table, column, copy) + ")").collect(Collectors.joining(", "));
            List<Long> counts = jdbc.queryForObject("select count(*), " + differing + " from " + table.staging() + " s join "
                    + table.table() + " a on " + on, (rs, row) -> {
                        List<Long> values = new ArrayList<>();
                        for (int i = 1; i <= table.columns().size() + 1; i++) {
                            values.add(rs.getLong(i));
                        }
                        return values;
                    });
            long paired = counts.get(0);
            if (paired != table.rows()) {
                differences.add(table.table() + ": " + paired + " of " + table.rows() + " template rows have their copy");
            }
            for (int column = 0; column < table.columns().size(); column++) {
                if (counts.get(column + 1) > 0) {
                    differences.add(table.table() + "." + table.columns().get(column) + ": " + counts.get(column + 1) + " rows differ");
                }
            }
            rows += paired;
        }
        for (Staged table : staged) {
            if (table.table().startsWith("act_") && !table.table().equals("act_ru_authorization")) {
                String link = instanceColumn(table.table()).orElseThrow();
                long linked = jdbc.queryForObject("select count(*) from " + table.table() + " a join copy_tpl_instances i on a." + link
                        + " = " + mappedId("i.pi", copy), Long.class);
                if (linked != table.rows()) {
                    differences.add(table.table() + ": the copy's instances have " + linked + " rows, the template's " + table.rows());
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("Copy " + copy + " does not have the template's shape: " + differences);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("copy", copy);
        figures.put("rows_compared", rows);
        figures.put("tables", staged.size());
        figures.put("equal", true);
        return figures;
    }

    /** The figures of the copying so far, for results.json. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("template_instances", templateInstances);
        figures.put("rows_per_instance", staged.stream().collect(Collectors.toMap(Staged::table,
                table -> Stats.round((double) table.rows() / templateInstances, 2), (a, b) -> a, LinkedHashMap::new)));
        figures.put("growth_check", growthCheck);
        figures.put("copies", copies);
        figures.put("instances_copied", (long) copies * templateInstances);
        figures.put("rows_copied", rowsCopied);
        figures.put("copy_s", Stats.round(copySeconds, 1));
        figures.put("rows_per_s", Stats.round(rowsCopied / copySeconds, 0));
        figures.put("instances_per_s", Stats.round((double) copies * templateInstances / copySeconds, 0));
        figures.put("index_rebuild_s", Stats.round(rebuildSeconds, 1));
        figures.put("analyze_s", Stats.round(analyzeSeconds, 1));
        figures.put("step_between_copies_h", Stats.round(stepMillis / 3.6e6, 2));
        figures.put("database_bytes", jdbc.queryForObject("select pg_database_size(current_database())", Long.class));
        figures.put("data_directory_bytes", dataDirectoryBytes());
        return figures;
    }

    private void stage(String table, String select) {
        jdbc.execute("create table " + PREFIX + table + " as " + select);
        long rows = jdbc.queryForObject("select count(*) from " + PREFIX + table, Long.class);
        if (rows == 0) {
            jdbc.execute("drop table " + PREFIX + table);
            return;
        }
        staged.add(new Staged(table, List.of(), List.of(), List.of(), rows));
    }

    private List<String> stagedTables() {
        return staged.stream().map(Staged::table).toList();
    }

    /**
     * Every table that grew while the template was made must have grown by the rows staged for it: nothing the engine
     * or the application wrote for a template instance is left out of the copies.
     */
    private void checkGrowth(Map<String, Long> before) {
        Map<String, Long> after = counts();
        List<String> missing = new ArrayList<>();
        Map<String, Object> grown = new TreeMap<>();
        after.forEach((table, count) -> {
            long growth = count - before.getOrDefault(table, 0L);
            if (growth == 0 || table.startsWith(PREFIX)) {
                return;
            }
            long copied = staged.stream().filter(s -> s.table().equals(table)).mapToLong(Staged::rows).sum();
            grown.put(table, Map.of("grew", growth, "copied", copied));
            if (growth > 0 && growth != copied && !NOT_PER_INSTANCE.contains(table)) {
                missing.add(table + " grew by " + growth + " rows, the copier copies " + copied);
            }
        });
        growthCheck.put("tables_grown", grown);
        growthCheck.put("complete", missing.isEmpty());
        grown.forEach((table, figures) -> System.out.println("Copy: while the template was made " + table + " " + figures));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Copy: the template left rows the copier does not copy: " + missing);
        }
    }

    /** Decides each column's expression from the staged template's values. */
    private Staged plan(Staged table, Map<String, String> foreignKeys) {
        List<String> columns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        boolean domain = !table.table().startsWith("act_");
        for (Column column : columns(table.table())) {
            String name = column.name();
            String s = "s." + name;
            String expression = s;
            String type = column.type();
            if (domain && name.equals("id") && spans.get(table.table()) > 0) {
                expression = s + " - c * " + spans.get(table.table());
            } else if (domain && foreignKeys.containsKey(table.table() + "." + name) && spans.containsKey(foreignKeys.get(table.table() + "." + name))) {
                expression = s + " - c * " + spans.get(foreignKeys.get(table.table() + "." + name));
            } else if (type.startsWith("timestamp")) {
                expression = s + " - c * interval '" + stepMillis + " milliseconds'";
            } else if (type.equals("character varying") || type.equals("text")) {
                long values = count(table, s + " is not null");
                long ids = count(table, s + " ~ " + UUID + " and not exists (select 1 from copy_tpl_foreign_ids f where f.id = " + s + ")");
                if (ids > 0 && ids < values) {
                    throw new IllegalStateException("Copy: " + table.table() + "." + name + " mixes " + ids
                            + " ids of copied rows with " + (values - ids) + " other values; teach the copier that column");
                }
                if (ids > 0) {
                    expression = mappedId(s, "c");
                } else if (count(table, "strpos(" + s + ", cast(s.copy_tid as varchar)) > 0") > 0) {
                    expression = "replace(" + s + ", cast(s.copy_tid as varchar), cast(s.copy_tid - c * " + transferSpan() + " as varchar))";
                }
            } else if (type.equals("bigint") && count(table, s + " = s.copy_tid") > 0) {
                expression = "case when " + s + " = s.copy_tid then " + s + " - c * " + transferSpan() + " else " + s + " end";
            }
            columns.add(name);
            expressions.add(expression);
        }
        List<String> keys = primaryKey(table.table());
        return new Staged(table.table(), columns, expressions, keys.isEmpty() ? columns : keys, table.rows());
    }

    /** The order of the inserts: a domain table after the copied tables its foreign keys reference. */
    private static List<Staged> parentsFirst(List<Staged> tables, Map<String, String> foreignKeys) {
        List<Staged> ordered = new ArrayList<>();
        List<Staged> pending = new ArrayList<>(tables);
        Set<String> names = tables.stream().map(Staged::table).collect(Collectors.toSet());
        while (!pending.isEmpty()) {
            Staged next = pending.stream().filter(table -> foreignKeys.entrySet().stream()
                    .filter(key -> key.getKey().startsWith(table.table() + ".") && names.contains(key.getValue())
                            && !key.getValue().equals(table.table()))
                    .allMatch(key -> ordered.stream().anyMatch(done -> done.table().equals(key.getValue()))))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Copy: a cycle of foreign keys in " + pending));
            ordered.add(next);
            pending.remove(next);
        }
        return ordered;
    }

    private long transferSpan() {
        return spans.get("transfer_request");
    }

    private long count(Staged table, String condition) {
        return jdbc.queryForObject("select count(*) from " + table.staging() + " s where " + condition, Long.class);
    }

    /** A copy's engine id: the trailing UUID replaced by md5(uuid || ':' || copy) as a UUID, any {@code activity:} kept. */
    private static String mappedId(String value, Object copy) {
        return "left(" + value + ", length(" + value + ") - 36) || cast(cast(md5(right(" + value + ", 36) || ':' || " + copy
                + ") as uuid) as varchar)";
    }

    private static String insert(Staged table, int from, int to) {
        return "insert into " + table.table() + " (" + String.join(", ", table.columns()) + ") select "
                + String.join(", ", table.expressions()) + " from " + table.staging() + " s cross join generate_series("
                + from + ", " + to + ") as g(c)";
    }

    /** A column of copy {@code copy} as the copier makes it from the staged template row {@code s}. */
    private static String expression(Staged table, String column, int copy) {
        String expression = table.expressions().get(table.columns().indexOf(column));
        return "(" + expression.replaceAll("\\bc\\b", String.valueOf(copy)) + ")";
    }

    /** The copies' ids must stay above every id made before the template (they lie below the template's). */
    private void checkIdsFit(int maxCopies) {
        spans.forEach((table, span) -> {
            if (span == 0) {
                return;
            }
            long lowest = jdbc.queryForObject("select min(id) from " + PREFIX + table, Long.class) - (long) maxCopies * span;
            Long highestBefore = jdbc.queryForObject("select max(id) from " + table + " where id < " + ID_BASE, Long.class);
            if (highestBefore != null && lowest <= highestBefore) {
                throw new IllegalStateException("Copy: " + maxCopies + " copies of " + table + " would reach id " + lowest
                        + ", already taken below " + highestBefore);
            }
        });
    }

    private java.util.Optional<String> instanceColumn(String table) {
        List<String> names = columns(table).stream().map(Column::name).toList();
        return INSTANCE_COLUMNS.stream().filter(names::contains).findFirst();
    }

    private boolean hasColumn(String table, String column) {
        return columns(table).stream().anyMatch(c -> c.name().equals(column));
    }

    private List<Column> columns(String table) {
        return jdbc.query("select column_name, data_type from information_schema.columns where table_schema = current_schema()"
                + " and table_name = ? order by ordinal_position", (rs, row) -> new Column(rs.getString(1), rs.getString(2)), table);
    }

    private List<String> primaryKey(String table) {
        return jdbc.queryForList("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                + " and a.attnum = any(i.indkey) where i.indrelid = cast(? as regclass) and i.indisprimary order by a.attnum", String.class, table);
    }

    /** {@code table.column} → the table it references, for the domain's foreign keys. */
    private Map<String, String> foreignKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        jdbc.query("select c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text from pg_constraint c"
                + " join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                + " where c.contype = 'f' and c.connamespace = cast(current_schema() as regnamespace)",
                rs -> {
                    keys.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                });
        return keys;
    }

    private List<String> tables() {
        return jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' and table_name not like '" + PREFIX + "%' order by table_name", String.class);
    }

    private long dataDirectoryBytes() {
        Path directory = Path.of(jdbc.queryForObject("show data_directory", String.class));
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
