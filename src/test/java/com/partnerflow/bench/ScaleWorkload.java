package com.partnerflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import com.partnerflow.TestData;
import com.partnerflow.security.Groups;
import com.partnerflow.LoopbackHttp;

/**
 * Workload 3, scale: how the queries people wait for grow with the history. 1k open transfers wait for vendor
 * staff's review; completed transfers are added through the engine ({@link TransferVolume}) up to 1k, 10k and
 * 100k, and at each size every query is timed over HTTP as its user sends it (median of {@value #ROUNDS} rounds
 * after {@value #WARM_UP} warm-up rounds). A size whose generation would not end within the workload's budget,
 * at the rate measured so far, is not generated: its figures stay empty and the log says why. On a 2-core machine a
 * completed transfer costs some 20 ms of CPU, so 100k take about half an hour: run them with a larger budget,
 * {@code ./mvnw -Pbench verify -Dbench.workloads=scale -DargLine=-Dbench.scale.budget=3600} (seconds). Not a
 * matter of our code alone: the bare engine needs 4–7 ms of CPU for an instance of a model of this size (150–245
 * instances/s on one core), so 100k would take at least 200 s of both cores, this workload's whole budget.
 */
class ScaleWorkload {

    private static final int[] SIZES = {1_000, 10_000, 100_000};
    private static final String[] SIZE_NAMES = {"1k", "10k", "100k"};
    private static final int OPEN_TRANSFERS = 1_000;
    private static final int PARTNERS = 50;
    private static final int SUBSCRIBERS_PER_THREAD = 500;
    /** Completed transfers added per step. */
    private static final int STEP = 1_500;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 15;
    /** Issue 6 gives this workload 4 minutes; the margin is for the last size's queries. */
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("bench.scale.budget", 225));

    private final TestData data;
    private final TransferVolume volume;
    private final int port;
    /** Completed transfers per second, their mails included, in the last step; unknown before the first. */
    private double rate = Double.NaN;

    /** A query as one user sends it. */
    private record Query(String name, String description, Call call) {
    }

    @FunctionalInterface
    private interface Call {
        LoopbackHttp.Response send(LoopbackHttp http) throws Exception;
    }

    ScaleWorkload(TestData data, RuntimeService runtime, TaskService tasks, IdentityService identity,
                  ManagementService management, PlatformTransactionManager transactionManager,
                  ProcessEngineConfigurationImpl engineConfiguration, Environment environment) {
        this.data = data;
        this.volume = new TransferVolume(data, runtime, tasks, identity, management, transactionManager, engineConfiguration);
        this.port = environment.getRequiredProperty("local.server.port", Integer.class);
    }

    void run(Results results) throws Exception {
        long start = System.nanoTime();
        volume.prepare(PARTNERS, SUBSCRIBERS_PER_THREAD);
        volume.open(OPEN_TRANSFERS);
        System.out.printf("Scale: %d open transfers in %.1f s%n", OPEN_TRANSFERS, seconds(start));
        List<Query> queries = queries();

        LoopbackHttp http = new LoopbackHttp(port);
        double[][] medians = new double[queries.size()][SIZES.length];
        for (double[] row : medians) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int size = 0; size < SIZES.length && reached(SIZES[size], start); size++) {
            PerformanceBenchmark.MAIL.purgeEmailFromAllMailboxes(); // GreenMail keeps every mail in memory
            double[] sizeMedians = medians(http, queries, SIZES[size]);
            for (int query = 0; query < queries.size(); query++) {
                medians[query][size] = sizeMedians[query];
            }
        }
        report(results, queries, medians);
        System.out.printf("Scale workload took %.0f s%n", seconds(start));
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
     * Completes transfers up to {@code size} in steps, so that the rate of the last step tells whether the size
     * can be reached within the budget; false, and nothing more generated, when it cannot. The first instances
     * run cold (the JIT is still compiling): a size is begun if it could be reached at twice the rate so far, and
     * given up as soon as its own steps say it cannot.
     */
    private boolean reached(int size, long start) throws Exception {
        boolean begun = false;
        while (volume.completed() < size) {
            double remaining = BUDGET.toSeconds() - seconds(start);
            int left = size - volume.completed();
            if (left / (begun ? rate : 2 * rate) > remaining) {
                System.out.printf("Scale: stopped at %d completed transfers: %d more at %.0f/s would take %.0f s, %.0f s are left%n",
                        volume.completed(), left, rate, left / rate, remaining);
                return false;
            }
            rate = addCompleted(Math.min(size, volume.completed() + STEP), remaining);
            begun = true;
        }
        return true;
    }

    /** Completes transfers up to {@code total} and waits for their mails; returns the rate, mails included. */
    private double addCompleted(int total, double secondsLeft) throws Exception {
        int added = total - volume.completed();
        long start = System.nanoTime();
        double cpuStart = Machine.processCpuSeconds();
        volume.completeUpTo(total);
        volume.awaitMailsSent(Duration.ofSeconds(Math.max(30, (long) secondsLeft)));
        double stepRate = added / seconds(start);
        System.out.printf(Locale.ROOT, "Scale: %d completed transfers (+%d in %.1f s: %.0f/s with their mails sent, %.1f ms CPU each)%n",
                total, added, seconds(start), stepRate, (Machine.processCpuSeconds() - cpuStart) * 1000 / added);
        return stepRate;
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

    private static void report(Results results, List<Query> queries, double[][] medians) {
        List<Map<String, Object>> figures = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int query = 0; query < queries.size(); query++) {
            double[] ms = medians[query];
            double growth = ms[2] / ms[0];
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("query", queries.get(query).name());
            for (int size = 0; size < SIZES.length; size++) {
                figure.put("ms_" + SIZE_NAMES[size], json(ms[size], 1));
            }
            figure.put("growth", json(growth, 2));
            figure.put("growth_10k", json(ms[1] / ms[0], 2));
            figure.put("rounds", ROUNDS);
            figure.put("what", queries.get(query).description());
            figures.add(figure);
            rows.add(List.of(queries.get(query).name(), ms[0], ms[1], ms[2], growth, ms[1] / ms[0]));
        }
        results.put("scale", figures, "Scale: median ms over " + ROUNDS + " rounds with 1k open transfers and N completed",
                List.of("query", "1k", "10k", "100k", "growth 100k/1k", "growth 10k/1k"), rows);
    }

    /** Rounded; null for a size not measured (NaN), which JSON cannot hold. */
    private static Double json(double value, int decimals) {
        return Double.isNaN(value) ? null : Stats.round(value, decimals);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
