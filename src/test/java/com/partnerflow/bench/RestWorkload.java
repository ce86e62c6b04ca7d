package com.partnerflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;
import com.partnerflow.transfer.TransferRouting;
import com.partnerflow.LoopbackHttp;

/**
 * Workload 2, the REST API under concurrency: 1, 4 and 16 HTTP clients on loopback, each driving whole transfers
 * as the people do (the new partner submits over {@code /api/transfers} with the client's letter, vendor staff
 * forward the letter, the current partner agrees, both over {@code /engine-rest}). Every call is timed; any
 * non-2xx answer is an error. Each level runs for a fixed time after one warm-up; clients take prepared
 * transfers (a subscriber served by another partner, without an open transfer) from a pool.
 * <p>
 * The same clients drive the same transfers against the bare Camunda application ({@link BareRestApp}: the same
 * model with no-op steps, {@link BaselineModels}; the same users, groups and passwords; HTTP Basic and the engine's
 * authorizations): the submit is the engine REST API's start of {@code subscriber-transfer-bare} with the letter's
 * fields and the letter as a file variable, the tasks are queried and completed with the same calls, and the
 * closing read is the historic process instance. The two applications run one after the other at each level,
 * which one first alternating, both with their own JVM on the same machine (the clients are in this one).
 * <p>
 * Then, with one client, each side's calls are profiled: the CPU the server's HTTP threads spent on each call
 * ({@link RequestThreads}, load-independent) and JFR execution samples per call type ({@link CallProfile}).
 */
class RestWorkload {

    /** The numbers of clients ({@code -Dbench.rest.levels=1,4,16}; empty: only the one-client profile, for measuring a fix). */
    private static final int[] LEVELS = java.util.Arrays.stream(System.getProperty("bench.rest.levels", "1,4,16").split(","))
            .map(String::strip).filter(level -> !level.isEmpty()).mapToInt(Integer::parseInt).toArray();
    /** Vendor staff users, one per client. */
    private static final int REVIEWERS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration LEVEL = Duration.ofSeconds(12);
    /** One client, each side: the CPU per call and the JFR profile over this many transfers ({@code -Dbench.rest.profile-transfers}). */
    private static final int PROFILE = Integer.getInteger("bench.rest.profile-transfers", 100);
    /** Transfers of one client before the profile, so that its calls run compiled code ({@code -Dbench.rest.profile-warm-up}). */
    private static final int PROFILE_WARM_UP = Integer.getInteger("bench.rest.profile-warm-up", 50);
    /**
     * {@code -Dbench.rest.bare=false}: the application alone (no levels against the bare engine, no bare profile), for
     * measuring a fix's CPU per call quickly.
     */
    private static final boolean BARE = Boolean.parseBoolean(System.getProperty("bench.rest.bare", "true"));
    private static final int PARTNERS = 8;
    /** Prepared transfers per level at least: a subscriber costs a millisecond, running out spoils the level. */
    private static final int MIN_POOL = 300;
    private static final int ERRORS_SHOWN = 5;
    private static final double TARGET = 0.8;
    private static final String BARE_KEY = BaselineModels.bare(TransferProcess.KEY);
    private static final String REASON = "Клиент переходит на обслуживание к нам";

    private final TestData data;
    private final ManagementService management;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final Map<String, String> literals;
    private final int port;
    private final List<Party> partners = new ArrayList<>();
    private final List<String> vendorStaff = new ArrayList<>();

    /** A partner and one of its employees. */
    private record Party(Partner partner, String user) {
    }

    /** A transfer to make: the subscriber, a user of its current partner and a user of the partner taking it over. */
    private record Case(Subscriber subscriber, String currentUser, String newUser) {
    }

    RestWorkload(TestData data, ManagementService management, IdentityService identity, PlatformTransactionManager transactionManager,
                 Environment environment, TransferRouting transferRouting) {
        this.data = data;
        this.management = management;
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactionManager);
        // what the transfer model's bean expressions become in its baseline, as in the overhead workload
        this.literals = Map.of(
                "${transferRouting.partnerAnswerTimeout()}", transferRouting.partnerAnswerTimeout(),
                "${transferRouting.correctionTimeout()}", transferRouting.correctionTimeout(),
                "${transferRouting.partnerAnswerReminder(execution)}", "2099-01-01T00:00:00",
                "${transferRouting.correctionReminder(execution)}", "2099-01-01T00:00:00");
        this.port = environment.getRequiredProperty("local.server.port", Integer.class);
    }

    void run(Results results) throws Exception {
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < PARTNERS; i++) {
                Partner partner = data.partner();
                partners.add(new Party(partner, data.partnerUser(partner)));
            }
            for (int i = 0; i < REVIEWERS; i++) {
                vendorStaff.add(data.user(Groups.VENDOR_STAFF));
            }
        });
        BareRestApp bareApp = BARE ? BareRestApp.launch() : null;
        try {
            Side<?> app = new AppSide();
            Side<?> bare = null;
            if (bareApp != null) {
                setUp(bareApp);
                bare = new BareSide(bareApp);
                System.out.printf(Locale.ROOT, "REST: bare application launched and set up in %.0f s%n", (System.nanoTime() - start) / 1e9);
            }
            List<Side<?>> sides = bare == null ? List.of(app) : List.of(app, bare);
            double transfersPerSecond = 0;
            for (Side<?> side : sides) {
                Level warmUp = runLevel(side, 4, WARM_UP, 200, null);
                transfersPerSecond = Math.max(transfersPerSecond, warmUp.transfers.get() / warmUp.seconds);
                System.out.printf(Locale.ROOT, "REST warm-up, %s: %d transfers in %.1f s (%.1f/s), not counted%n", side.name,
                        warmUp.transfers.get(), warmUp.seconds, warmUp.transfers.get() / warmUp.seconds);
            }

            List<Map<String, Object>> figures = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            List<List<Object>> ratios = new ArrayList<>();
            for (int i = 0; i < (bare == null ? 0 : LEVELS.length); i++) {
                int clients = LEVELS[i];
                // thrice what the warm-up rate needs, so that clients run out of prepared transfers only on a far faster machine
                int pool = (int) Math.max(MIN_POOL, Math.round(3 * transfersPerSecond * LEVEL.toSeconds()));
                Level appLevel = null;
                Level bareLevel = null;
                // which side goes first alternates, so neither always runs on the other's leftovers (mails, garbage)
                for (Side<?> side : i % 2 == 0 ? List.of(app, bare) : List.of(bare, app)) {
                    Level level = runLevel(side, clients, LEVEL, pool, null);
                    level.printErrors(side.name + " " + clients);
                    if (side == app) {
                        appLevel = level;
                    } else {
                        bareLevel = level;
                    }
                }
                Map<String, Object> figure = appLevel.figures(clients);
                Map<String, Object> bareFigure = bareLevel.figures(clients);
                double throughputRatio = appLevel.all().size() / appLevel.seconds / (bareLevel.all().size() / bareLevel.seconds);
                double p99Ratio = Stats.percentile(appLevel.all(), 99) / Stats.percentile(bareLevel.all(), 99);
                figure.put("bare", bareFigure);
                figure.put("throughput_ratio", Stats.round(throughputRatio, 2));
                figure.put("p99_ratio", Stats.round(p99Ratio, 2));
                figures.add(figure);
                rows.add(appLevel.row(clients));
                ratios.add(List.of(clients, figure.get("throughput_per_s"), bareFigure.get("throughput_per_s"), throughputRatio,
                        throughputRatio >= TARGET ? "yes" : "NO", figure.get("p99_ms"), bareFigure.get("p99_ms"), p99Ratio,
                        appLevel.errors.get() + " / " + bareLevel.errors.get(), bareLevel.row(clients).get(7)));
            }
            awaitMailsSent();
            if (!figures.isEmpty()) {
                results.put("rest", figures, "REST under concurrency (" + LEVEL.toSeconds() + " s per level after a "
                            + WARM_UP.toSeconds() + " s warm-up; one transfer = submit, 2 task queries, 2 completions, 1 read)",
                    List.of("clients", "calls/s", "transfers/s", "p50 ms", "p95 ms", "p99 ms", "errors", "per call: p50/p95/p99 ms (count)"),
                    rows);
            results.print("REST, the application against the bare engine (same clients and calls, interleaved; target: calls/s ratio >= "
                            + TARGET + ")",
                    List.of("clients", "app calls/s", "bare calls/s", "ratio", "met", "app p99 ms", "bare p99 ms", "p99 ratio",
                            "errors app / bare", "bare per call: p50/p95/p99 ms (count)"),
                    ratios);
            }
            profile(results, sides);
        } finally {
            if (bareApp != null) {
                bareApp.close();
            }
        }
        System.out.printf("REST workload took %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * One client per side, after {@link #PROFILE_WARM_UP} transfers, for {@link #PROFILE} transfers: the server threads' CPU per call (mean ms per call type, and per
     * transfer) and the JFR profile per call type, under {@code rest_cpu} and {@code rest_profile}.
     */
    private void profile(Results results, List<Side<?>> sides) throws Exception {
        Map<String, Object> cpu = new LinkedHashMap<>();
        Map<String, Object> profiles = new LinkedHashMap<>();
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        for (Side<?> side : sides) {
            runLevel(side, 1, Duration.ofHours(1), PROFILE_WARM_UP, null);
            Probe probe = new Probe(side.pid, Results.DIRECTORY.resolve("rest-" + side.name + ".jfr"));
            Level level = runLevel(side, 1, Duration.ofHours(1), PROFILE, probe);
            level.printErrors(side.name + " profile");
            Map<String, Object> profile = probe.profile.stop();
            profiles.put(side.name, profile);
            Map<String, Double> mean = probe.meanMillis();
            means.put(side.name, mean);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("transfers", level.transfers.get());
            figures.put("cpu_ms_per_call", mean);
            figures.put("cpu_ms_per_transfer", Stats.round(probe.perTransfer(level.transfers.get()), 1));
            cpu.put(side.name, figures);
            printProfile(results, side.name, profile);
        }
        Set<String> types = new LinkedHashSet<>();
        means.values().forEach(mean -> types.addAll(mean.keySet()));
        List<List<Object>> rows = new ArrayList<>();
        for (String type : types) {
            double appMs = means.get("app").getOrDefault(type, Double.NaN);
            double bareMs = means.getOrDefault("bare", Map.of()).getOrDefault(type, Double.NaN);
            rows.add(List.of(type, appMs, bareMs, appMs / bareMs));
        }
        results.put("rest_cpu", cpu, "REST: CPU of the server's HTTP threads per call, one client, " + PROFILE
                + " transfers per side (mean ms; a transfer's mail job is not in it)", List.of("call", "app ms", "bare ms", "app / bare"), rows);
        results.put("rest_profile", profiles, "REST profile: see target/bench/results.json (rest_profile) and the tables above",
                List.of("recordings"), List.of(List.of(Results.DIRECTORY.resolve("rest-*.jfr").toString())));
    }

    @SuppressWarnings("unchecked")
    private static void printProfile(Results results, String side, Map<String, Object> profile) {
        List<List<Object>> rows = new ArrayList<>();
        ((Map<String, Object>) profile.get("per_call")).forEach((type, figures) -> {
            Map<String, Object> call = (Map<String, Object>) figures;
            rows.add(List.of(type, call.get("samples"), shares((Map<String, Double>) call.get("layers"), 7),
                    shares((Map<String, Double>) call.get("activities"), 7), shares((Map<String, Double>) call.get("self"), 6),
                    shares((Map<String, Double>) call.get("ours"), 6)));
        });
        results.print("REST profile, " + side + ": JFR samples of the HTTP threads per call type (" + profile.get("samples_between_calls")
                + " between calls)", List.of("call", "samples", "layer of the leaf-most non-JDK frame, %",
                "on the stack, % of samples", "leaf-most non-JDK frame, %", "our methods on the stack, %"), rows);
    }

    private static String shares(Map<String, Double> shares, int limit) {
        return String.join("; ", shares.entrySet().stream().limit(limit)
                .map(share -> share.getKey().replaceAll("^(?:[a-z0-9]+\\.)+", "") + " " + share.getValue()).toList());
    }

    /** The bare application: the baseline model, the application's users with their groups and passwords, and grants. */
    private void setUp(BareRestApp bare) throws Exception {
        bare.deploy(BARE_KEY + ".bpmn", BaselineModels.bareXml(TransferProcess.KEY, Set.of("flow_letterForwarded", "flow_partnerAgreed"), literals));
        Map<String, Set<String>> users = new LinkedHashMap<>();
        partners.forEach(party -> users.put(party.user(), groups(party.user())));
        vendorStaff.forEach(user -> users.put(user, groups(user)));
        Set<String> groups = new LinkedHashSet<>();
        users.values().forEach(groups::addAll);
        for (String group : groups) {
            bare.group(group);
        }
        for (Map.Entry<String, Set<String>> user : users.entrySet()) {
            bare.user(user.getKey(), user.getValue());
        }
        // what a partner needs on the bare engine to submit and read its transfers; the tasks come with their candidate groups
        bare.grant(Groups.PARTNERS, Resources.PROCESS_DEFINITION, BARE_KEY, Permissions.CREATE_INSTANCE, Permissions.READ,
                Permissions.READ_HISTORY);
        bare.grant(Groups.PARTNERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    private Set<String> groups(String user) {
        return new LinkedHashSet<>(identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    }

    /** Runs {@code clients} concurrent clients for {@code duration} over {@code pool} prepared transfers. */
    private <C> Level runLevel(Side<C> side, int clients, Duration duration, int pool, Probe probe) throws Exception {
        Queue<C> cases = new ConcurrentLinkedQueue<>(side.prepare(pool));
        Level level = new Level(probe);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                LoopbackHttp http = new LoopbackHttp(side.port);
                String reviewer = vendorStaff.get(client);
                work.add(threads.submit(() -> {
                    C next;
                    while (System.nanoTime() < deadline && (next = cases.poll()) != null) {
                        side.transfer(http, reviewer, next, level);
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
            level.seconds = (System.nanoTime() - start) / 1e9;
            if (cases.isEmpty()) {
                System.out.printf("REST %s %d clients: ran out of prepared transfers after %.1f s%n", side.name, clients, level.seconds);
            }
        } finally {
            threads.shutdown();
        }
        return level;
    }

    /** One application as the clients drive it. */
    private abstract static class Side<C> {
        final String name;
        final int port;
        final long pid;

        Side(String name, int port, long pid) {
            this.name = name;
            this.port = port;
            this.pid = pid;
        }

        abstract List<C> prepare(int count);

        /** One transfer as its three parties drive it; stops at the first failed call. */
        abstract void transfer(LoopbackHttp http, String reviewer, C transfer, Level level) throws Exception;
    }

    /** PartnerFlow: the submit over {@code /api/transfers}, the decisions over {@code /engine-rest}. */
    private final class AppSide extends Side<Case> {

        AppSide() {
            super("app", RestWorkload.this.port, ProcessHandle.current().pid());
        }

        /** Prepared transfers: subscribers of one partner, each to be taken over by the next partner. */
        @Override
        List<Case> prepare(int count) {
            List<Case> cases = new ArrayList<>(count);
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < count; i++) {
                    Party current = partners.get(i % PARTNERS);
                    Party taking = partners.get((i + 1) % PARTNERS);
                    cases.add(new Case(data.subscriber(current.partner()), current.user(), taking.user()));
                }
            });
            return cases;
        }

        @Override
        void transfer(LoopbackHttp http, String reviewer, Case transfer, Level level) throws Exception {
            Map<String, String> letter = Map.of("subscriberNumber", transfer.subscriber().getNumber(),
                    "subscriberName", transfer.subscriber().getName(),
                    TransferProcess.REQUESTED_PARTNER_NAME.name(), TransferApi.REQUESTED_PARTNER_NAME, "reason", REASON,
                    "letterDate", LocalDate.now().minusDays(1).toString());
            LoopbackHttp.Response submitted = level.call("submit", () -> http.postMultipart(transfer.newUser(), "/api/transfers",
                    letter, "letter", "letter.pdf", "application/pdf", TransferApi.PDF));
            if (!submitted.ok()) {
                return;
            }
            long id = submitted.json().get("id").asLong();
            if (!completeTask(http, reviewer, TransferProcess.KEY, String.valueOf(id), TransferProcess.LETTER_DECISION.name(), "FORWARD", level)
                    || !completeTask(http, transfer.currentUser(), TransferProcess.KEY, String.valueOf(id),
                    TransferProcess.PARTNER_ANSWER.name(), "AGREE", level)) {
                return;
            }
            if (level.call("transfer_get", () -> http.get(transfer.newUser(), "/api/transfers/" + id)).ok()) {
                level.transfers.incrementAndGet();
            }
        }
    }

    /**
     * The bare engine: the same letter started over the engine REST API (a business key of our own, the letter as a
     * stored file variable: the engine keeps it as the application keeps its document), the same task calls, and the
     * historic process instance as the closing read.
     */
    private final class BareSide extends Side<Case> {

        private final AtomicInteger numbers = new AtomicInteger();

        BareSide(BareRestApp bare) {
            super("bare", bare.port(), bare.pid());
        }

        /** The same users as the application's; the subscribers exist only as the letter's fields. */
        @Override
        List<Case> prepare(int count) {
            List<Case> cases = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String number = String.valueOf(9_000_000 + numbers.incrementAndGet());
                Subscriber subscriber = new Subscriber(number, "ООО «Клиент " + number + "»", "7707083893",
                        com.partnerflow.subscriber.SubscriberStatus.ACTIVE, partners.get(i % PARTNERS).partner(), Instant.now());
                cases.add(new Case(subscriber, partners.get(i % PARTNERS).user(), partners.get((i + 1) % PARTNERS).user()));
            }
            return cases;
        }

        @Override
        void transfer(LoopbackHttp http, String reviewer, Case transfer, Level level) throws Exception {
            String businessKey = "b" + transfer.subscriber().getNumber();
            Map<String, Object> variables = Map.of("subscriberNumber", TransferApi.string(transfer.subscriber().getNumber()),
                    "subscriberName", TransferApi.string(transfer.subscriber().getName()),
                    TransferProcess.REQUESTED_PARTNER_NAME.name(), TransferApi.string(TransferApi.REQUESTED_PARTNER_NAME),
                    "reason", TransferApi.string(REASON),
                    "letterDate", TransferApi.string(LocalDate.now().minusDays(1).toString()),
                    "letter", Map.of("value", Base64.getEncoder().encodeToString(TransferApi.PDF), "type", "File",
                            "valueInfo", Map.of("filename", "letter.pdf", "mimeType", "application/pdf")));
            LoopbackHttp.Response started = level.call("submit", () -> http.postJson(transfer.newUser(),
                    "/engine-rest/process-definition/key/" + BARE_KEY + "/start", Map.of("businessKey", businessKey, "variables", variables)));
            if (!started.ok()) {
                return;
            }
            String id = started.json().get("id").asText();
            if (!completeTask(http, reviewer, BARE_KEY, businessKey, TransferProcess.LETTER_DECISION.name(), "FORWARD", level)
                    || !completeTask(http, transfer.currentUser(), BARE_KEY, businessKey, TransferProcess.PARTNER_ANSWER.name(), "AGREE", level)) {
                return;
            }
            if (level.call("transfer_get", () -> http.get(transfer.newUser(), "/engine-rest/history/process-instance/" + id)).ok()) {
                level.transfers.incrementAndGet();
            }
        }
    }

    /** Finds the transfer's open task as {@code user} sees it, as Tasklist would, and completes it with a decision. */
    private static boolean completeTask(LoopbackHttp http, String user, String processKey, String businessKey, String variable,
                                        String value, Level level) throws Exception {
        LoopbackHttp.Response found = level.call("task_query", () -> http.get(user, "/engine-rest/task?processDefinitionKey="
                + processKey + "&processInstanceBusinessKey=" + businessKey + "&maxResults=10"));
        if (!found.ok()) {
            return false;
        }
        JsonNode tasks = found.json();
        if (tasks.isEmpty()) {
            level.error("task_query", "no open task of transfer " + businessKey + " for " + user + ": " + found.body());
            return false;
        }
        String taskId = tasks.get(0).get("id").asText();
        return level.call("task_complete", () -> http.postJson(user, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of(variable, TransferApi.string(value))))).ok();
    }

    /** The agreed transfers' mails are sent by the job executor; the next workload starts on a quiet engine. */
    private void awaitMailsSent() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> management.createJobQuery().processDefinitionKey(TransferProcess.KEY).executable().count() == 0);
    }

    /** An HTTP call to time. */
    private interface HttpCall {
        LoopbackHttp.Response send() throws Exception;
    }

    /** With one client: each call's CPU on the server's HTTP threads, and its window for the JFR samples. */
    private static final class Probe {
        final RequestThreads threads;
        final CallProfile profile;
        final Map<String, List<Double>> cpuMillis = new LinkedHashMap<>();

        Probe(long pid, Path recording) throws Exception {
            this.threads = new RequestThreads(pid);
            this.profile = CallProfile.start(pid, recording);
        }

        Map<String, Double> meanMillis() {
            Map<String, Double> means = new LinkedHashMap<>();
            cpuMillis.keySet().stream().sorted().forEach(call -> means.put(call,
                    Stats.round(cpuMillis.get(call).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), 2)));
            return means;
        }

        double perTransfer(int transfers) {
            return cpuMillis.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sum() / transfers;
        }
    }

    /** The calls of one level: latencies per call type, errors with their first bodies. */
    private static final class Level {
        final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger transfers = new AtomicInteger();
        final List<String> firstErrors = new CopyOnWriteArrayList<>();
        final Probe probe;
        double seconds;

        Level(Probe probe) {
            this.probe = probe;
        }

        /** Makes the call and records it; with a probe (one client), also its CPU and its window. */
        LoopbackHttp.Response call(String type, HttpCall call) throws Exception {
            if (probe == null) {
                return record(type, send(call));
            }
            double cpuBefore = probe.threads.cpuNanos();
            Instant start = Instant.now();
            LoopbackHttp.Response response = send(call);
            Instant end = Instant.now();
            double cpu = (probe.threads.cpuNanos() - cpuBefore) / 1e6;
            probe.profile.call(type, start, end);
            if (response.ok() && cpu >= 0) {
                probe.cpuMillis.computeIfAbsent(type, key -> new ArrayList<>()).add(cpu);
            }
            return record(type, response);
        }

        /** A call that timed out (after 60 s) or lost its connection is an error of the level, not the end of the run. */
        private static LoopbackHttp.Response send(HttpCall call) throws Exception {
            long start = System.nanoTime();
            try {
                return call.send();
            } catch (java.io.IOException broken) {
                return new LoopbackHttp.Response(599, broken.toString(), (System.nanoTime() - start) / 1e6);
            }
        }

        private LoopbackHttp.Response record(String call, LoopbackHttp.Response response) {
            if (response.ok()) {
                millis.computeIfAbsent(call, key -> new CopyOnWriteArrayList<>()).add(response.millis());
            } else {
                error(call, response.status() + " " + response.body());
            }
            return response;
        }

        void error(String call, String what) {
            if (errors.incrementAndGet() <= ERRORS_SHOWN) {
                firstErrors.add(call + ": " + what);
            }
        }

        List<Double> all() {
            return millis.values().stream().flatMap(List::stream).toList();
        }

        Map<String, Object> figures(int clients) {
            List<Double> all = all();
            Map<String, Object> perCall = new LinkedHashMap<>();
            millis.keySet().stream().sorted().forEach(call -> {
                List<Double> values = millis.get(call);
                perCall.put(call, Map.of("count", values.size(), "p50_ms", ms(Stats.median(values)),
                        "p95_ms", ms(Stats.percentile(values, 95)), "p99_ms", ms(Stats.percentile(values, 99))));
            });
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("clients", clients);
            figures.put("throughput_per_s", Stats.round(all.size() / seconds, 1));
            figures.put("p50_ms", ms(Stats.median(all)));
            figures.put("p95_ms", ms(Stats.percentile(all, 95)));
            figures.put("p99_ms", ms(Stats.percentile(all, 99)));
            figures.put("errors", errors.get());
            figures.put("calls", all.size());
            figures.put("transfers", transfers.get());
            figures.put("transfers_per_s", Stats.round(transfers.get() / seconds, 2));
            figures.put("seconds", Stats.round(seconds, 1));
            figures.put("per_call", perCall);
            return figures;
        }

        List<Object> row(int clients) {
            List<Double> all = all();
            String perCall = String.join("; ", millis.keySet().stream().sorted().map(call -> {
                List<Double> values = millis.get(call);
                return String.format(java.util.Locale.ROOT, "%s %.0f/%.0f/%.0f (%d)", call, Stats.median(values),
                        Stats.percentile(values, 95), Stats.percentile(values, 99), values.size());
            }).toList());
            return List.of(clients, all.size() / seconds, transfers.get() / seconds, Stats.median(all),
                    Stats.percentile(all, 95), Stats.percentile(all, 99), errors.get(), perCall);
        }

        void printErrors(String what) {
            firstErrors.forEach(error -> System.out.println("REST " + what + " clients, error: " + error));
        }

        private static double ms(double value) {
            return Stats.round(value, 1);
        }
    }
}
