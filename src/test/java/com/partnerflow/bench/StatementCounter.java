package com.partnerflow.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements and transactions that reach the database, on a proxy of the application's
 * {@link DataSource} (datasource-proxy), which the engine, Hibernate and Spring Data all use. Counting happens only
 * inside a window ({@link #start()} … {@link #stop()}): only a connection taken while a window is open goes through
 * the proxy, so the other workloads (REST against a bare application without any proxy) run on plain connections. Each statement is counted once, a batch as its entries, by kind and first table
 * ({@code INSERT ACT_HI_VARINST}, {@code SELECT PARTNER}).
 * <p>
 * Not counted: what the harness itself asks while the window is open ({@link #uncounted(Supplier)}: polling for the
 * instances' end), Spring's scheduled jobs (metrics gauges, the outbox's retry), and the job executor's polls for due
 * jobs with the transactions they commit: those depend on how busy the machine is, not on the instances. They are
 * reported on their own ({@link Counts#acquisitions()}); the locking of each job acquired is counted.
 */
final class StatementCounter implements BeanPostProcessor, QueryExecutionListener, MethodExecutionListener {

    /** What one window counted. */
    record Counts(long statements, long commits, long rollbacks, long acquisitions, Map<String, Long> byKind) {
    }

    private static final ThreadLocal<Boolean> HARNESS = ThreadLocal.withInitial(() -> false);
    /** Per thread: whether the open transaction polled for due jobs, so that its commit is the poll's, not an instance's. */
    private static final ThreadLocal<Boolean> ACQUIRING = ThreadLocal.withInitial(() -> false);
    private static final Pattern NEXT_VALUE = Pattern.compile("next value for ([\\w.\"]+)|nextval\\('([\\w.\"]+)'");
    private static final Pattern TABLE = Pattern.compile("^(?:insert into|update|delete from|merge into)\\s+([\\w.\"]+)");
    private static final Pattern FROM = Pattern.compile("\\sfrom\\s+([\\w.\"]+)");

    private volatile Window window;

    private static final class Window {
        final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
        final LongAdder commits = new LongAdder();
        final LongAdder rollbacks = new LongAdder();
        final LongAdder acquisitions = new LongAdder();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof CountedWhileOpen)) {
            return new CountedWhileOpen(dataSource,
                    ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(this).methodListener(this).build());
        }
        return bean;
    }

    /** The application's DataSource, its connections proxied only while a window is open. */
    private final class CountedWhileOpen extends DelegatingDataSource {

        private final DataSource counting;

        CountedWhileOpen(DataSource target, DataSource counting) {
            super(target);
            this.counting = counting;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return window != null ? counting.getConnection() : super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return window != null ? counting.getConnection(username, password) : super.getConnection(username, password);
        }
    }

    void start() {
        window = new Window();
    }

    Counts stop() {
        Window counted = window;
        window = null;
        Map<String, Long> byKind = new TreeMap<>();
        counted.byKind.forEach((kind, count) -> byKind.put(kind, count.sum()));
        return new Counts(byKind.values().stream().mapToLong(Long::longValue).sum(), counted.commits.sum(), counted.rollbacks.sum(),
                counted.acquisitions.sum(), byKind);
    }

    /** What the harness asks while a window is open, e.g. whether the instances have ended: not the instances' cost. */
    static <T> T uncounted(Supplier<T> query) {
        HARNESS.set(true);
        try {
            return query.get();
        } finally {
            HARNESS.set(false);
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, java.util.List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, java.util.List<QueryInfo> queries) {
        Window counting = window;
        if (counting == null || !counted()) {
            return;
        }
        for (QueryInfo query : queries) {
            String sql = query.getQuery().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (isJobAcquisition(sql)) {
                ACQUIRING.set(true);
                counting.acquisitions.increment();
                continue;
            }
            int times = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
            counting.byKind.computeIfAbsent(kind(sql), key -> new LongAdder()).add(times);
        }
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        String method = context.getMethod().getName();
        if (!method.equals("commit") && !method.equals("rollback") || !(context.getTarget() instanceof java.sql.Connection)) {
            return;
        }
        boolean acquiring = ACQUIRING.get();
        ACQUIRING.set(false);
        Window counting = window;
        if (counting == null || !counted() || acquiring) {
            return;
        }
        (method.equals("commit") ? counting.commits : counting.rollbacks).increment();
    }

    private static boolean counted() {
        return !HARNESS.get() && !Thread.currentThread().getName().startsWith("scheduling");
    }

    /** The job executor's poll for due, unlocked jobs (Camunda's {@code selectNextJobsToExecute}). */
    private static boolean isJobAcquisition(String sql) {
        return sql.startsWith("select") && sql.contains(" from act_ru_job ") && sql.contains("lock_exp_time_ <");
    }

    /** {@code SELECT PARTNER}, {@code INSERT ACT_HI_VARINST}, {@code SELECT next value PARTNER_SEQ}. */
    static String kind(String sql) {
        String verb = sql.split("[ (]", 2)[0].toUpperCase(Locale.ROOT);
        Matcher next = NEXT_VALUE.matcher(sql);
        if (next.find()) {
            return verb + " next value " + table(next.group(1) != null ? next.group(1) : next.group(2));
        }
        Matcher table = TABLE.matcher(sql);
        if (table.find()) {
            return verb + " " + table(table.group(1));
        }
        Matcher from = FROM.matcher(sql);
        return from.find() ? verb + " " + table(from.group(1)) : verb;
    }

    private static String table(String name) {
        return name.replace("\"", "").toUpperCase(Locale.ROOT);
    }
}
