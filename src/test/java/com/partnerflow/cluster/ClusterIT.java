package com.partnerflow.cluster;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.partnerflow.PackagedApplication;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two application nodes on one PostgreSQL database, as production scales out: the packaged jar started twice
 * (profile {@code postgres}, each with its job executor on and its own engine host name), one embedded PostgreSQL and
 * one SMTP server (GreenMail) in this JVM. Transfers are submitted over HTTP on node 1 and their tasks completed over
 * HTTP on node 2; half of them are left to the partner-answer timer. Every job (the timers and the asynchronous mail
 * steps, the reminders) must run exactly once across both nodes, both nodes must have run some, and every mail must
 * arrive exactly once.
 */
class ClusterIT {

    private static final int TRANSFERS = 24;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String ADMIN = "clusteradmin";

    private static GreenMail mail;
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static PackagedApplication node1;
    private static PackagedApplication node2;
    private static TransferApi api1;
    private static TransferApi api2;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws IOException {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        // one node first on the empty database: it creates the schema (Flyway, Camunda) and the groups; a node that
        // joins an initialized database only finds them there (see docs/operations.md, "Running N nodes")
        node1 = start("node-1").awaitReady(PATIENCE);
        node2 = start("node-2").awaitReady(PATIENCE);
        api1 = new TransferApi(http(node1));
        api2 = new TransferApi(http(node2));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (PackagedApplication node : new PackagedApplication[] {node1, node2}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void requestsStartedOnOneNodeAreCompletedOnTheOtherAndEveryJobAndMailHappensExactlyOnce() {
        Ids current = partner("CUR");
        Ids next = partner("NEW");
        String staff = user(Groups.VENDOR_STAFF);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            numbers.add(subscriber(current));
        }

        // node 1: the new partner submits every transfer
        Map<String, Long> transferOf = new HashMap<>();
        for (String number : numbers) {
            ResponseEntity<JsonNode> created = api1.submit(next.user(), TransferApi.letter(number, "ООО «Клиент " + number + "»"),
                    "письмо.pdf", TransferApi.PDF);
            assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
            transferOf.put(number, created.getBody().get("id").asLong());
        }

        // node 2: vendor staff forward every letter; the current partner agrees to the first half at once and leaves
        // the second half to the timer, after which vendor staff approve them
        List<Long> silent = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            long id = transferOf.get(numbers.get(i));
            complete(api2, staff, id, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
            if (i % 2 == 0) {
                complete(api2, current.user(), id, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
            } else {
                silent.add(id);
            }
        }
        for (long id : silent) {
            JsonNode decision = await().atMost(PATIENCE).until(() -> api2.task(staff, id),
                    task -> task != null && task.get("taskDefinitionKey").asText().equals(TransferProcess.Elements.VENDOR_DECISION));
            assertThat(api2.complete(staff, decision.get("id").asText(), Map.of(TransferProcess.VENDOR_DECISION.name(), string("APPROVE")))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from act_hi_procinst where proc_def_key_ = ? and end_time_ is not null", Integer.class,
                TransferProcess.KEY)).isEqualTo(TRANSFERS));
        // every mail of the outbox sent (the outcome mails, the agreement's waiting mail, the reminders) and received
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from notification where status <> 'SENT'", Integer.class)).isZero());
        int outbox = jdbc.queryForObject("select count(*) from notification", Integer.class);
        await().atMost(PATIENCE).until(() -> mail.getReceivedMessages().length >= outbox);

        // the domain: every subscriber now belongs to the new partner, each with its two periods of service
        assertThat(jdbc.queryForObject("select count(*) from transfer_request where status = 'APPROVED'", Integer.class))
                .isEqualTo(TRANSFERS);
        assertThat(jdbc.queryForObject("select count(*) from subscriber where partner_id = ?", Integer.class, next.partnerId()))
                .isEqualTo(TRANSFERS);
        assertThat(jdbc.queryForObject("select count(*) from subscriber_assignment", Integer.class)).isEqualTo(2 * TRANSFERS);

        // the jobs of the transfers, each run successfully exactly once, by either node, and both nodes took part:
        // 24 mail steps; for the 12 silent ones the reminder timer, its reminder step and the silence timer; the two
        // timers of each of the 12 agreed ones were cancelled with their task, never run
        int agreed = TRANSFERS - silent.size();
        List<Map<String, Object>> successes = jdbc.queryForList("select job_id_, job_def_type_, hostname_ from act_hi_job_log"
                + " where process_def_key_ = ? and job_state_ = 2", TransferProcess.KEY);
        Map<Object, Long> runsPerJob = successes.stream().collect(Collectors.groupingBy(row -> row.get("job_id_"), Collectors.counting()));
        assertThat(runsPerJob).hasSize(TRANSFERS + 3 * silent.size()).allSatisfy((job, runs) -> assertThat(runs).as("runs of job %s", job).isOne());
        assertThat(successes.stream().filter(row -> row.get("job_def_type_").equals("timer-transition")).count())
                .isEqualTo(2L * silent.size());
        assertThat(jdbc.queryForObject("select count(distinct job_id_) from act_hi_job_log where process_def_key_ = ?", Integer.class,
                TransferProcess.KEY)).as("no job beyond those").isEqualTo(TRANSFERS + 3 * silent.size() + 2 * agreed);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ = ? and job_state_ = 3"
                + " and job_def_type_ = 'timer-transition'", Integer.class, TransferProcess.KEY)).isEqualTo(2 * agreed);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where process_def_key_ = ?", Integer.class, TransferProcess.KEY))
                .as("nothing left to run").isZero();
        assertThat(successes.stream().map(row -> (String) row.get("hostname_")).collect(Collectors.toSet()))
                .as("both nodes ran jobs").containsExactlyInAnyOrder("node-1", "node-2");

        // the mails: every mail of the outbox arrived once, none twice; each partner learned each outcome
        List<String> subjects = Arrays.stream(mail.getReceivedMessages()).map(ClusterIT::describe).toList();
        assertThat(subjects).hasSize(outbox).doesNotHaveDuplicates();
        for (String number : numbers) {
            assertThat(subjects).contains(current.email() + ": Абонент " + number + " переведен к другому партнеру",
                    next.email() + ": Абонент " + number + " переведен к вам на обслуживание");
        }
    }

    // ---- the nodes ----

    private static PackagedApplication start(String hostname) throws IOException {
        Map<String, String> environment = Map.of(
                "PARTNERFLOW_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "PARTNERFLOW_DB_USER", "postgres",
                "PARTNERFLOW_DB_PASSWORD", "postgres",
                "PARTNERFLOW_ADMIN_USER", ADMIN,
                "PARTNERFLOW_ADMIN_PASSWORD", ADMIN,
                "PARTNERFLOW_MAIL_HOST", "127.0.0.1",
                "PARTNERFLOW_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
        return PackagedApplication.start(Path.of("target", "cluster", hostname),
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
                List.of("--spring.profiles.active=postgres",
                        "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
                        // both nodes look for due jobs every second at the latest, so the batch spreads over both
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--partnerflow.transfer.partner-answer-timeout=PT20S"),
                environment);
    }

    private static TestRestTemplate http(PackagedApplication node) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + node.port()));
    }

    private static void complete(TransferApi api, String user, long transferId, Map<String, Object> variables) {
        JsonNode task = api.task(user, transferId);
        assertThat(task).as("the task of transfer %s for %s", transferId, user).isNotNull();
        ResponseEntity<JsonNode> completed = api.complete(user, task.get("id").asText(), variables);
        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    // ---- the data an operator loads: users and groups through the engine's REST API as the administrator, the
    // ---- vendor's partners and subscribers into the domain tables (the application has no API to create them)

    private record Ids(long partnerId, String code, String email, String user) {
    }

    private static int sequence;

    private static Ids partner(String code) {
        String email = code.toLowerCase() + "@partners.test";
        jdbc.update("insert into partner (code, name, competence_center, sublicense_discount, email) values (?, ?, false, 30, ?)",
                code, "Партнер " + code, email);
        long partnerId = jdbc.queryForObject("select id from partner where code = ?", Long.class, code);
        engineRest(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", "partner-" + code, "name", "Партнер " + code, "type", "PARTNER"));
        String user = user(Groups.PARTNERS);
        engineRest(HttpMethod.PUT, "/engine-rest/group/partner-" + code + "/members/" + user, null);
        jdbc.update("insert into partner_membership (user_id, partner_id) values (?, ?)", user, partnerId);
        return new Ids(partnerId, code, email, user);
    }

    private static String user(String group) {
        String id = "u" + (++sequence);
        engineRest(HttpMethod.POST, "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "Тест", "lastName", id, "email", id + "@users.test"),
                "credentials", Map.of("password", id)));
        engineRest(HttpMethod.PUT, "/engine-rest/group/" + group + "/members/" + id, null);
        return id;
    }

    private static String subscriber(Ids partner) {
        String number = String.valueOf(7000 + (++sequence));
        Timestamp since = Timestamp.from(Instant.now().minus(Duration.ofDays(400)));
        jdbc.update("insert into subscriber (number, name, inn, status, partner_id, version) values (?, ?, '7707083893', 'ACTIVE', ?, 0)",
                number, "ООО «Клиент " + number + "»", partner.partnerId());
        jdbc.update("insert into subscriber_assignment (subscriber_id, partner_id, since) "
                + "select id, ?, ? from subscriber where number = ?", partner.partnerId(), since, number);
        return number;
    }

    private static void engineRest(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(ADMIN, ADMIN);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http(node1).exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s %s", method, path, response.getStatusCode(), response.getBody())
                .isTrue();
    }

    private static String describe(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0] + ": " + message.getSubject();
        } catch (Exception unreadable) {
            return "unreadable: " + unreadable;
        }
    }
}
