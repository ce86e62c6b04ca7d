package com.partnerflow.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.ApplicationContext;

import com.partnerflow.TestData;
import com.partnerflow.audit.AuditRouting;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.bench.HappyPath.Side;
import com.partnerflow.transfer.TransferRouting;

/**
 * Workload 1 of issue 6, «overhead against the bare engine»: per process, rounds of {@value #INSTANCES} instances
 * started and driven to their end (async mail steps included) through the Java API of the running application, and
 * the same rounds on its baseline ({@link BaselineModels}: the same models without our code) on the same engine, in
 * the same run, interleaved A B A B after warm-up rounds of each ({@link #WARM_UP}). Reports the median instances
 * completed per second of both and their ratio; the target is a ratio of at least 0.8 for every process.
 */
class OverheadWorkload {

    private static final Logger log = LoggerFactory.getLogger(OverheadWorkload.class);

    static final int INSTANCES = 16;
    /** Measured rounds per side, after the warm-up rounds. */
    static final int ROUNDS = 5;
    /**
     * Per process, A B rounds are run unmeasured for at least this long (and at least once), so that the rounds
     * measured time the path more than the JIT compiler, which compiles more on the application's side (Hibernate,
     * our code) than on the baseline's. With one warm-up round of 8 instances the rounds of one process varied
     * 2.5-fold; the compile time that is left is reported per instance ({@code app_jit_ms}, {@code bare_jit_ms}).
     * {@code -Dbench.overhead.warm-up-s} sets it, for a run of this workload alone that lets the JIT settle.
     */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.overhead.warm-up-s", 6));
    static final double TARGET = 0.8;
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /**
     * Processes the workload knowingly leaves out, and why. A developer authorization ends only when it is withdrawn,
     * an extension removal needs an installation first: neither has a happy path of its own yet.
     */
    static final Map<String, String> UNMEASURED = Map.of(
            "developer-authorization", "ends only when withdrawn: no happy path of its own yet",
            "extension-removal", "needs an installation first: no happy path of its own yet");

    /**
     * One process's figures, as {@code results.json} names them. The statements and commits are per instance, from one
     * more round of each side with the {@link StatementCounter} on (load-independent: the same on a busy machine);
     * {@code statements} breaks them down by kind and first table.
     */
    record Figure(String process, double app_per_s, double bare_per_s, double ratio, double app_cpu_ms,
                  double bare_cpu_ms, double app_jit_ms, double bare_jit_ms, double app_statements, double bare_statements,
                  double app_commits, double bare_commits, double app_rollbacks, double bare_rollbacks,
                  Map<String, PerKind> statements) {
    }

    /** Statements of one kind and table per instance, on each side. */
    record PerKind(double app, double bare) {
    }

    /**
     * One round: instances completed per second, and per instance the CPU the whole process spent meanwhile and
     * the time the JIT compiler spent compiling (how far from steady state the round still was).
     */
    private record Round(double perSecond, double cpuMillis, double jitMillis) {
    }

    private final AutowireCapableBeanFactory beans;
    private final StatementCounter statements;
    private final ProcessEngine engine;
    private final TestData data;
    /** What the bean expressions of timers, due dates and collections become in the baseline: their configured values. */
    private final Map<String, String> literals;

    OverheadWorkload(ApplicationContext context, ProcessEngine engine, TestData data, TransferRouting transferRouting,
                     AuditRouting auditRouting, StatementCounter statements) {
        this.beans = context.getAutowireCapableBeanFactory();
        this.statements = statements;
        this.engine = engine;
        this.data = data;
        this.literals = Map.of(
                "${transferRouting.partnerAnswerTimeout()}", transferRouting.partnerAnswerTimeout(),
                "${transferRouting.correctionTimeout()}", transferRouting.correctionTimeout(),
                // the reminders' dates: never reached within a round
                "${transferRouting.partnerAnswerReminder(execution)}", "2099-01-01T00:00:00",
                "${transferRouting.correctionReminder(execution)}", "2099-01-01T00:00:00",
                "${auditRouting.auditSla()}", auditRouting.auditSla(),
                "${settlementRouting.reconciliationIds(execution)}", SettlementProcess.RECONCILIATION_IDS.name());
    }

    void run(Results results) throws Exception {
        long started = System.nanoTime();
        AuditPath audit = beans.createBean(AuditPath.class);
        List<HappyPath<?>> paths = List.of(beans.createBean(TransferPath.class), beans.createBean(ReportingPath.class),
                beans.createBean(SettlementPath.class), audit, new InstallationPath(engine, data, audit),
                beans.createBean(ModerationPath.class), beans.createBean(ProfileChangePath.class));
        BaselineModels.deploy(engine, paths.stream().collect(Collectors.toMap(HappyPath::key, HappyPath::happyFlows)), literals,
                UNMEASURED);

        List<Figure> figures = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> statementRows = new ArrayList<>();
        List<List<Object>> kindRows = new ArrayList<>();
        for (HappyPath<?> path : paths) {
            List<Round> app = new ArrayList<>();
            List<Round> bare = new ArrayList<>();
            measure(path, app, bare);
            StatementCounter.Counts appCounts = counted(path, Side.APP);
            StatementCounter.Counts bareCounts = counted(path, Side.BARE);
            double appPerSecond = Stats.median(perSecond(app));
            double barePerSecond = Stats.median(perSecond(bare));
            Figure figure = new Figure(path.key(), Stats.round(appPerSecond, 2), Stats.round(barePerSecond, 2),
                    Stats.round(appPerSecond / barePerSecond, 2), Stats.round(Stats.median(cpuMillis(app)), 1),
                    Stats.round(Stats.median(cpuMillis(bare)), 1), Stats.round(Stats.median(jitMillis(app)), 1),
                    Stats.round(Stats.median(jitMillis(bare)), 1), perInstance(appCounts.statements()),
                    perInstance(bareCounts.statements()), perInstance(appCounts.commits()), perInstance(bareCounts.commits()),
                    perInstance(appCounts.rollbacks()), perInstance(bareCounts.rollbacks()), byKind(appCounts, bareCounts));
            figures.add(figure);
            rows.add(List.of(figure.process(), INSTANCES, ROUNDS, figure.app_per_s(), figure.bare_per_s(), figure.ratio(),
                    figure.ratio() >= TARGET ? "yes" : "NO", figure.app_cpu_ms(), figure.bare_cpu_ms(),
                    figure.app_jit_ms(), figure.bare_jit_ms(), rounds(perSecond(app)), rounds(perSecond(bare))));
            statementRows.add(List.of(figure.process(), figure.app_statements(), figure.bare_statements(),
                    figure.app_statements() - figure.bare_statements(), figure.app_commits(), figure.bare_commits(),
                    figure.app_rollbacks(), perInstance(appCounts.acquisitions()), perInstance(bareCounts.acquisitions())));
            figure.statements().forEach((kind, counts) -> kindRows.add(List.of(figure.process(), kind, counts.app(), counts.bare(),
                    Stats.round(counts.app() - counts.bare(), 2))));
        }
        results.put("overhead", figures, "Overhead against the bare engine: instances completed per second, median of "
                + ROUNDS + " rounds of " + INSTANCES + " per side after " + WARM_UP.toSeconds()
                + " s of warm-up rounds, interleaved A B A B (not measured: " + UNMEASURED + ")",
                List.of("process", "instances per round", "rounds", "app/s", "bare/s", "ratio", "≥ " + TARGET,
                        "app CPU ms/instance", "bare CPU ms/instance", "app JIT ms/instance", "bare JIT ms/instance",
                        "app rounds/s", "bare rounds/s"), rows);
        results.print("Statements and commits per instance (one counted round of " + INSTANCES + " per side; the job "
                        + "executor's polls for due jobs apart)",
                List.of("process", "app statements", "bare statements", "app − bare", "app commits", "bare commits",
                        "app rollbacks", "app job polls", "bare job polls"), statementRows);
        results.print("Statements per instance by kind and first table", List.of("process", "statement", "app", "bare", "app − bare"),
                kindRows);
        log.info("Overhead workload took {} s", Math.round((System.nanoTime() - started) / 1e9));
    }

    /** One more round of each side, after the measured ones, with every statement and commit counted. */
    private <C> StatementCounter.Counts counted(HappyPath<C> path, Side side) {
        List<C> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(path.prepare());
        }
        List<String> ids = new ArrayList<>();
        StatementCounter.Counts counts;
        statements.start();
        try {
            for (C instance : instances) {
                ids.add(path.drive(instance, side));
            }
            awaitEnded(Set.copyOf(ids), side.key(path.key()));
        } finally {
            counts = statements.stop();
        }
        checkHappyEnd(Set.copyOf(ids), path, side);
        return counts;
    }

    private static double perInstance(long count) {
        return Stats.round((double) count / INSTANCES, 1);
    }

    /** Per kind and table, most statements of the application first. */
    private static Map<String, PerKind> byKind(StatementCounter.Counts app, StatementCounter.Counts bare) {
        Set<String> kinds = new java.util.TreeSet<>(app.byKind().keySet());
        kinds.addAll(bare.byKind().keySet());
        Map<String, PerKind> perKind = new java.util.LinkedHashMap<>();
        kinds.stream().sorted(java.util.Comparator.comparing((String kind) -> -app.byKind().getOrDefault(kind, 0L))
                        .thenComparing(kind -> kind))
                .forEach(kind -> perKind.put(kind, new PerKind(perInstance(app.byKind().getOrDefault(kind, 0L)),
                        perInstance(bare.byKind().getOrDefault(kind, 0L)))));
        return perKind;
    }

    private <C> void measure(HappyPath<C> path, List<Round> app, List<Round> bare) {
        long started = System.nanoTime();
        path.setUp();
        int warmUpRounds = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        do {
            round(path, Side.APP);
            round(path, Side.BARE);
            warmUpRounds++;
        } while (System.nanoTime() < warmUpEnd);
        for (int round = 0; round < ROUNDS; round++) {
            app.add(round(path, Side.APP));
            bare.add(round(path, Side.BARE));
        }
        log.info("{}: after {} warm-up rounds, app {} /s ({} CPU ms, {} JIT ms each), bare {} /s ({} CPU ms, {} JIT ms each) ({} s with set-up)",
                path.key(), warmUpRounds, rounds(perSecond(app)), rounds(cpuMillis(app)), rounds(jitMillis(app)),
                rounds(perSecond(bare)), rounds(cpuMillis(bare)), rounds(jitMillis(bare)),
                Math.round((System.nanoTime() - started) / 1e9));
    }

    /**
     * Instances completed per second in one round: the clock runs from the first start to the end of the last
     * instance, its async steps included. The instances' data is made before, outside the measured time. The CPU is
     * the whole process's (job executor, H2 and mail server included) over the same time, per instance.
     */
    private <C> Round round(HappyPath<C> path, Side side) {
        List<C> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(path.prepare());
        }
        long start = System.nanoTime();
        double cpuStart = Machine.processCpuSeconds();
        long jitStart = Machine.jitMillis();
        List<String> ids = new ArrayList<>();
        for (C instance : instances) {
            ids.add(path.drive(instance, side));
        }
        awaitEnded(Set.copyOf(ids), side.key(path.key()));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (Machine.processCpuSeconds() - cpuStart) * 1000 / INSTANCES;
        double jitMillis = (double) (Machine.jitMillis() - jitStart) / INSTANCES;
        checkHappyEnd(Set.copyOf(ids), path, side);
        return new Round(INSTANCES / seconds, cpuMillis, jitMillis);
    }

    /** Polls the runtime, which forgets an instance the moment it ends (its last async step included). */
    private void awaitEnded(Set<String> ids, String processKey) {
        await().alias(processKey + " instances to end (a failed async step?)").atMost(MAX_WAIT)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> StatementCounter.uncounted(
                        () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).count() == 0));
    }

    /** An instance that ended elsewhere than the happy path's end event would make the figures meaningless. */
    private void checkHappyEnd(Set<String> ids, HappyPath<?> path, Side side) {
        Map<String, String> elsewhere = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(ids)
                .list().stream().filter(instance -> !path.endEvent().equals(instance.getEndActivityId()))
                .collect(Collectors.toMap(HistoricProcessInstance::getId, instance -> String.valueOf(instance.getEndActivityId())));
        if (!elsewhere.isEmpty()) {
            throw new IllegalStateException(side.key(path.key()) + " instances did not end at " + path.endEvent() + ": " + elsewhere);
        }
    }

    private static List<Double> perSecond(List<Round> rounds) {
        return rounds.stream().map(Round::perSecond).toList();
    }

    private static List<Double> cpuMillis(List<Round> rounds) {
        return rounds.stream().map(Round::cpuMillis).toList();
    }

    private static List<Double> jitMillis(List<Round> rounds) {
        return rounds.stream().map(Round::jitMillis).toList();
    }

    private static String rounds(List<Double> perSecond) {
        return perSecond.stream().map(value -> String.format(java.util.Locale.ROOT, "%.1f", value))
                .collect(Collectors.joining(", "));
    }
}
