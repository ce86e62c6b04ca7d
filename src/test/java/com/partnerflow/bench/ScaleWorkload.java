package com.partnerflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.partnerflow.TestData;
import com.partnerflow.security.Groups;
import com.partnerflow.LoopbackHttp;

/**
 * Workload 3, scale: how the queries people wait for grow with the history. 1k open transfers wait for vendor
 * staff's review; completed transfers are added through the engine ({@link TransferVolume}) up to 1k, 10k and
 * 100k, and at each size every query is timed over HTTP as its user sends it (median of {@value #ROUNDS} rounds
 * after {@value #WARM_UP} warm-up rounds). After the queries, a partner's own actions are timed the same way
 * ({@link PartnerActions}: a start and an agreement through {@code /api} and through Tasklist's forms, with the CPU of
 * the server thread), and the authorization rows they are checked against are counted ({@code scale_grants}).
 * <p>
 * The workload has what is left of the run's {@link PerformanceBenchmark#DEADLINE}. Transfers are generated in
 * steps for as long as a step ends before it; the queries are timed at each size reached, and once more at the count
 * reached if that lies beyond the last size ({@code ms_reached}). The log and {@code scale_generation} in
 * results.json say how long 100k would have taken at the measured rate. On 2 cores
 * 100k do not fit 10 minutes: a completed transfer costs ~20 ms of CPU with its mail, and the bare engine alone
 * needs 4–7 ms for an instance of a model of this size. {@code -Dbench.minutes=36} gives the time.
 */
class ScaleWorkload {

    /**
     * {@code -Dbench.scale.target=1000000}: completed transfers beyond the template are copied in bulk
     * ({@link CompletedTransferCopies}, PostgreSQL only) up to this many, and the queries are timed at 1k, 10k, 100k
     * and this size; 0 (not set): all are generated through the engine, up to 100k as time allows.
     */
    static final int COPY_TARGET = Integer.parseInt(System.getProperty("bench.scale.target", "").isBlank() ? "0"
            : System.getProperty("bench.scale.target").strip());
    private static final int[] SIZES = COPY_TARGET > 100_000 ? new int[] {1_000, 10_000, 100_000, COPY_TARGET}
            : new int[] {1_000, 10_000, 100_000};
    private static final String[] SIZE_NAMES = COPY_TARGET > 100_000
            ? new String[] {"1k", "10k", "100k", COPY_TARGET % 1_000_000 == 0 ? COPY_TARGET / 1_000_000 + "M" : COPY_TARGET / 1_000 + "k"}
            : new String[] {"1k", "10k", "100k"};
    /** Completed transfers generated through the engine as the copies' template (copy mode): the first size. */
    private static final int TEMPLATE = Integer.getInteger("bench.scale.template", 1_000);
    /** Copies of the template per statement and transaction: 50k instances with a template of 1,000. */
    private static final int COPIES_PER_STATEMENT = Math.max(1, 50_000 / TEMPLATE);
    private static final int OPEN_TRANSFERS = 1_000;
    private static final int PARTNERS = 50;
    private static final int SUBSCRIBERS_PER_THREAD = 500;
    /** Completed transfers added per step. */
    private static final int STEP = 1_500;
    /** The last step shrinks to what fits before the deadline, in multiples of this (of {@link TransferVolume#THREADS}). */
    private static final int MIN_STEP = 100;
    private static final int WARM_UP = 5;
    /**
     * Before the first size, the queries are sent this many times more, so that a run of this workload alone (a
     * fresh JVM) does not time the 1k size with code the JIT has not compiled yet, which would flatter the growth.
     */
    private static final int JIT_WARM_UP = 60;
    /** The same for the partner's actions ({@link PartnerActions}); each round leaves a request behind, so fewer. */
    private static final int ACTIONS_JIT_WARM_UP = 20;
    private static final int ROUNDS = 15;
    /** Kept back from the deadline: the last queries, writing the results, stopping the JVM and Maven. */
    private static final Duration TAIL = Duration.ofSeconds(25);
    /**
     * How many of the latest steps the rate that decides whether another step fits is the median of: it follows the
     * rate as the history grows, and one slow step (a GC, a checkpoint) does not end the generation early.
     */
    private static final int RATE_STEPS = 5;

    private final TestData data;
    private final JdbcTemplate jdbc;
    private final TransferVolume volume;
    private final int port;
    private final ManagementService management;
    private PartnerActions actions;
    /** Per partner action and size (as {@code medians}): wall-clock and server-thread CPU medians. */
    private double[][] actionMillis;
    private double[][] actionCpu;
    /** Per size measured: the authorization rows by resource type, and those of the acting partner's group. */
    private final List<Map<String, Object>> grants = new ArrayList<>();
    /** Completed transfers per second, their mails included, of every step so far. */
    private final List<Double> stepRates = new ArrayList<>();
    /** CPU of the whole process per completed transfer in the last step. */
    private double cpuMillisEach = Double.NaN;
    private double generationSeconds;
    /** Copy mode: the bulk copier, and what the application saw the copies add. */
    private final CompletedTransferCopies copies;
    private final List<Map<String, Object>> copyChecks = new ArrayList<>();

    /** A query as one user sends it. */
    private record Query(String name, String description, Call call) {
    }

    @FunctionalInterface
    private interface Call {
        LoopbackHttp.Response send(LoopbackHttp http) throws Exception;
    }

    ScaleWorkload(TestData data, RuntimeService runtime, TaskService tasks, IdentityService identity,
                  ManagementService management, PlatformTransactionManager transactionManager,
                  ProcessEngineConfigurationImpl engineConfiguration, Environment environment, DataSource dataSource) {
        this.data = data;
        this.jdbc = new JdbcTemplate(dataSource);
        this.volume = new TransferVolume(data, runtime, tasks, identity, management, transactionManager, engineConfiguration);
        this.port = environment.getRequiredProperty("local.server.port", Integer.class);
        if (COPY_TARGET > 0 && !PerformanceBenchmark.POSTGRES) {
            throw new IllegalArgumentException("bench.scale.target copies on PostgreSQL only: add -Dbench.database=postgres");
        }
        this.copies = COPY_TARGET > 0 ? new CompletedTransferCopies(jdbc) : null;
        this.management = management;
    }

    void run(Results results) throws Exception {
        long start = System.nanoTime();
        volume.prepare(PARTNERS, SUBSCRIBERS_PER_THREAD);
        volume.open(OPEN_TRANSFERS);
        System.out.printf("Scale: %d open transfers in %.1f s; %.0f s left before the deadline%n", OPEN_TRANSFERS,
                seconds(start), secondsLeft());
        List<Query> queries = queries();

        LoopbackHttp http = new LoopbackHttp(port);
        for (int round = 0; round < JIT_WARM_UP; round++) {
            for (Query query : queries) {
                query.call().send(http);
            }
        }
        actions = new PartnerActions(volume, management);
        actions.warmUp(http, ACTIONS_JIT_WARM_UP);
        double[][] medians = unmeasured(queries.size());
        actionMillis = unmeasured(actions.actions().size());
        actionCpu = unmeasured(actions.actions().size());
        int timed = 0;
        for (int step; timed < SIZES.length && (step = nextStep(SIZES[timed])) > 0; ) {
            addCompleted(completed() + step, secondsLeft());
            if (completed() == SIZES[timed]) {
                store(medians, timed, medians(http, queries, SIZES[timed]));
                measureActions(http, timed, SIZES[timed]);
                timed++;
            }
        }
        int reached = completed();
        if (timed < SIZES.length && reached > (timed == 0 ? 0 : SIZES[timed - 1])) {
            store(medians, SIZES.length, medians(http, queries, reached));
            measureActions(http, SIZES.length, reached);
        }
        report(results, queries, medians, reached);
        System.out.printf("Scale workload took %.0f s%n", seconds(start));
    }

    private static double[][] unmeasured(int rows) {
        double[][] medians = new double[rows][SIZES.length + 1];
        for (double[] row : medians) {
            Arrays.fill(row, Double.NaN);
        }
        return medians;
    }

    /**
     * The partner's actions at this size ({@link PartnerActions}), after the queries, and the grants the engine checks
     * them against: the authorization rows by resource type, those of the acting partner's group, counted before the
     * actions add their own.
     */
    private void measureActions(LoopbackHttp http, int column, int size) throws Exception {
        countGrants(size);
        List<PartnerActions.Medians> sizeMedians = actions.medians(http, size, WARM_UP, ROUNDS);
        for (int action = 0; action < sizeMedians.size(); action++) {
            actionMillis[action][column] = sizeMedians.get(action).millis();
            actionCpu[action][column] = sizeMedians.get(action).cpuMillis();
        }
    }

    private void countGrants(int size) {
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("completed", size);
        count.put("made_by_partner_actions", actions.made());
        count.put("rows", jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Long.class));
        count.put("rows_of_partner_group", jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = ?",
                Long.class, actions.partnerGroup()));
        Map<String, Long> byResource = new LinkedHashMap<>();
        jdbc.query("select RESOURCE_TYPE_, count(*) from ACT_RU_AUTHORIZATION group by RESOURCE_TYPE_ order by RESOURCE_TYPE_",
                (java.sql.ResultSet row) -> {
                    byResource.put(resourceName(row.getInt(1)), row.getLong(2));
                });
        count.put("rows_by_resource", byResource);
        grants.add(count);
        System.out.printf(Locale.ROOT, "Scale %d: authorization rows %s%n", size, count);
    }

    private static String resourceName(int type) {
        return Arrays.stream(org.camunda.bpm.engine.authorization.Resources.values())
                .filter(resource -> resource.resourceType() == type).findFirst()
                .map(resource -> resource.resourceName()).orElse(String.valueOf(type));
    }

    private static void store(double[][] medians, int column, double[] sizeMedians) {
        for (int query = 0; query < sizeMedians.length; query++) {
            medians[query][column] = sizeMedians[query];
        }
    }

    /**
     * What the users wait for: vendor staff's «Задачи моих групп» in Tasklist (its filter asks for the unassigned
     * tasks of the user's candidate groups; Tasklist sorts by creation, newest first, 15 a page), the same list for
     * a partner's employee (two groups), a partner's first page of transfers, and Cockpit's running instances.
     */
    private List<Query> queries() {
        String vendorStaff = data.user(Groups.VENDOR_STAFF);
        String ops = data.user(Groups.OPS);
        TransferVolume.Party partner = volume.parties().get(0);
        return List.of(
                new Query("tasklist_group_tasks", "vendor staff: POST /engine-rest/task, candidateGroups [vendor-staff]",
                        http -> http.postJson(vendorStaff, "/engine-rest/task?firstResult=0&maxResults=15",
                                groupTasks(List.of(Groups.VENDOR_STAFF)))),
                new Query("tasklist_group_tasks_partner", "partner employee: the same, candidateGroups [partners, partner-X]",
                        http -> http.postJson(partner.user(), "/engine-rest/task?firstResult=0&maxResults=15",
                                groupTasks(partner.groups()))),
                new Query("api_transfers_first_page", "partner employee: GET /api/transfers",
                        http -> http.get(partner.user(), "/api/transfers")),
                new Query("cockpit_running_instances", "ops: GET /engine-rest/process-instance/count",
                        http -> http.get(ops, "/engine-rest/process-instance/count")));
    }

    /**
     * How many transfers the next step towards {@code size} adds: {@value #STEP}, fewer to land on the size, and
     * fewer again, in whole hundreds, to end before the deadline at the rate of the recent steps ({@link #rate()});
     * 0 when not even a hundred fit. The first step is always taken. A size is never given up while steps still
     * fit: the first steps run cold (39/s against 68/s once the JIT has compiled), and a decision on them gave up
     * 10k that was then reached.
     */
    private int nextStep(int size) {
        if (copies != null) {
            return size - completed();
        }
        int step = Math.min(STEP, size - volume.completed());
        if (stepRates.isEmpty()) {
            return step;
        }
        double fits = rate() * secondsLeft();
        return fits >= step ? step : (int) (fits / MIN_STEP) * MIN_STEP;
    }

    /** The median rate of the latest {@value #RATE_STEPS} steps; NaN before the first (every comparison false). */
    private double rate() {
        return Stats.median(stepRates.subList(Math.max(0, stepRates.size() - RATE_STEPS), stepRates.size()));
    }

    private static double secondsLeft() {
        return Duration.between(Instant.now(), PerformanceBenchmark.DEADLINE.minus(TAIL)).toMillis() / 1e3;
    }

    /**
     * Completes transfers up to {@code total} and waits for their mails; records the step's rate, mails included. A bulk
     * load, so H2 writes its commits every 500 ms (its default) meanwhile instead of each at once, the
     * application's crash-safe {@code WRITE_DELAY=0}, which is set again before anything is timed (PostgreSQL:
     * unchanged).
     */
    private void addCompleted(int total, double secondsLeft) throws Exception {
        if (copies != null) {
            addCopied(total, secondsLeft);
            return;
        }
        int added = total - volume.completed();
        long start = System.nanoTime();
        double cpuStart = Machine.processCpuSeconds();
        relaxH2Writes(true);
        try {
            volume.completeUpTo(total);
            volume.awaitMailsSent(Duration.ofSeconds(Math.max(30, (long) secondsLeft)));
        } finally {
            relaxH2Writes(false);
        }
        double stepSeconds = seconds(start);
        generationSeconds += stepSeconds;
        cpuMillisEach = (Machine.processCpuSeconds() - cpuStart) * 1000 / added;
        System.out.printf(Locale.ROOT, "Scale: %d completed transfers (+%d in %.1f s: %.0f/s with their mails sent, %.1f ms CPU each)%n",
                total, added, stepSeconds, added / stepSeconds, cpuMillisEach);
        stepRates.add(added / stepSeconds);
    }

    /** Completed transfers so far: generated, and copied in copy mode. */
    private int completed() {
        return volume.completed() + (copies == null ? 0 : copies.copies() * copies.templateInstances());
    }

    /**
     * Copy mode: the first time, generates the template through the engine ({@value #TEMPLATE} transfers, the rows
     * counted before and after) and lets the copier discover what to copy; then copies it up to {@code total}, which
     * must be a whole number of templates, and checks that the application sees exactly the copies: a partner's
     * {@code /api/transfers} total and Cockpit's count of historic instances grow by what was copied, and sample
     * copies have the template's shape ({@link CompletedTransferCopies#check}).
     */
    private void addCopied(int total, double secondsLeft) throws Exception {
        // What the partner actions left running ends first: its rows would count as the template's, and a mail job
        // reading the outbox in its transaction while it waits for a second pooled connection would wait forever
        // behind the DROP INDEX of a large load, which waits for that transaction.
        volume.awaitMailsSent(Duration.ofMinutes(2));
        if (volume.completed() == 0) {
            Map<String, Long> before = copies.counts();
            copies.moveIdentities();
            int template = Math.min(TEMPLATE, total);
            long start = System.nanoTime();
            volume.completeUpTo(template);
            volume.awaitMailsSent(Duration.ofSeconds(Math.max(30, (long) secondsLeft)));
            generationSeconds = seconds(start);
            System.out.printf(Locale.ROOT, "Scale: template of %d completed transfers generated in %.1f s%n", template, generationSeconds);
            copies.discover(before, SIZES[SIZES.length - 1] / template - 1);
        }
        int template = copies.templateInstances();
        if (total == completed()) {
            return;
        }
        if ((total - volume.completed()) % template != 0) {
            throw new IllegalArgumentException("Copy: " + total + " is not the template (" + template + ") and whole copies of it");
        }
        LoopbackHttp http = new LoopbackHttp(port);
        TransferVolume.Party partner = volume.parties().get(0);
        long listBefore = partnerTotal(http, partner);
        long historyBefore = historicCount(http);
        int copiesBefore = copies.copies();
        copies.copyUpTo((total - volume.completed()) / template, COPIES_PER_STATEMENT);
        int added = copies.copies() - copiesBefore;
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("completed", total);
        check.put("partner_list_grew", partnerTotal(http, partner) - listBefore);
        check.put("partner_list_expected", added * copies.templateTransfersOf(partner.partner().getId()));
        check.put("history_count_grew", historicCount(http) - historyBefore);
        check.put("history_count_expected", (long) added * template);
        List<Map<String, Object>> shapes = new ArrayList<>();
        for (int copy : new int[] {copiesBefore + 1, (copiesBefore + 1 + copies.copies()) / 2, copies.copies()}) {
            if (shapes.stream().noneMatch(shape -> shape.get("copy").equals(copy))) {
                shapes.add(copies.check(copy));
            }
        }
        check.put("shape", shapes);
        copyChecks.add(check);
        System.out.println("Copy: " + check);
        if (!check.get("partner_list_grew").equals(check.get("partner_list_expected"))
                || !check.get("history_count_grew").equals(check.get("history_count_expected"))) {
            throw new IllegalStateException("Copy: the application does not see exactly the copies: " + check);
        }
    }

    private long partnerTotal(LoopbackHttp http, TransferVolume.Party partner) throws Exception {
        return answer(http.get(partner.user(), "/api/transfers")).get("totalElements").asLong();
    }

    /** Cockpit's count of historic instances, as {@code ops} sees it. */
    private long historicCount(LoopbackHttp http) throws Exception {
        return answer(http.get(data.user(Groups.OPS), "/engine-rest/history/process-instance/count")).get("count").asLong();
    }

    private static com.fasterxml.jackson.databind.JsonNode answer(LoopbackHttp.Response response) {
        if (!response.ok()) {
            throw new IllegalStateException("Copy: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /**
     * Lets the bulk load's aftermath pass before anything is timed: GreenMail's mails (it keeps them all in memory)
     * and the load's garbage are dropped, and H2 writes what it still held, instead of doing it during the queries.
     */
    private void settle() throws Exception {
        PerformanceBenchmark.MAIL.purgeEmailFromAllMailboxes();
        if (!PerformanceBenchmark.POSTGRES) {
            jdbc.execute("CHECKPOINT");
        }
        System.gc();
    }

    private void relaxH2Writes(boolean relaxed) {
        if (!PerformanceBenchmark.POSTGRES) {
            jdbc.execute(relaxed ? "SET WRITE_DELAY 500" : "SET WRITE_DELAY 0");
        }
    }

    private static Map<String, Object> groupTasks(List<String> groups) {
        return Map.of("candidateGroups", groups, "unassigned", true,
                "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    }

    /**
     * Each query's median over {@value #ROUNDS} rounds after {@value #WARM_UP} warm-up rounds. Every round starts
     * with a new submitted transfer, as on a live system: H2 answers a query again from its last result while no
     * table it reads has changed, which would time a cache.
     */
    private double[] medians(LoopbackHttp http, List<Query> queries, int size) throws Exception {
        settle();
        List<List<Double>> millis = new ArrayList<>();
        List<LoopbackHttp.Response> answers = new ArrayList<>();
        queries.forEach(query -> {
            millis.add(new ArrayList<>());
            answers.add(null);
        });
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            volume.open(1);
            for (int query = 0; query < queries.size(); query++) {
                LoopbackHttp.Response answer = queries.get(query).call().send(http);
                if (!answer.ok()) {
                    throw new IllegalStateException(queries.get(query).name() + " failed: " + answer.status() + " " + answer.body());
                }
                if (round >= WARM_UP) {
                    millis.get(query).add(answer.millis());
                }
                answers.set(query, answer);
            }
        }
        double[] medians = new double[queries.size()];
        for (int query = 0; query < queries.size(); query++) {
            medians[query] = Stats.median(millis.get(query));
            System.out.printf(Locale.ROOT, "Scale %d, %s: median %.1f ms of %d rounds %s; answer %s%n", size,
                    queries.get(query).name(), medians[query], ROUNDS, millis.get(query).stream()
                            .map(ms -> String.format(Locale.ROOT, "%.0f", ms)).toList(), summary(answers.get(query)));
        }
        return medians;
    }

    /** Enough of an answer to see that it is right: a count, the size of a list, a page's total. */
    private static String summary(LoopbackHttp.Response response) {
        var json = response.json();
        if (json.isArray()) {
            return json.size() + " items";
        }
        if (json.has("totalElements")) {
            return json.get("content").size() + " of " + json.get("totalElements").asLong();
        }
        return json.toString();
    }

    private void report(Results results, List<Query> queries, double[][] medians, int reached) {
        List<Map<String, Object>> figures = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean beyond = !Double.isNaN(medians[0][SIZES.length]);
        for (int query = 0; query < queries.size(); query++) {
            figures.add(figure(queries.get(query).name(), "ms_", medians[query], queries.get(query).description()));
            rows.add(row(queries.get(query).name(), medians[query]));
        }
        for (int action = 0; action < actions.actions().size(); action++) {
            PartnerActions.Action timed = actions.actions().get(action);
            Map<String, Object> figure = figure(timed.name(), "ms_", actionMillis[action], timed.description());
            figure.putAll(figure(timed.name(), "cpu_ms_", actionCpu[action], timed.description()));
            figures.add(figure);
            rows.add(row(timed.name(), actionMillis[action]));
            rows.add(row("… its server-thread CPU ms", actionCpu[action]));
        }
        String reachedColumn = beyond ? String.format(Locale.ROOT, "%.1fk (reached)", reached / 1000.0) : "reached";
        List<String> header = new ArrayList<>(List.of("query", "1k", "10k", "100k", "growth 100k/1k", "growth 10k/1k"));
        if (SIZES.length > 3) {
            header.add(4, SIZE_NAMES[3]);
            header.add("growth " + SIZE_NAMES[3] + "/1k");
        }
        header.addAll(List.of(reachedColumn, "growth reached/1k"));
        results.put("scale", figures, "Scale: median ms over " + ROUNDS + " rounds with 1k open transfers and N completed"
                + (copies == null ? "" : " (beyond the template of " + copies.templateInstances() + ": bulk copies)"), header, rows);
        if (copies != null) {
            Map<String, Object> copy = copies.figures();
            copy.put("generation_s", Stats.round(generationSeconds, 1));
            copy.put("checks", copyChecks);
            results.put("scale_copy", copy, "Scale: completed transfers copied in bulk from a generated template",
                    List.of("what", "value"), copy.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
            return;
        }

        results.put("scale_grants", grants, "Scale: authorization rows when the partner's actions were timed",
                List.of("completed", "made by the partner's actions before", "rows", "rows of the partner's group", "by resource type"),
                grants.stream().map(count -> List.<Object>of(count.get("completed"), count.get("made_by_partner_actions"),
                        count.get("rows"), count.get("rows_of_partner_group"), count.get("rows_by_resource"))).toList());

        double projected = generationSeconds + Math.max(0, SIZES[SIZES.length - 1] - reached) / rate();
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("completed_reached", reached);
        generation.put("generation_s", Stats.round(generationSeconds, 0));
        generation.put("last_step_per_s", json(stepRates.isEmpty() ? Double.NaN : stepRates.get(stepRates.size() - 1), 1));
        generation.put("recent_steps_per_s", json(rate(), 1));
        generation.put("cpu_ms_per_transfer", json(cpuMillisEach, 1));
        generation.put("projected_s_for_100k", Stats.round(projected, 0));
        results.put("scale_generation", generation, "Scale: completed transfers generated through the engine",
                List.of("what", "value"), generation.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
    }

    /**
     * One timed call's figures under {@code prefix} ({@code ms_1k}, …, {@code ms_reached}) with their growth
     * ({@code growth}, {@code growth_10k}, {@code growth_reached}; for another prefix than {@code ms_} the growth keys
     * carry it too: {@code cpu_ms_growth}).
     */
    private static Map<String, Object> figure(String name, String prefix, double[] ms, String what) {
        String growth = "ms_".equals(prefix) ? "growth" : prefix + "growth";
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("query", name);
        for (int size = 0; size < SIZES.length; size++) {
            figure.put(prefix + SIZE_NAMES[size], json(ms[size], 1));
        }
        figure.put(growth, json(ms[2] / ms[0], 2));
        figure.put(growth + "_10k", json(ms[1] / ms[0], 2));
        if (SIZES.length > 3) {
            figure.put(growth + "_" + SIZE_NAMES[3], json(ms[3] / ms[0], 2));
        }
        figure.put(prefix + "reached", json(ms[SIZES.length], 1));
        figure.put(growth + "_reached", json(ms[SIZES.length] / ms[0], 2));
        figure.put("rounds", ROUNDS);
        figure.put("what", what);
        return figure;
    }

    private static List<Object> row(String name, double[] ms) {
        List<Object> row = new ArrayList<>(List.of(name, ms[0], ms[1], ms[2], ms[2] / ms[0], ms[1] / ms[0]));
        if (SIZES.length > 3) {
            row.add(4, ms[3]);
            row.add(ms[3] / ms[0]);
        }
        row.addAll(List.of(ms[SIZES.length], ms[SIZES.length] / ms[0]));
        return row;
    }

    /** Rounded; null for a size not measured (NaN), which JSON cannot hold. */
    private static Double json(double value, int decimals) {
        return Double.isNaN(value) ? null : Stats.round(value, decimals);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
