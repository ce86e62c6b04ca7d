package com.partnerflow.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

import org.camunda.bpm.engine.ManagementService;
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
import com.partnerflow.LoopbackHttp;

/**
 * Workload 2, the REST API under concurrency: 1, 4 and 16 HTTP clients on loopback, each driving whole transfers
 * as the people do (the new partner submits over {@code /api/transfers} with the client's letter, vendor staff
 * forward the letter, the current partner agrees, both over {@code /engine-rest}). Every call is timed; any
 * non-2xx answer is an error. Each level runs for a fixed time after one warm-up; clients take prepared
 * transfers (a subscriber served by another partner, without an open transfer) from a pool.
 */
class RestWorkload {

    private static final int[] LEVELS = {1, 4, 16};
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration LEVEL = Duration.ofSeconds(12);
    private static final int PARTNERS = 8;
    /** Prepared transfers per level at least: a subscriber costs a millisecond, running out spoils the level. */
    private static final int MIN_POOL = 300;
    private static final int ERRORS_SHOWN = 5;

    private final TestData data;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final int port;
    private final List<Party> partners = new ArrayList<>();
    private final List<String> vendorStaff = new ArrayList<>();

    /** A partner and one of its employees. */
    private record Party(Partner partner, String user) {
    }

    /** A transfer to make: the subscriber, a user of its current partner and a user of the partner taking it over. */
    private record Case(Subscriber subscriber, String currentUser, String newUser) {
    }

    RestWorkload(TestData data, ManagementService management, PlatformTransactionManager transactionManager,
                 Environment environment) {
        this.data = data;
        this.management = management;
        this.transaction = new TransactionTemplate(transactionManager);
        this.port = environment.getRequiredProperty("local.server.port", Integer.class);
    }

    void run(Results results) throws Exception {
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < PARTNERS; i++) {
                Partner partner = data.partner();
                partners.add(new Party(partner, data.partnerUser(partner)));
            }
            for (int i = 0; i < LEVELS[LEVELS.length - 1]; i++) {
                vendorStaff.add(data.user(Groups.VENDOR_STAFF));
            }
        });

        Level warmUp = runLevel(4, WARM_UP, 200);
        double transfersPerSecond = warmUp.transfers.get() / warmUp.seconds;
        System.out.printf("REST warm-up: %d transfers in %.1f s (%.1f/s), not counted%n",
                warmUp.transfers.get(), warmUp.seconds, transfersPerSecond);

        List<Map<String, Object>> figures = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int clients : LEVELS) {
            // thrice what the warm-up rate needs, so that clients run out of prepared transfers only on a far faster machine
            int pool = (int) Math.max(MIN_POOL, Math.round(3 * transfersPerSecond * LEVEL.toSeconds()));
            Level level = runLevel(clients, LEVEL, pool);
            figures.add(level.figures(clients));
            rows.add(level.row(clients));
            level.printErrors(clients);
        }
        awaitMailsSent();
        results.put("rest", figures, "REST under concurrency (" + LEVEL.toSeconds() + " s per level after a "
                        + WARM_UP.toSeconds() + " s warm-up; one transfer = submit, 2 task queries, 2 completions, 1 read)",
                List.of("clients", "calls/s", "transfers/s", "p50 ms", "p95 ms", "p99 ms", "errors", "per call: p50/p95/p99 ms (count)"),
                rows);
        System.out.printf("REST workload took %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Runs {@code clients} concurrent clients for {@code duration} over {@code pool} prepared transfers. */
    private Level runLevel(int clients, Duration duration, int pool) throws Exception {
        Queue<Case> cases = new ConcurrentLinkedQueue<>(prepare(pool));
        Level level = new Level();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                LoopbackHttp http = new LoopbackHttp(port);
                String reviewer = vendorStaff.get(client);
                work.add(threads.submit(() -> {
                    Case next;
                    while (System.nanoTime() < deadline && (next = cases.poll()) != null) {
                        transfer(http, reviewer, next, level);
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
            level.seconds = (System.nanoTime() - start) / 1e9;
            if (cases.isEmpty()) {
                System.out.printf("REST %d clients: ran out of prepared transfers after %.1f s%n", clients, level.seconds);
            }
        } finally {
            threads.shutdown();
        }
        return level;
    }

    /** One transfer as its three parties drive it; stops at the first failed call. */
    private void transfer(LoopbackHttp http, String reviewer, Case transfer, Level level) throws Exception {
        Map<String, String> letter = Map.of("subscriberNumber", transfer.subscriber().getNumber(),
                "subscriberName", transfer.subscriber().getName(),
                TransferProcess.REQUESTED_PARTNER_NAME.name(), TransferApi.REQUESTED_PARTNER_NAME, "reason", "Клиент переходит на обслуживание к нам",
                "letterDate", LocalDate.now().minusDays(1).toString());
        LoopbackHttp.Response submitted = level.record("submit", http.postMultipart(transfer.newUser(), "/api/transfers",
                letter, "letter", "letter.pdf", "application/pdf", TransferApi.PDF));
        if (!submitted.ok()) {
            return;
        }
        long id = submitted.json().get("id").asLong();
        if (!completeTask(http, reviewer, id, TransferProcess.LETTER_DECISION.name(), "FORWARD", level)
                || !completeTask(http, transfer.currentUser(), id, TransferProcess.PARTNER_ANSWER.name(), "AGREE", level)) {
            return;
        }
        if (level.record("transfer_get", http.get(transfer.newUser(), "/api/transfers/" + id)).ok()) {
            level.transfers.incrementAndGet();
        }
    }

    /** Finds the transfer's open task as {@code user} sees it, as Tasklist would, and completes it with a decision. */
    private boolean completeTask(LoopbackHttp http, String user, long transferId, String variable, String value, Level level)
            throws Exception {
        LoopbackHttp.Response found = level.record("task_query", http.get(user, "/engine-rest/task?processDefinitionKey="
                + TransferProcess.KEY + "&processInstanceBusinessKey=" + transferId + "&maxResults=10"));
        if (!found.ok()) {
            return false;
        }
        JsonNode tasks = found.json();
        if (tasks.isEmpty()) {
            level.error("task_query", "no open task of transfer " + transferId + " for " + user + ": " + found.body());
            return false;
        }
        String taskId = tasks.get(0).get("id").asText();
        return level.record("task_complete", http.postJson(user, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of(variable, TransferApi.string(value))))).ok();
    }

    /** Prepared transfers: subscribers of one partner, each to be taken over by the next partner. */
    private List<Case> prepare(int count) {
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

    /** The agreed transfers' mails are sent by the job executor; the next workload starts on a quiet engine. */
    private void awaitMailsSent() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> management.createJobQuery().processDefinitionKey(TransferProcess.KEY).executable().count() == 0);
    }

    /** The calls of one level: latencies per call type, errors with their first bodies. */
    private static final class Level {
        final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger transfers = new AtomicInteger();
        final List<String> firstErrors = new CopyOnWriteArrayList<>();
        double seconds;

        LoopbackHttp.Response record(String call, LoopbackHttp.Response response) {
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

        void printErrors(int clients) {
            firstErrors.forEach(error -> System.out.println("REST " + clients + " clients, error: " + error));
        }

        private static double ms(double value) {
            return Stats.round(value, 1);
        }
    }
}
