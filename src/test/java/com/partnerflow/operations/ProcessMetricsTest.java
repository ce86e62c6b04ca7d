package com.partnerflow.operations;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The process KPIs, driven by real transfers, as Micrometer meters and as Prometheus reads them. */
class ProcessMetricsTest extends IntegrationTest {

    @Autowired
    ProcessMetrics metrics;
    @Autowired
    MeterRegistry registry;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    TransferApi api;
    Partner current;
    String currentUser;
    String newUser;

    @BeforeEach
    void freshPartners() {
        api = new TransferApi(http);
        current = data.partner();
        Partner newPartner = data.partner();
        currentUser = data.partnerUser(current);
        newUser = data.partnerUser(newPartner);
    }

    @Test
    void openRequestsCountTheRunningInstancesOfEachProcess() {
        forwarded();
        forwarded();

        metrics.refresh();

        long running = runtime.createProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY).count();
        assertThat(running).isGreaterThanOrEqualTo(2);
        assertThat(registry.get(ProcessMetrics.OPEN_INSTANCES).tag("process", TransferProcess.KEY).gauge().value())
                .isEqualTo(running);
        assertThat(registry.get(ProcessMetrics.OPEN_INSTANCES).tag("process", "extension-audit").gauge()).isNotNull();
        assertThat(registry.get(ProcessMetrics.OVERDUE_TASKS).tag("process", "extension-audit").gauge().value()).isNotNegative();
        assertThat(registry.get(ProcessMetrics.PENDING_MAILS).gauge().value()).isNotNegative();
    }

    @Test
    void aPartnerAnswerTimeoutCountsAsAnSlaBreachOfTheTransfer() {
        double before = breaches();
        String instance = instanceOf(forwarded());

        Job timer = management.createJobQuery().processInstanceId(instance).timers()
                .activityId(TransferProcess.Elements.PARTNER_ANSWER_OVERDUE).singleResult();
        management.executeJob(timer.getId());

        assertThat(breaches()).isEqualTo(before + 1);
    }

    @Test
    void anEndedTransferRecordsItsCycleTime() {
        long before = cycleTimes().map(Timer::count).orElse(0L);
        long id = forwarded();
        api.complete(currentUser, api.task(currentUser, id).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        String instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();

        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).singleResult().getEndTime() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> cycleTimes().map(Timer::count).orElse(0L) == before + 1);
        assertThat(cycleTimes().orElseThrow().totalTime(TimeUnit.MILLISECONDS)).isPositive();
    }

    @Test
    void prometheusShowsTheKpisToOperationsAndAdministratorsOnly() {
        forwarded();
        metrics.refresh();

        ResponseEntity<String> scrape = get(data.user(Groups.OPS), "/actuator/prometheus");
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(value(scrape.getBody(), "partnerflow_process_instances_open{process=\"subscriber-transfer\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.getBody()).contains("partnerflow_tasks_overdue{process=\"extension-audit\"}",
                "partnerflow_incidents_open{process=\"subscriber-transfer\"}", "partnerflow_mail_pending ",
                "# HELP partnerflow_process_instances_open");
        assertThat(get(data.user(Groups.ADMIN), "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(get(newUser, "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void prometheusNamesTheSlaBreachesAndCycleTimesPerProcess() {
        String instance = instanceOf(forwarded());
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers()
                .activityId(TransferProcess.Elements.PARTNER_ANSWER_OVERDUE).singleResult().getId());
        long id = forwarded();
        api.complete(currentUser, api.task(currentUser, id).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> cycleTimes().isPresent());

        String body = get(data.user(Groups.OPS), "/actuator/prometheus").getBody();
        assertThat(value(body, "partnerflow_sla_breaches_total{process=\"subscriber-transfer\",timer=\"boundaryEvent_partnerAnswerOverdue\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(body, "partnerflow_process_cycle_time_seconds_count{process=\"subscriber-transfer\",state=\"COMPLETED\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(body).contains("partnerflow_process_cycle_time_seconds_bucket{process=\"subscriber-transfer\",state=\"COMPLETED\",le=\"86400.0\"}");
    }

    /** Submitted by the new partner and forwarded by vendor staff: waits for the current partner, with its SLA timer. */
    private long forwarded() {
        Subscriber subscriber = data.subscriber(current);
        long id = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF)
                .getBody().get("id").asLong();
        api.complete("vera", api.task("vera", id).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        return id;
    }

    private String instanceOf(long transferId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(transferId)).singleResult().getId();
    }

    private double breaches() {
        Counter counter = registry.find(ProcessMetrics.SLA_BREACHES).tag("process", TransferProcess.KEY)
                .tag("timer", TransferProcess.Elements.PARTNER_ANSWER_OVERDUE).counter();
        return counter == null ? 0 : counter.count();
    }

    private Optional<Timer> cycleTimes() {
        return Optional.ofNullable(registry.find(ProcessMetrics.CYCLE_TIME).tag("process", TransferProcess.KEY)
                .tag("state", "COMPLETED").timer());
    }

    private ResponseEntity<String> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The value of one sample line of the Prometheus text format. */
    private static double value(String body, String series) {
        return body.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
                .orElseThrow(() -> new AssertionError(series + " not in\n" + body));
    }
}
