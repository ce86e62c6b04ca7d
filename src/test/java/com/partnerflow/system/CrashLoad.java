package com.partnerflow.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;
import com.partnerflow.LoopbackHttp;

/**
 * The load of the crash test: client threads driving the demo data over {@code /api} and {@code /engine-rest} as the
 * demo users do, and the ledger of what the application acknowledged (a 2xx answer) and what was on the wire when it
 * died. Three transfer chains move the free subscribers 1001, 1003 and 1005 round the partners ALFA → BETA → GAMMA
 * (one open transfer per subscriber, so each chain is sequential): approved, rejected at the letter check, or objected
 * and approved by vendor staff. The two certified demo partners (ALFA, BETA; GAMMA is not certified) each send new
 * configurations to moderation, which the moderator approves, rejects or returns for changes. Every task completion is acknowledged by its 204.
 */
final class CrashLoad {

    static final String TRANSFER = TransferProcess.KEY;
    static final String MODERATION = ConfigurationModerationProcess.KEY;

    /** The demo partners in the order a subscriber moves round them, with one employee each. */
    private static final List<String> PARTNERS = List.of("ALFA", "BETA", "GAMMA");
    private static final Map<String, String> EMPLOYEE = Map.of("ALFA", "anna", "BETA", "boris", "GAMMA", "gleb");
    /** Only certified partners send configurations to moderation (seed 000). */
    private static final List<String> CERTIFIED = List.of("ALFA", "BETA");
    private static final String VENDOR_STAFF = "vera";
    private static final String MODERATOR = "marina";

    /** A process request the API acknowledged: its domain resource and the business key of its instance. */
    record Submitted(String processKey, long businessKey, String resource) {
    }

    /** A task completion the API acknowledged with 204. */
    record Completed(String taskId, String processKey, long businessKey, String taskDefinitionKey, String decision) {
    }

    /** A write that was sent and never answered because the application died: it may or may not have committed. */
    record InFlight(String what, String taskId, String subscriberNumber, Long configurationId) {
    }

    private final int port;
    private final Queue<Submitted> submitted = new ConcurrentLinkedQueue<>();
    private final Queue<Completed> completed = new ConcurrentLinkedQueue<>();
    private final Queue<String> created = new ConcurrentLinkedQueue<>();
    private final Queue<InFlight> interrupted = new ConcurrentLinkedQueue<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final Set<InFlight> onTheWire = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile long lastAcknowledgedAt = System.nanoTime();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Future<?>> clients = new ArrayList<>();
    private volatile boolean stopping;

    CrashLoad(int port) {
        this.port = port;
    }

    void start() {
        clients.add(threads.submit(() -> run(() -> transfers("1001", "ООО «Ромашка»", "ALFA"))));
        clients.add(threads.submit(() -> run(() -> transfers("1003", "ООО «Вектор»", "BETA"))));
        clients.add(threads.submit(() -> run(() -> transfers("1005", "ООО «Лотос»", "GAMMA"))));
        for (String partner : CERTIFIED) {
            clients.add(threads.submit(() -> run(() -> moderations(EMPLOYEE.get(partner)))));
        }
    }

    /** Every 2xx write so far: submissions, task completions, new accounts and configurations. */
    int acknowledged() {
        return acknowledged.get();
    }

    /** How long ago the last write was acknowledged. */
    Duration sinceLastAcknowledgement() {
        return Duration.ofNanos(System.nanoTime() - lastAcknowledgedAt);
    }

    /** How many writes are on the wire right now. */
    int inFlightNow() {
        return onTheWire.size();
    }

    /** After the kill: no new calls; waits for every client to see its broken connection. */
    void stop() throws Exception {
        stopping = true;
        for (Future<?> client : clients) {
            client.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();
    }

    List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    List<Completed> completed() {
        return List.copyOf(completed);
    }

    /** The acknowledged writes that start no process: configuration accounts and configurations, as API paths. */
    List<String> created() {
        return List.copyOf(created);
    }

    List<InFlight> interrupted() {
        return List.copyOf(interrupted);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    // ---- the clients ----

    /** One subscriber's transfers, one after another, round the partners. */
    private void transfers(String number, String name, String firstHolder) throws Stopped {
        String holder = firstHolder;
        HttpUser vendor = new HttpUser(port, VENDOR_STAFF);
        for (int round = 0; !stopping; round++) {
            String taker = PARTNERS.get((PARTNERS.indexOf(holder) + 1) % PARTNERS.size());
            HttpUser submitter = new HttpUser(port, EMPLOYEE.get(taker));
            HttpUser current = new HttpUser(port, EMPLOYEE.get(holder));
            Map<String, String> letter = new LinkedHashMap<>();
            letter.put("subscriberNumber", number);
            letter.put("subscriberName", name);
            letter.put(TransferProcess.REQUESTED_PARTNER_NAME.name(), TransferApi.REQUESTED_PARTNER_NAME);
            letter.put("reason", "Клиент переходит на обслуживание к партнеру " + taker + ", раунд " + round);
            letter.put("letterDate", LocalDate.now().minusDays(1).toString());
            JsonNode transfer = write(new InFlight("transfer submission for " + number + " by " + taker, null, number, null),
                    "submit a transfer of " + number,
                    () -> submitter.postMultipart("/api/transfers", letter, "letter", "письмо.pdf", "application/pdf", TransferApi.PDF));
            long id = transfer.get("id").asLong();
            submitted.add(new Submitted(TRANSFER, id, "/api/transfers/" + id));
            switch (round % 4) {
                case 2 -> complete(vendor, TRANSFER, id, TransferProcess.Elements.REVIEW_LETTER, "REJECT",
                        Map.of(TransferProcess.LETTER_DECISION.name(), TransferApi.string("REJECT"),
                                TransferProcess.LETTER_COMMENT.name(), TransferApi.string("Письмо без подписи, раунд " + round)));
                case 3 -> {
                    complete(vendor, TRANSFER, id, TransferProcess.Elements.REVIEW_LETTER, "FORWARD",
                            Map.of(TransferProcess.LETTER_DECISION.name(), TransferApi.string("FORWARD")));
                    complete(current, TRANSFER, id, TransferProcess.Elements.PARTNER_AGREEMENT, "OBJECT",
                            Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("OBJECT"),
                                    TransferProcess.PARTNER_COMMENT.name(), TransferApi.string("Есть задолженность, раунд " + round)));
                    complete(vendor, TRANSFER, id, TransferProcess.Elements.VENDOR_DECISION, "APPROVE",
                            Map.of(TransferProcess.VENDOR_DECISION.name(), TransferApi.string("APPROVE")));
                    holder = taker;
                }
                default -> {
                    complete(vendor, TRANSFER, id, TransferProcess.Elements.REVIEW_LETTER, "FORWARD",
                            Map.of(TransferProcess.LETTER_DECISION.name(), TransferApi.string("FORWARD")));
                    complete(current, TRANSFER, id, TransferProcess.Elements.PARTNER_AGREEMENT, "AGREE",
                            Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("AGREE")));
                    holder = taker;
                }
            }
        }
    }

    /** A partner's configurations, each in its own moderation: approved, approved, rejected, returned for changes. */
    private void moderations(String user) throws Stopped {
        HttpUser partner = new HttpUser(port, user);
        HttpUser moderator = new HttpUser(port, MODERATOR);
        long account = write(new InFlight("configuration account of " + user, null, null, null), "create an account",
                () -> partner.postJson("/api/configuration-accounts", Map.of("name", "Нагрузочный аккаунт " + user))).get("id").asLong();
        created.add("/api/configuration-accounts/" + account);
        for (int round = 0; !stopping; round++) {
            String title = "Конфигурация " + user + " № " + round;
            long configuration = write(new InFlight("configuration «" + title + "»", null, null, null), "create " + title,
                    () -> partner.postJson("/api/configuration-accounts/" + account + "/configurations", configuration(title))).get("id").asLong();
            created.add("/api/configurations/" + configuration);
            JsonNode sent = write(new InFlight("moderation of configuration " + configuration, null, null, configuration),
                    "send " + title, () -> partner.post("/api/configurations/" + configuration + "/moderation"));
            long moderation = sent.get("moderation").get("id").asLong();
            submitted.add(new Submitted(MODERATION, moderation, "/api/configurations/" + configuration));
            String decision = switch (round % 4) {
                case 2 -> "REJECT";
                case 3 -> "REQUEST_CHANGES";
                default -> "APPROVE";
            };
            complete(moderator, MODERATION, moderation, ConfigurationModerationProcess.Elements.REVIEW, decision,
                    Map.of(ConfigurationModerationProcess.REVIEW_DECISION.name(), TransferApi.string(decision),
                            ConfigurationModerationProcess.REVIEW_COMMENT.name(), TransferApi.string("Замечание к «" + title + "»")));
        }
    }

    private static Map<String, Object> configuration(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("shortDescription", "Прием заявок, назначение исполнителей и контроль сроков.");
        body.put("fullDescription", "Готовые процессы и справочники для сервисной службы; настройка за один день.");
        body.put("category", "SERVICE");
        body.put("industry", "SERVICES");
        body.put("links", List.of("https://partnerflow.example/screenshots/service-1.png"));
        body.put("free", false);
        body.put("price", new BigDecimal("4900"));
        body.put("supportContact", "support@partners.example");
        body.put("entities", List.of(Map.of("kind", "PROCESS", "name", "Обработка заявок"),
                Map.of("kind", "DIRECTORY", "name", "Клиенты")));
        return body;
    }

    /** Finds the instance's open task as {@code user} sees it (as Tasklist would) and completes it. */
    private void complete(HttpUser user, String processKey, long businessKey, String taskDefinitionKey, String decision,
                          Map<String, Object> variables) throws Stopped {
        JsonNode tasks = read("find task " + taskDefinitionKey + " of " + processKey + " " + businessKey,
                () -> user.get("/engine-rest/task?processDefinitionKey=" + processKey + "&processInstanceBusinessKey="
                        + businessKey + "&taskDefinitionKey=" + taskDefinitionKey + "&maxResults=10"));
        if (tasks.size() != 1) {
            throw error("expected one open task " + taskDefinitionKey + " of " + processKey + " " + businessKey + " for "
                    + user.name() + ", found " + tasks);
        }
        String taskId = tasks.get(0).get("id").asText();
        write(new InFlight("completion of task " + taskDefinitionKey + " of " + processKey + " " + businessKey + " (" + decision + ")",
                taskId, null, null), "complete task " + taskId,
                () -> user.postJson("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables)));
        completed.add(new Completed(taskId, processKey, businessKey, taskDefinitionKey, decision));
    }

    // ---- plumbing ----

    private interface Call {
        LoopbackHttp.Response send() throws IOException, InterruptedException;
    }

    private interface Client {
        void run() throws Stopped;
    }

    /** The application is gone (or the client found an error): the client ends. */
    private static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private void run(Client client) {
        try {
            client.run();
        } catch (Stopped stopped) {
            // the kill, or an error already recorded
        } catch (RuntimeException unexpected) {
            errors.add(unexpected.toString());
        }
    }

    /**
     * A write: on the wire until it is answered. A 2xx counts as acknowledged; any other status is an error of the
     * load. A broken connection after the request was sent means the kill caught it in flight; a refused connection
     * means it never reached the application.
     */
    private JsonNode write(InFlight call, String what, Call send) throws Stopped {
        if (stopping) {
            throw new Stopped();
        }
        onTheWire.add(call);
        LoopbackHttp.Response response;
        try {
            response = send.send();
        } catch (ConnectException refused) {
            onTheWire.remove(call);
            throw new Stopped();
        } catch (IOException broken) {
            onTheWire.remove(call);
            interrupted.add(call);
            throw new Stopped();
        } catch (InterruptedException interruptedWait) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        onTheWire.remove(call);
        if (!response.ok()) {
            throw error(what + ": " + response.status() + " " + response.body());
        }
        acknowledged.incrementAndGet();
        lastAcknowledgedAt = System.nanoTime();
        return response.body().isEmpty() ? LoopbackHttp.JSON.nullNode() : response.json();
    }

    private JsonNode read(String what, Call send) throws Stopped {
        if (stopping) {
            throw new Stopped();
        }
        try {
            LoopbackHttp.Response response = send.send();
            if (!response.ok()) {
                throw error(what + ": " + response.status() + " " + response.body());
            }
            return response.json();
        } catch (IOException gone) {
            throw new Stopped();
        } catch (InterruptedException interruptedWait) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private Stopped error(String what) {
        if (!stopping) {
            errors.add(what);
        }
        return new Stopped();
    }
}
