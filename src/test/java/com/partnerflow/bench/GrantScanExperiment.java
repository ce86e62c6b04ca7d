package com.partnerflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.partnerflow.EmbeddedPostgresServer;

/**
 * Measurement only, not part of {@code verify} (the name matches no test pattern): the statements Camunda runs for a
 * partner's permission checks, timed and explained on {@code ACT_RU_AUTHORIZATION} filled with rows of the shape a
 * completed transfer leaves (two {@code HISTORIC_PROCESS_INSTANCE} grants of partner groups, one {@code HISTORIC_TASK}
 * grant of vendor staff) for 1k, 10k and 100k completed transfers, on H2 and on PostgreSQL. The statements are the
 * ones the engine sent for a partner's start and task completion (MyBatis debug log of {@code TransferTaskApiTest}).
 * {@code ./mvnw -o test-compile surefire:test -Dtest=GrantScanExperiment}; ADR 0050 cites its output.
 */
class GrantScanExperiment {

    private static final int[] COMPLETED = {1_000, 10_000, 100_000};
    private static final int PARTNERS = 50;
    private static final int REPEAT = 40;
    private static final String GROUP = "partner-P0";

    private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();

    static {
        STATEMENTS.put("authorized_group_ids (once per command)", "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A");
        STATEMENTS.put("revoke_check (once per command)", "SELECT CASE WHEN EXISTS ( SELECT ID_ FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 2 AND "
                + "( USER_ID_ IN ('u0', '*') OR GROUP_ID_ IN ( 'partners', '" + GROUP + "' ) ) ) THEN 1 ELSE 0 END");
        STATEMENTS.put("is_authorized CREATE on any instance", "SELECT CASE WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.USER_ID_ = 'u0' "
                + "AND BITAND(A.PERMS_,CAST(8 AS BIGINT)) = 8 AND A.RESOURCE_TYPE_ = 8 AND A.RESOURCE_ID_ = '*') THEN 1 ELSE ( SELECT CASE WHEN "
                + "EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN ( 'partners', '" + GROUP + "' ) AND "
                + "BITAND(A.PERMS_,CAST(8 AS BIGINT)) = 8 AND A.RESOURCE_TYPE_ = 8 AND A.RESOURCE_ID_ = '*') THEN 1 ELSE ( SELECT CASE WHEN "
                + "EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*' AND BITAND(A.PERMS_,CAST(8 AS BIGINT)) = 8 "
                + "AND A.RESOURCE_TYPE_ = 8 AND A.RESOURCE_ID_ = '*') THEN 1 ELSE null END ) END ) END");
        STATEMENTS.put("is_authorized TASK_WORK on a task", "SELECT CASE WHEN EXISTS (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND "
                + "A.USER_ID_ = 'u0' AND BITAND(A.PERMS_,CAST(16384 AS BIGINT)) = 16384 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = 'task-7' ) THEN 1 "
                + "ELSE ( SELECT CASE WHEN EXISTS (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN "
                + "( 'partners', '" + GROUP + "' ) AND BITAND(A.PERMS_,CAST(16384 AS BIGINT)) = 16384 AND A.RESOURCE_TYPE_ = 7 AND "
                + "A.RESOURCE_ID_ = 'task-7' ) THEN 1 ELSE null END ) END");
        STATEMENTS.put("task query's authorization join (one task)", "SELECT count(*) FROM ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND "
                + "( A.USER_ID_ in ( 'u0', '*') OR A.GROUP_ID_ IN ( 'partners', '" + GROUP + "' ) ) AND ( ( A.RESOURCE_TYPE_ = 7 AND "
                + "BITAND(A.PERMS_,CAST(2 AS BIGINT)) = 2 OR A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_,CAST(64 AS BIGINT)) = 64 ) ) ) AUTH "
                + "WHERE AUTH.RESOURCE_ID_ IN ( 'task-7', 'subscriber-transfer', '*' )");
    }

    @Test
    void h2() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:grants;DB_CLOSE_DELAY=-1", "sa", "")) {
            run(connection, "H2", "EXPLAIN ANALYZE ");
        }
    }

    @Test
    void postgres() throws Exception {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(), "postgres", "postgres")) {
            run(connection, "PostgreSQL", "EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF) ");
        }
    }

    private void run(Connection connection, String database, String explain) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists ACT_RU_AUTHORIZATION");
            ddl.execute("create table ACT_RU_AUTHORIZATION (ID_ varchar(64) not null, REV_ integer not null, TYPE_ integer not null, "
                    + "GROUP_ID_ varchar(255), USER_ID_ varchar(255), RESOURCE_TYPE_ integer not null, RESOURCE_ID_ varchar(255), "
                    + "PERMS_ integer, REMOVAL_TIME_ timestamp, ROOT_PROC_INST_ID_ varchar(64), primary key (ID_))");
            // Camunda 7.24's own indexes and constraints (activiti.<db>.create.engine.sql)
            ddl.execute("create index ACT_IDX_AUTH_GROUP_ID on ACT_RU_AUTHORIZATION(GROUP_ID_)");
            ddl.execute("create index ACT_IDX_AUTH_RESOURCE_ID on ACT_RU_AUTHORIZATION(RESOURCE_ID_)");
            ddl.execute("create index ACT_IDX_AUTH_ROOT_PI on ACT_RU_AUTHORIZATION(ROOT_PROC_INST_ID_)");
            ddl.execute("create index ACT_IDX_AUTH_RM_TIME on ACT_RU_AUTHORIZATION(REMOVAL_TIME_)");
            ddl.execute("alter table ACT_RU_AUTHORIZATION add constraint ACT_UNIQ_AUTH_USER unique (TYPE_,USER_ID_,RESOURCE_TYPE_,RESOURCE_ID_)");
            ddl.execute("alter table ACT_RU_AUTHORIZATION add constraint ACT_UNIQ_AUTH_GROUP unique (TYPE_,GROUP_ID_,RESOURCE_TYPE_,RESOURCE_ID_)");
            if (Boolean.getBoolean("grants.groupLast")) {
                // ADR 0050's constraint: the same uniqueness, the group last (GrantChecksPlugin)
                ddl.execute("alter table ACT_RU_AUTHORIZATION drop constraint ACT_UNIQ_AUTH_GROUP");
                ddl.execute("alter table ACT_RU_AUTHORIZATION add constraint ACT_UNIQ_AUTH_GROUP unique (TYPE_,RESOURCE_TYPE_,RESOURCE_ID_,GROUP_ID_)");
                database += " (group last)";
            }
        }
        insertDefinitionGrantsAndOpenWork(connection);
        int inserted = 0;
        for (int completed : COMPLETED) {
            insertCompleted(connection, inserted, completed);
            inserted = completed;
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            }
            long rows = count(connection, "select count(*) from ACT_RU_AUTHORIZATION");
            System.out.printf(Locale.ROOT, "%n## %s, %d completed transfers: %d authorization rows%n", database, completed, rows);
            for (Map.Entry<String, String> statement : STATEMENTS.entrySet()) {
                // Camunda's PostgreSQL dialect writes A.PERMS_ & ? where H2's writes BITAND(A.PERMS_, ?)
                String sql = database.startsWith("PostgreSQL")
                        ? statement.getValue().replaceAll("BITAND\\(([^,]+),CAST\\((\\d+) AS BIGINT\\)\\)", "$1 & $2") : statement.getValue();
                double micros = medianMicros(connection, sql);
                System.out.printf(Locale.ROOT, "%-45s median %8.0f µs%n", statement.getKey(), micros);
                if (completed == COMPLETED[COMPLETED.length - 1] || completed == COMPLETED[0]) {
                    System.out.println(plan(connection, explain + sql));
                }
            }
        }
    }

    /** What exists whatever the history: the groups' grants on definitions and applications, 1k open transfers. */
    private void insertDefinitionGrantsAndOpenWork(Connection connection) throws SQLException {
        try (PreparedStatement insert = insert(connection)) {
            int id = 0;
            for (String group : new String[] {"vendor-staff", "partners", "clients", "ops", "auditors", "audit-leads", "moderators", "finance"}) {
                for (String key : new String[] {"subscriber-transfer", "reporting-extension-application", "monthly-settlement",
                        "extension-audit", "configuration-moderation", "developer-authorization", "partner-profile-change"}) {
                    add(insert, "def-" + id++, group, 6, key, Integer.MAX_VALUE);
                }
                add(insert, "app-" + id++, group, 0, "tasklist", 1);
                add(insert, "create-" + id++, group, 8, "*", 8);
            }
            // 1k open transfers: the two partners' PROCESS_INSTANCE and HISTORIC_PROCESS_INSTANCE grants, vendor staff's task grants
            for (int open = 0; open < 1_000; open++) {
                add(insert, "open-pi-a-" + open, partner(open), 8, "open-" + open, 2);
                add(insert, "open-pi-b-" + open, partner(open + 1), 8, "open-" + open, 2);
                add(insert, "open-hpi-a-" + open, partner(open), 20, "open-" + open, 2);
                add(insert, "open-hpi-b-" + open, partner(open + 1), 20, "open-" + open, 2);
                add(insert, "open-task-" + open, "vendor-staff", 7, "open-task-" + open, 16386);
                add(insert, "open-htask-" + open, "vendor-staff", 19, "open-task-" + open, 2);
            }
            add(insert, "the-task", GROUP, 7, "task-7", 16386);
            insert.executeBatch();
        }
    }

    /** Per completed transfer what stays until history cleanup: two partners' historic instance grants, vendor staff's historic task grant. */
    private void insertCompleted(Connection connection, int from, int to) throws SQLException {
        try (PreparedStatement insert = insert(connection)) {
            for (int n = from; n < to; n++) {
                add(insert, "hpi-a-" + n, partner(n), 20, "done-" + n, 2);
                add(insert, "hpi-b-" + n, partner(n + 1 + n % (PARTNERS - 1)), 20, "done-" + n, 2);
                add(insert, "htask-" + n, "vendor-staff", 19, "done-task-" + n, 2);
                if (n % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static String partner(int n) {
        return "partner-P" + (n % PARTNERS);
    }

    private static PreparedStatement insert(Connection connection) throws SQLException {
        return connection.prepareStatement("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
                + "values (?, 1, 1, ?, ?, ?, ?)");
    }

    private static void add(PreparedStatement insert, String id, String group, int resourceType, String resourceId, int perms) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, group);
        insert.setInt(3, resourceType);
        insert.setString(4, resourceId);
        insert.setInt(5, perms);
        insert.addBatch();
    }

    private static double medianMicros(Connection connection, String sql) throws SQLException {
        List<Double> micros = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             PreparedStatement touch = connection.prepareStatement("update ACT_RU_AUTHORIZATION set REV_ = REV_ + 1 where ID_ = 'the-task'")) {
            for (int i = 0; i < REPEAT + 5; i++) {
                // a change to the table first: H2 answers a repeated query from its last result while its tables are unchanged
                touch.executeUpdate();
                long start = System.nanoTime();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        result.getObject(1);
                    }
                }
                if (i >= 5) {
                    micros.add((System.nanoTime() - start) / 1e3);
                }
            }
        }
        return Stats.median(micros);
    }

    private static String plan(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                plan.append("    ").append(result.getString(1).replace("\n", "\n    ")).append('\n');
            }
        }
        return plan.toString();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
