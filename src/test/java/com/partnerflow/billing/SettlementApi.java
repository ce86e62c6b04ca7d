package com.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/** Drives the settlement over HTTP as finance and the partners would: {@code /engine-rest} and {@code /api}. */
public final class SettlementApi {

    /** A month of its own for every test, far in the past: tests share one database and never see each other's charges. */
    private static final AtomicInteger MONTHS = new AtomicInteger((int) (System.nanoTime() % 120));

    private final TestRestTemplate http;

    public SettlementApi(TestRestTemplate http) {
        this.http = http;
    }

    public static YearMonth freshPeriod() {
        return YearMonth.of(1970, 1).plusMonths(MONTHS.incrementAndGet());
    }

    /** Records one charge of the partner in a month of its own ({@link #freshPeriod()}, closed long ago) and returns the month. */
    public static YearMonth monthWithOneCharge(BillingService billing, Partner partner, Subscriber subscriber) {
        return oneCharge(billing, partner, subscriber, freshPeriod());
    }

    /** Records one charge of the partner in the month and returns the month. */
    public static YearMonth oneCharge(BillingService billing, Partner partner, Subscriber subscriber, YearMonth month) {
        billing.recordCharge(partner, subscriber, BillableItem.REPORTING_MULTI_USER_2_9, "charge:" + month + ":" + partner.getCode(), month);
        return month;
    }

    /** {@code POST /engine-rest/process-definition/key/monthly-settlement/start} with the month as the start form sends it. */
    public ResponseEntity<JsonNode> start(String user, String period) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of("variables", Map.of(SettlementProcess.PERIOD.name(), TransferApi.string(period)));
        return http.exchange("/engine-rest/process-definition/key/" + SettlementProcess.KEY + "/start", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    /** A download as a browser asks for it: anything, the CSV preferred. */
    ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setAccept(List.of(MediaType.valueOf("text/csv"), MediaType.ALL));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** The open tasks of a settlement that {@code user} sees. */
    public List<JsonNode> tasks(String user, String period) {
        ResponseEntity<JsonNode> response = get(user, "/engine-rest/task?processInstanceBusinessKey=" + period + "&maxResults=50");
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return StreamSupport.stream(response.getBody().spliterator(), false).toList();
    }

    /** The task of one reconciliation that {@code user} sees, or null. */
    JsonNode task(String user, String period, long reconciliationId) {
        return tasks(user, period).stream()
                .filter(task -> get(user, "/engine-rest/task/" + task.get("id").asText() + "/variables/"
                        + SettlementProcess.RECONCILIATION_ID.name()).getBody().path("value").asLong() == reconciliationId)
                .findFirst().orElse(null);
    }

    public ResponseEntity<JsonNode> complete(String user, JsonNode task, Map<String, Object> variables) {
        return new TransferApi(http).complete(user, task.get("id").asText(), variables);
    }
}
