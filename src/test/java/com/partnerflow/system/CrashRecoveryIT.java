package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.partnerflow.PackagedApplication;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.transfer.TransferProcess;

/**
 * Kills the packaged application with SIGKILL in the middle of a load and checks what it finds after a restart on the
 * same H2 file: every request the API acknowledged is there, its process is where its domain status says, nothing was
 * done twice and nothing half-done is visible.
 *
 * <p>The application runs as {@code java -jar} with its own defaults, in the working directory
 * {@code target/crash-recovery/}, so its database is the default {@code ./data/partnerflow} H2 file there. Two
 * settings differ, both for the test's sake: mail goes to a GreenMail server in this JVM, and the job lock is 20 s
 * instead of Camunda's 5 minutes — jobs the killed process had locked stay locked until then, so in production the
 * async steps it was running resume up to 5 minutes after the restart. 20 s is still far longer than any job here
 * takes (a mail to a local server), so no job runs twice because its lock expired.
 *
 * <p>Mail is at least once, not exactly once. {@code NotificationService} sends a mail and marks it sent in one
 * transaction of its own, right after the SMTP server accepted it. A kill after the acceptance and before the commit
 * leaves the mail pending, and it is sent again after the restart. That window is one mail per job thread (5 at
 * most), so the test allows that many extra copies, each of a mail that had arrived before the kill, and nothing
 * else: no outbox entry twice, no pending entry after the restart, no mail that is not in the outbox.
 */
class CrashRecoveryIT {

    private static final Map<String, Integer> DEMO_CLIENT_USERS = Map.of("1001", 1, "1003", 1);
    private static final Path DIRECTORY = Path.of("target", "crash-recovery");
    /** Kill after this many acknowledged writes: enough for every client to be well into its rounds. */
    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 80;
    /**
     * ... and right after one: the newest acknowledgements are the ones a database that defers writing its commits
     * (H2 does by default, see application.yaml) would lose.
     */
    private static final Duration JUST_ACKNOWLEDGED = Duration.ofMillis(100);
    private static final int JOB_THREADS = 5;
    private static final Duration STARTUP = Duration.ofMinutes(6);

    private static final Map<String, String> TRANSFER_PLACES = Map.of(
            "LETTER_REVIEW", "task:" + TransferProcess.Elements.REVIEW_LETTER,
            "RETURNED_FOR_CORRECTION", "task:" + TransferProcess.Elements.CORRECT_REQUEST,
            "AWAITING_CURRENT_PARTNER", "task:" + TransferProcess.Elements.PARTNER_AGREEMENT,
            "VENDOR_DECISION", "task:" + TransferProcess.Elements.VENDOR_DECISION,
            "APPROVED", "end:" + TransferProcess.Elements.END_TRANSFERRED,
            "REJECTED", "end:" + TransferProcess.Elements.END_REJECTED);
    private static final Map<String, String> MODERATION_PLACES = Map.of(
            "IN_MODERATION", "task:" + ConfigurationModerationProcess.Elements.REVIEW,
            "CHANGES_REQUESTED", "task:" + ConfigurationModerationProcess.Elements.REVISE,
            "PUBLISHED", "end:" + ConfigurationModerationProcess.Elements.END_PUBLISHED,
            "REJECTED", "end:" + ConfigurationModerationProcess.Elements.END_REJECTED,
            "WITHDRAWN", "end:" + ConfigurationModerationProcess.Elements.END_WITHDRAWN);

    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<PackagedApplication> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (PackagedApplication application : started) {
            if (application.isAlive()) {
                application.kill();
            }
        }
        mail.stop();
    }

    @Test
    void everyAcknowledgedRequestSurvivesASigkillWholeAndExactlyOnce() throws Exception {
        deleteRecursively(DIRECTORY);
        mail.start();

        PackagedApplication first = start();
        EngineView before = new EngineView(first.port());
        Set<Long> demoTransfers = transferIds(before).keySet();
        Set<Long> demoConfigurations = configurations(before).keySet();

        CrashLoad load = new CrashLoad(first.port());
        load.start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> load.acknowledged() >= ACKNOWLEDGEMENTS_BEFORE_KILL && load.inFlightNow() > 0
                        && load.sinceLastAcknowledgement().compareTo(JUST_ACKNOWLEDGED) < 0 || !load.errors().isEmpty());
        assertThat(load.errors()).as("errors of the load before the kill").isEmpty();
        Instant killedAt = Instant.now();
        first.kill();
        Map<String, Integer> mailedBeforeKill = RecoveredDatabase.received(mail.getReceivedMessages());
        int mailsBeforeKill = mailedBeforeKill.values().stream().mapToInt(Integer::intValue).sum();
        load.stop();
        System.out.printf("crash recovery: killed at %s after %d acknowledged writes, %d in flight, %d mails received%n",
                killedAt, load.acknowledged(), load.interrupted().size(), mailsBeforeKill);
        assertThat(load.errors()).as("errors of the load").isEmpty();

        PackagedApplication second = start();
        EngineView engine = new EngineView(second.port());
        // the async steps (mails) the dead process left behind, and those the acknowledged decisions queued
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> engine.asyncJobs() == 0);
        assertThat(engine.incidents()).as("incidents").isZero();

        Map<Long, JsonNode> transfers = transferIds(engine);
        Map<Long, JsonNode> configurations = configurations(engine);

        // every acknowledged request is there, with exactly one instance, where its domain status says
        int found = 0;
        for (CrashLoad.Submitted request : load.submitted()) {
            JsonNode resource = engine.resource(request.resource());
            assertThat(resource).as("acknowledged %s %s", request.processKey(), request.resource()).isNotNull();
            found++;
        }
        for (String resource : load.created()) {
            assertThat(engine.resource(resource)).as("acknowledged %s", resource).isNotNull();
        }

        // every request of either process, acknowledged, in flight or from the demo data: one instance each, in place
        Map<Long, String> transferStatus = new HashMap<>();
        transfers.forEach((id, transfer) -> transferStatus.put(id, transfer.get("status").asText()));
        Map<Long, String> moderationStatus = new HashMap<>();
        configurations.values().stream().filter(c -> c.hasNonNull("moderation"))
                .forEach(c -> moderationStatus.put(c.get("moderation").get("id").asLong(), c.get("status").asText()));
        Map<Long, String> transferInstances = checkOneInstanceEach(engine, CrashLoad.TRANSFER, transferStatus, TRANSFER_PLACES);
        checkOneInstanceEach(engine, CrashLoad.MODERATION, moderationStatus, MODERATION_PLACES);

        // a transfer's history (the domain) and its finished tasks (the engine) tell the same story, each step once
        for (Map.Entry<Long, JsonNode> transfer : transfers.entrySet()) {
            checkHistoryMatchesTasks(engine, transfer.getValue(), transferInstances.get(transfer.getKey()));
        }

        // every acknowledged completion stays done
        for (CrashLoad.Completed completion : load.completed()) {
            assertThat(engine.isOpen(completion.taskId())).as("completed task %s is open again", completion).isFalse();
            JsonNode historic = engine.historicTask(completion.taskId());
            assertThat(historic).as("history of %s", completion).isNotNull();
            assertThat(historic.get("deleteReason").asText()).as("%s", completion).isEqualTo("completed");
        }

        // what was on the wire at the kill: committed whole, or not at all (the checks above cover both)
        Set<Long> ackedTransfers = new HashSet<>();
        Set<Long> ackedModerations = new HashSet<>();
        load.submitted().forEach(s -> (s.processKey().equals(CrashLoad.TRANSFER) ? ackedTransfers : ackedModerations).add(s.businessKey()));
        List<String> committed = new ArrayList<>();
        for (CrashLoad.InFlight call : load.interrupted()) {
            if (committed(call, engine, transfers, configurations, demoTransfers, ackedTransfers)) {
                committed.add(call.what());
            }
        }
        long unacknowledgedTransfers = transfers.keySet().stream()
                .filter(id -> !demoTransfers.contains(id) && !ackedTransfers.contains(id)).count();
        long interruptedSubmissions = load.interrupted().stream().filter(call -> call.subscriberNumber() != null).count();
        assertThat(unacknowledgedTransfers).as("transfers nobody acknowledged: only those in flight at the kill")
                .isLessThanOrEqualTo(interruptedSubmissions);
        long unacknowledgedModerations = moderationStatus.keySet().stream()
                .filter(id -> !ackedModerations.contains(id) && !demoModeration(id, configurations, demoConfigurations)).count();
        long interruptedSendings = load.interrupted().stream().filter(call -> call.configurationId() != null).count();
        assertThat(unacknowledgedModerations).as("moderations nobody acknowledged: only those in flight at the kill")
                .isLessThanOrEqualTo(interruptedSendings);

        second.close();
        RecoveredDatabase outbox = RecoveredDatabase.read(DIRECTORY.resolve("data").resolve("partnerflow"));
        Map<Long, Integer> transferMails = new HashMap<>();
        transfers.forEach((id, transfer) -> transferMails.put(id, outcomeMailsOf(transfer)));
        outbox.checkAgainst(transferStatus, transferMails, moderationStatus);
        RecoveredDatabase.Delivery delivery = outbox.delivery(mail.getReceivedMessages(), mailedBeforeKill);
        assertThat(delivery.notInOutbox()).as("mails that are not in the outbox").isEmpty();
        assertThat(delivery.missing()).as("outbox entries never received").isEmpty();
        assertThat(delivery.resentAfterKill()).as("mails received again after the restart (the kill window)")
                .hasSizeLessThanOrEqualTo(JOB_THREADS);
        assertThat(delivery.duplicatedOtherwise()).as("mails received twice for another reason").isEmpty();

        String summary = String.format("crash recovery: acknowledged %d requests (%d transfers, %d moderations) and %d task "
                        + "completions, found %d / %d; in flight at kill %d (of which %d committed: %s); "
                        + "transfers %d, moderations %d after restart; mails %d / outbox %d / duplicates %d (%d received before the kill)",
                load.submitted().size(), ackedTransfers.size(), ackedModerations.size(), load.completed().size(), found,
                load.submitted().size(), load.interrupted().size(), committed.size(), committed,
                transfers.size(), moderationStatus.size(), mail.getReceivedMessages().length, outbox.size(),
                delivery.resentAfterKill().size(), mailsBeforeKill);
        System.out.println(summary);
        Files.writeString(DIRECTORY.resolve("summary.txt"), summary + System.lineSeparator());
    }

    private PackagedApplication start() throws Exception {
        PackagedApplication application = PackagedApplication.start(DIRECTORY, List.of("-Xmx512m"), List.of(
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--camunda.bpm.job-execution.lock-time-in-millis=20000"), Map.of());
        started.add(application);
        return application.awaitReady(STARTUP);
    }

    /**
     * Each domain request has exactly one instance, at the place its status names; and each instance belongs to a
     * request. Returns the instance id per request.
     */
    private static Map<Long, String> checkOneInstanceEach(EngineView engine, String processKey, Map<Long, String> statusById,
                                                          Map<String, String> places) throws Exception {
        Map<Long, List<JsonNode>> byBusinessKey = new HashMap<>();
        for (JsonNode instance : engine.instances(processKey)) {
            byBusinessKey.computeIfAbsent(instance.get("businessKey").asLong(), key -> new ArrayList<>()).add(instance);
        }
        assertThat(statusById.keySet()).as("%s: requests with an instance", processKey).isEqualTo(byBusinessKey.keySet());
        Map<Long, String> instanceIds = new LinkedHashMap<>();
        for (Map.Entry<Long, String> request : statusById.entrySet()) {
            List<JsonNode> instances = byBusinessKey.get(request.getKey());
            assertThat(instances).as("%s %s: instances", processKey, request.getKey()).hasSize(1);
            assertThat(engine.place(instances.get(0))).as("%s %s in status %s", processKey, request.getKey(), request.getValue())
                    .isEqualTo(places.get(request.getValue()));
            instanceIds.put(request.getKey(), instances.get(0).get("id").asText());
        }
        return instanceIds;
    }

    /**
     * The mails a transfer's outcome writes (TransferMails), one per address: approved, the new partner, its employee
     * who submitted and the current partner; rejected, the submitter and the current partner if it was asked; either
     * way the client's users (of the load's subscribers, ivan of 1001 and irina of 1003 in the demo data).
     */
    private static int outcomeMailsOf(JsonNode transfer) {
        int clientUsers = DEMO_CLIENT_USERS.getOrDefault(transfer.get("subscriber").get("number").asText(), 0);
        boolean currentPartnerAsked = false;
        for (JsonNode event : transfer.get("history")) {
            currentPartnerAsked |= event.get("step").asText().equals("LETTER_FORWARDED");
        }
        return switch (transfer.get("status").asText()) {
            case "APPROVED" -> 3 + clientUsers;
            case "REJECTED" -> 1 + (currentPartnerAsked ? 1 : 0) + clientUsers;
            default -> 0;
        };
    }

    /** The domain records one history step per completed task, and a closing step exactly when the request closed. */
    private static void checkHistoryMatchesTasks(EngineView engine, JsonNode transfer, String instanceId) throws Exception {
        Map<String, Integer> steps = new HashMap<>();
        transfer.get("history").forEach(event -> steps.merge(event.get("step").asText(), 1, Integer::sum));
        Map<String, Integer> tasks = new HashMap<>();
        for (JsonNode task : engine.finishedTasks(instanceId)) {
            tasks.merge(task.get("taskDefinitionKey").asText(), 1, Integer::sum);
        }
        String what = "transfer " + transfer.get("id").asText() + " history " + steps + " vs finished tasks " + tasks;
        assertThat(steps.getOrDefault("SUBMITTED", 0)).as(what).isEqualTo(1);
        assertThat(sum(steps, "LETTER_FORWARDED", "LETTER_RETURNED", "LETTER_REJECTED")).as(what)
                .isEqualTo(tasks.getOrDefault(TransferProcess.Elements.REVIEW_LETTER, 0));
        assertThat(sum(steps, "CORRECTED")).as(what).isEqualTo(tasks.getOrDefault(TransferProcess.Elements.CORRECT_REQUEST, 0));
        assertThat(sum(steps, "PARTNER_AGREED", "PARTNER_OBJECTED")).as(what)
                .isEqualTo(tasks.getOrDefault(TransferProcess.Elements.PARTNER_AGREEMENT, 0));
        assertThat(sum(steps, "VENDOR_APPROVED", "VENDOR_REJECTED")).as(what)
                .isEqualTo(tasks.getOrDefault(TransferProcess.Elements.VENDOR_DECISION, 0));
        String status = transfer.get("status").asText();
        assertThat(sum(steps, "SUBSCRIBER_TRANSFERRED")).as(what).isEqualTo(status.equals("APPROVED") ? 1 : 0);
        assertThat(sum(steps, "CLOSED_REJECTED")).as(what).isEqualTo(status.equals("REJECTED") ? 1 : 0);
    }

    private static int sum(Map<String, Integer> counts, String... keys) {
        return Stream.of(keys).mapToInt(key -> counts.getOrDefault(key, 0)).sum();
    }

    /** Whether a call the kill interrupted took effect. */
    private static boolean committed(CrashLoad.InFlight call, EngineView engine, Map<Long, JsonNode> transfers,
                                     Map<Long, JsonNode> configurations, Set<Long> demoTransfers, Set<Long> ackedTransfers)
            throws Exception {
        if (call.taskId() != null) {
            return !engine.isOpen(call.taskId());
        }
        if (call.subscriberNumber() != null) {
            return transfers.values().stream().anyMatch(t -> t.get("subscriber").get("number").asText().equals(call.subscriberNumber())
                    && !demoTransfers.contains(t.get("id").asLong()) && !ackedTransfers.contains(t.get("id").asLong()));
        }
        if (call.configurationId() != null) {
            JsonNode configuration = configurations.get(call.configurationId());
            return configuration != null && configuration.hasNonNull("moderation");
        }
        // a new configuration: its title is in the call's description
        return configurations.values().stream().anyMatch(c -> call.what().contains("«" + c.get("content").get("title").asText() + "»"));
    }

    private static boolean demoModeration(long moderationId, Map<Long, JsonNode> configurations, Set<Long> demoConfigurations) {
        return configurations.values().stream().anyMatch(c -> demoConfigurations.contains(c.get("id").asLong())
                && c.hasNonNull("moderation") && c.get("moderation").get("id").asLong() == moderationId);
    }

    /** Every transfer, by id, as the administrator lists them (page by page). */
    private static Map<Long, JsonNode> transferIds(EngineView engine) throws Exception {
        Map<Long, JsonNode> all = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode result = engine.get("/api/transfers?size=100&page=" + page);
            result.get("content").forEach(transfer -> all.put(transfer.get("id").asLong(), transfer));
            if (page + 1 >= result.get("totalPages").asInt()) {
                return all;
            }
        }
    }

    /** Every configuration, by id, with its latest moderation. */
    private static Map<Long, JsonNode> configurations(EngineView engine) throws Exception {
        Map<Long, JsonNode> all = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode result = engine.get("/api/configurations?size=100&page=" + page);
            for (JsonNode listed : result.get("content")) {
                long id = listed.get("id").asLong();
                all.put(id, engine.get("/api/configurations/" + id));
            }
            if (page + 1 >= result.get("totalPages").asInt()) {
                return all;
            }
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
