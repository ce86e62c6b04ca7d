package com.partnerflow.webhook;

import static com.partnerflow.transfer.TransferApi.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.system.RequestEvent;

/**
 * Webhooks end to end against a real HTTP receiver on loopback: registered over {@code /api/webhooks}, written with the
 * event in its transaction, sent by the job executor, signed as Standard Webhooks says (verified here with code of the
 * test's own), retried with the same {@code webhook-id}, given up after the last attempt, never sent for a change that
 * rolled back, never to another partner. The test profile retries at once and allows loopback (application-test.yaml).
 */
class WebhookDeliveryTest extends IntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    ObjectMapper json;

    WebhookReceiver receiver;
    Partner alfa;
    String anna;

    @BeforeEach
    void aPartnerAndItsCrm() throws IOException {
        receiver = new WebhookReceiver();
        alfa = data.partner();
        anna = data.partnerUser(alfa);
    }

    @AfterEach
    void crmDown() {
        receiver.close();
    }

    @Test
    void anEventArrivesSignedSoThatTheReceiverCanVerifyItAndOnlyTheTypesSubscribedTo() throws Exception {
        JsonNode endpoint = register(anna, receiver.url("crm"), "task.waiting", "request.status_changed");
        String secret = endpoint.get("secret").asText();
        assertThat(secret).startsWith("whsec_");

        publish(event(RequestEvent.Type.DECISION_MADE, "41", alfa), true);
        publish(event(RequestEvent.Type.TASK_WAITING, "42", alfa), true);

        await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received webhook = receiver.received().get(0);
        assertThat(webhook.signature()).isEqualTo(expectedSignature(secret, webhook));
        assertThat(Long.parseLong(webhook.timestamp())).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(webhook.contentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(webhook.body());
        assertThat(body.get("id").asText()).isEqualTo(webhook.id()).startsWith("evt_");
        assertThat(body.get("type").asText()).isEqualTo("task.waiting");
        assertThat(body.get("timestamp").asText()).isNotBlank();
        assertThat(body.at("/data/requestKind").asText()).isEqualTo("transfers");
        assertThat(body.at("/data/requestId").asText()).isEqualTo("42");
        assertThat(body.at("/data/href").asText()).isEqualTo("https://partnerflow.test/api/requests/transfers/42");
        assertThat(body.at("/data/taskKind").asText()).isEqualTo("TRANSFER_AGREEMENT");

        JsonNode log = awaitLog(anna, endpoint, "DELIVERED");
        assertThat(log.at("/totalElements").asInt()).as("the decision was not subscribed to").isEqualTo(1);
        JsonNode delivery = log.at("/content/0");
        assertThat(delivery.get("eventId").asText()).isEqualTo(webhook.id());
        assertThat(delivery.get("eventType").asText()).isEqualTo("task.waiting");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(delivery.has("deliveredAt")).isTrue();
    }

    @Test
    void aReceiverThatFailsGetsTheSameWebhookIdAgainUntilItAnswers2xx() throws Exception {
        JsonNode endpoint = register(anna, receiver.url("crm"), "request.created");
        String secret = endpoint.get("secret").asText();
        receiver.answer(500);

        publish(event(RequestEvent.Type.REQUEST_CREATED, "43", alfa), true);

        await().atMost(DELIVERY).until(() -> receiver.received().size() == 2);
        List<WebhookReceiver.Received> attempts = receiver.received();
        assertThat(attempts).extracting(WebhookReceiver.Received::id).as("the receiver can drop a duplicate by it")
                .containsOnly(attempts.get(0).id());
        assertThat(attempts).extracting(WebhookReceiver.Received::body).containsOnly(attempts.get(0).body());
        for (WebhookReceiver.Received attempt : attempts) {
            assertThat(attempt.signature()).isEqualTo(expectedSignature(secret, attempt));
        }
        JsonNode delivery = awaitLog(anna, endpoint, "DELIVERED").at("/content/0");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
    }

    @Test
    void aReceiverThatAlwaysFailsIsGivenUpAfterTheLastAttemptAndTheLogSaysWhy() {
        JsonNode endpoint = register(anna, receiver.url("crm"), "request.created");
        receiver.answer(500, 500, 500, 500, 500);

        publish(event(RequestEvent.Type.REQUEST_CREATED, "44", alfa), true);

        JsonNode delivery = awaitLog(anna, endpoint, "FAILED").at("/content/0");
        assertThat(delivery.get("attempts").asInt()).as("the first attempt and one per configured delay").isEqualTo(3);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(delivery.get("lastError").asText()).contains("Получатель ответил 500");
        assertThat(delivery.has("nextAttempt")).isFalse();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 3);
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        JsonNode endpoint = register(anna, receiver.url("crm"), "request.created");

        publish(event(RequestEvent.Type.REQUEST_CREATED, "45", alfa), false);
        publish(event(RequestEvent.Type.REQUEST_CREATED, "46", alfa), true);

        await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).body()).contains("\"requestId\":\"46\"").doesNotContain("\"45\"");
        assertThat(awaitLog(anna, endpoint, "DELIVERED").at("/totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void anEventOutsideATransactionIsRefusedRatherThanLost() {
        assertThatThrownBy(() -> events.publishEvent(event(RequestEvent.Type.REQUEST_CREATED, "47", alfa)))
                .hasMessageContaining("propagation 'mandatory'");
    }

    @Test
    void aPartnerNeverReceivesNorReadsAnotherPartnersWebhooks() {
        Partner beta = data.partner();
        String boris = data.partnerUser(beta);
        JsonNode alfaEndpoint = register(anna, receiver.url("alfa"), "request.created");
        JsonNode betaEndpoint = register(boris, receiver.url("beta"), "request.created");

        publish(event(RequestEvent.Type.REQUEST_CREATED, "48", alfa), true);
        publish(event(RequestEvent.Type.REQUEST_CREATED, "49", beta), true);

        awaitLog(anna, alfaEndpoint, "DELIVERED");
        awaitLog(boris, betaEndpoint, "DELIVERED");
        assertThat(receiver.receivedAt("alfa")).singleElement().extracting(WebhookReceiver.Received::body).asString()
                .contains("\"requestId\":\"48\"");
        assertThat(receiver.receivedAt("beta")).singleElement().extracting(WebhookReceiver.Received::body).asString()
                .contains("\"requestId\":\"49\"");

        String alfaPath = "/api/webhooks/" + alfaEndpoint.get("id").asLong();
        assertThat(call(boris, HttpMethod.GET, alfaPath, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(boris, HttpMethod.GET, alfaPath + "/deliveries", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(boris, HttpMethod.PUT, alfaPath, request(receiver.url("beta"), "request.created")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(boris, HttpMethod.POST, alfaPath + "/secret", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(boris, HttpMethod.DELETE, alfaPath, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(boris, HttpMethod.GET, "/api/webhooks", null).getBody().at("/content"))
                .extracting(node -> node.get("id").asLong()).containsExactly(betaEndpoint.get("id").asLong());

        String vera = data.user(Groups.VENDOR_STAFF);
        assertThat(call(vera, HttpMethod.GET, "/api/webhooks", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(vera, HttpMethod.GET, alfaPath, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(vera, HttpMethod.POST, "/api/webhooks", request(receiver.url("x"), "request.created")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anEndpointIsChangedPausedGivenANewSecretAndDeleted() throws Exception {
        JsonNode endpoint = register(anna, receiver.url("old"), "request.created");
        String path = "/api/webhooks/" + endpoint.get("id").asLong();
        assertThat(call(anna, HttpMethod.GET, path, null).getBody().has("secret")).as("shown once").isFalse();
        JsonNode page = call(anna, HttpMethod.GET, "/api/webhooks?sort=-created", null).getBody();
        assertThat(page.get("totalElements").asInt()).isEqualTo(1);
        assertThat(page.at("/content/0/eventTypes/0").asText()).isEqualTo("request.created");

        ResponseEntity<JsonNode> changed = call(anna, HttpMethod.PUT, path, request(receiver.url("new"), "task.waiting"));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("url").asText()).isEqualTo(receiver.url("new"));
        String secret = call(anna, HttpMethod.POST, path + "/secret", null).getBody().get("secret").asText();
        assertThat(secret).isNotEqualTo(endpoint.get("secret").asText());

        publish(event(RequestEvent.Type.TASK_WAITING, "50", alfa), true);
        await().atMost(DELIVERY).until(() -> receiver.receivedAt("new").size() == 1);
        WebhookReceiver.Received webhook = receiver.receivedAt("new").get(0);
        assertThat(webhook.signature()).as("signed with the new secret").isEqualTo(expectedSignature(secret, webhook));

        Map<String, Object> paused = Map.of("url", receiver.url("new"), "eventTypes", List.of("task.waiting"), "active", false);
        assertThat(call(anna, HttpMethod.PUT, path, paused).getBody().get("active").asBoolean()).isFalse();
        publish(event(RequestEvent.Type.TASK_WAITING, "51", alfa), true);
        assertThat(call(anna, HttpMethod.GET, path + "/deliveries", null).getBody().get("totalElements").asInt())
                .as("a paused endpoint gets no new deliveries").isEqualTo(1);

        assertThat(call(anna, HttpMethod.DELETE, path, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call(anna, HttpMethod.GET, path, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void addressesIntoTheServersOwnNetworkAreRefusedAtRegistrationAndAgainAtDelivery() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "ftp://crm.example.org/hook",
                "file:///etc/passwd", "https://user:secret@crm.example.org/hook", "http://[fe80::1]/hook")) {
            ResponseEntity<JsonNode> refused = call(anna, HttpMethod.POST, "/api/webhooks", request(url, "request.created"));
            assertThat(refused.getStatusCode()).as(url).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getBody().get("detail").asText()).as(url).isNotBlank();
        }
        ResponseEntity<JsonNode> noEvents = call(anna, HttpMethod.POST, "/api/webhooks", Map.of("url", receiver.url("crm"),
                "eventTypes", List.of()));
        assertThat(noEvents.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noEvents.getBody().get("detail").asText()).contains("eventTypes");
        assertThat(call(anna, HttpMethod.POST, "/api/webhooks", request(receiver.url("crm"), "request.deleted")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // registered on a good address, whose name later resolves to the metadata service (here: the row changed)
        JsonNode endpoint = register(anna, receiver.url("crm"), "request.created");
        WebhookEndpoint stored = endpoints.findById(endpoint.get("id").asLong()).orElseThrow();
        stored.change("http://169.254.169.254/latest/meta-data/", null, Set.of(EventType.REQUEST_CREATED), true, Instant.now());
        endpoints.save(stored);

        publish(event(RequestEvent.Type.REQUEST_CREATED, "52", alfa), true);

        JsonNode delivery = awaitLog(anna, endpoint, "FAILED").at("/content/0");
        assertThat(delivery.get("lastError").asText()).contains("ведет во внутреннюю сеть (169.254.169.254)");
        assertThat(delivery.has("lastStatusCode")).isFalse();
        assertThat(receiver.received()).isEmpty();
    }

    /** The signature as a receiver computes it, with nothing of the application's code. */
    static String expectedSignature(String secret, WebhookReceiver.Received webhook) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = webhook.id() + "." + webhook.timestamp() + "." + webhook.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static RequestEvent event(RequestEvent.Type type, String transferId, Partner partner) {
        return new RequestEvent(type, "transfers", transferId, Set.of(partner.getCode()), Set.of(),
                Map.of("taskId", "task-" + transferId, "taskKind", "TRANSFER_AGREEMENT", "name", "Согласовать перевод"),
                Instant.now());
    }

    /** Publishes the event inside a transaction, as a business step does; {@code commit} false rolls it back. */
    private void publish(RequestEvent event, boolean commit) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(event);
            if (!commit) {
                status.setRollbackOnly();
            }
        });
    }

    private JsonNode register(String user, String url, String... eventTypes) {
        ResponseEntity<JsonNode> created = call(user, HttpMethod.POST, "/api/webhooks", request(url, eventTypes));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/webhooks/" + created.getBody().get("id").asLong());
        return created.getBody();
    }

    private static Map<String, Object> request(String url, String... eventTypes) {
        return Map.of("url", url, "eventTypes", List.of(eventTypes), "description", "CRM партнера");
    }

    /** The endpoint's delivery log once its newest delivery has the status. */
    private JsonNode awaitLog(String user, JsonNode endpoint, String status) {
        String path = "/api/webhooks/" + endpoint.get("id").asLong() + "/deliveries";
        return await().atMost(DELIVERY).until(() -> call(user, HttpMethod.GET, path, null).getBody(),
                log -> status.equals(log.at("/content/0/status").asText()));
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
