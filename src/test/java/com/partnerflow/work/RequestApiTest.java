package com.partnerflow.work;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.billing.BillingService;
import com.partnerflow.billing.SettlementApi;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.RequestEvent;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * {@code GET /api/requests} and {@code /api/requests/{kind}/{id}/timeline}: each kind's snapshot, who sees what, the
 * filters, paging and sorting, the timeline of a transfer after each step, the start-up backfill.
 */
class RequestApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    RequestRegistry registry;
    @Autowired
    IndexedRequests index;
    @Autowired
    RequestIndexBackfill backfill;
    @Autowired
    BillingService billing;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventMulticaster multicaster;

    TransferApi api;
    RecordedEvents events;

    @BeforeEach
    void setUp() {
        api = new TransferApi(http);
        events = new RecordedEvents(multicaster);
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    @Test
    void everyKindOfTheDemoIsIndexedFromItsSnapshot() {
        for (RequestKind kind : List.of(RequestKind.TRANSFERS, RequestKind.REPORTING_APPLICATIONS, RequestKind.EXTENSION_VERSIONS,
                RequestKind.CONFIGURATIONS, RequestKind.DEVELOPER_AUTHORIZATIONS, RequestKind.PROFILE_CHANGES)) {
            JsonNode page = list("vera", "?kind=" + kind.path() + "&size=100");
            assertThat(page.get("totalElements").asLong()).as(kind.path()).isPositive();
            for (JsonNode request : page.get("content")) {
                RequestSnapshot snapshot = registry.of(kind).snapshot(request.get("id").asText()).orElseThrow();
                assertThat(request.get("kind").asText()).isEqualTo(kind.path());
                assertThat(request.get("status").asText()).isEqualTo(snapshot.status());
                assertThat(request.get("statusLabel").asText()).isEqualTo(snapshot.statusLabel()).isNotBlank();
                assertThat(request.get("href").asText()).isEqualTo("/api/" + kind.path() + "/" + request.get("id").asText());
                assertThat(api.get("vera", request.get("href").asText()).getStatusCode()).as("its own GET").isEqualTo(HttpStatus.OK);
                assertThat(StreamSupport.stream(request.get("partners").spliterator(), false).map(JsonNode::asText).toList())
                        .containsExactlyInAnyOrderElementsOf(snapshot.partners());
            }
        }
        JsonNode application = list("vera", "?kind=reporting-applications&subscriber=1001").get("content").get(0);
        assertThat(application.get("subscriberName").asText()).isEqualTo("ООО «Ромашка»");
        assertThat(application.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(application.get("waitingFor")).extracting(JsonNode::asText).containsExactly("PARTNER");
        assertThat(application.get("currentStep").asText()).isNotBlank();
        assertThat(list("vera", "?kind=developer-authorizations&status=REQUESTED").get("content"))
                .anySatisfy(request -> assertThat(request.get("partners").get(0).asText()).isEqualTo("BETA"));
    }

    @Test
    void aWithdrawalThatEndsItsTransactionAtAnAsynchronousStepIsListedAtOnceAndTold() {
        Partner partner = data.partner();
        long id = data.authorizeDeveloper(data.partnerUser(partner));
        HttpHeaders headers = TransferApi.basic("vera");
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> withdrawn = http.exchange("/api/developer-authorizations/" + id + "/withdrawal", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "Сотрудник уволился"), headers), JsonNode.class);

        assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode listed = list(data.partnerUser(partner), "?kind=developer-authorizations&size=100").get("content");
        assertThat(listed).anySatisfy(request -> {
            assertThat(request.get("id").asLong()).isEqualTo(id);
            assertThat(request.get("status").asText()).as("before the notification's job has run").isEqualTo("WITHDRAWN");
        });
        assertThat(events.of(RequestKind.DEVELOPER_AUTHORIZATIONS, id)).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(RequestEvent.Type.STATUS_CHANGED);
            assertThat(event.data()).containsEntry("status", "WITHDRAWN");
        });
    }

    @Test
    void aPartnerSeesOnlyItsOwnRequestsAndAClientOnlyItsOwn() {
        JsonNode alfa = list("anna", "?size=100");
        assertThat(alfa.get("totalElements").asLong()).isPositive();
        assertThat(alfa.get("content")).allSatisfy(request -> assertThat(request.get("partners").toString()).contains("\"ALFA\""));
        JsonNode beta = list("boris", "?size=100");
        assertThat(beta.get("content")).allSatisfy(request -> assertThat(request.get("partners").toString()).contains("\"BETA\""));
        JsonNode borisAuthorization = StreamSupport.stream(beta.get("content").spliterator(), false)
                .filter(request -> request.get("kind").asText().equals("developer-authorizations")).findFirst().orElseThrow();
        assertThat(alfa.get("content")).as("BETA's own request").noneSatisfy(request -> assertThat(request.get("href"))
                .isEqualTo(borisAuthorization.get("href")));
        JsonNode ivan = list("ivan", "?size=100");
        assertThat(ivan.get("content")).isNotEmpty().allSatisfy(request -> {
            assertThat(request.get("kind").asText()).isEqualTo("reporting-applications");
            assertThat(request.get("subscriber").asText()).isEqualTo("1001");
        });
        assertThat(list("irina", "").get("totalElements").asLong()).as("1003 has no request").isZero();

        Partner one = data.partner();
        Partner other = data.partner();
        Partner third = data.partner();
        Subscriber client = data.subscriber(one);
        long transfer = api.awaitingAgreement(data.partnerUser(other), client.getNumber(), client.getName());
        assertThat(ids(list(data.partnerUser(one), ""))).containsExactly(String.valueOf(transfer));
        assertThat(ids(list(data.partnerUser(other), ""))).containsExactly(String.valueOf(transfer));
        assertThat(list(data.partnerUser(third), "").get("totalElements").asLong()).isZero();
    }

    @Test
    void filtersPagesAndSortsAndRefusesWhatItCannotUse() {
        Partner current = data.partner();
        Partner taking = data.partner();
        String currentUser = data.partnerUser(current);
        String takingUser = data.partnerUser(taking);
        Subscriber first = data.subscriber(current);
        Subscriber second = data.subscriber(current);
        Instant before = Instant.now();
        long awaiting = api.awaitingAgreement(takingUser, first.getNumber(), first.getName());
        long review = submit(takingUser, second);

        JsonNode all = list(currentUser, "?size=1");
        assertThat(all.get("totalElements").asLong()).isEqualTo(2);
        assertThat(all.get("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(all)).as("newest change first").containsExactly(String.valueOf(review));
        assertThat(ids(list(currentUser, "?size=1&page=1"))).containsExactly(String.valueOf(awaiting));
        assertThat(ids(list(currentUser, "?sort=created"))).containsExactly(String.valueOf(awaiting), String.valueOf(review));
        assertThat(ids(list(currentUser, "?sort=due"))).as("no due date last").containsExactly(String.valueOf(awaiting), String.valueOf(review));
        assertThat(ids(list(currentUser, "?sort=-due"))).as("no due date last").containsExactly(String.valueOf(awaiting), String.valueOf(review));
        assertThat(ids(list(currentUser, "?status=LETTER_REVIEW"))).containsExactly(String.valueOf(review));
        assertThat(ids(list(currentUser, "?subscriber=" + first.getNumber()))).containsExactly(String.valueOf(awaiting));
        assertThat(ids(list(currentUser, "?kind=transfers&updatedSince=" + before))).hasSize(2);
        assertThat(list(currentUser, "?kind=reconciliations").get("totalElements").asLong()).isZero();
        assertThat(list(currentUser, "?updatedSince=" + Instant.now().plusSeconds(3600)).get("totalElements").asLong()).isZero();

        JsonNode awaitingView = list(currentUser, "?subscriber=" + first.getNumber()).get("content").get(0);
        assertThat(awaitingView.get("waitingFor")).extracting(JsonNode::asText).containsExactly("PARTNER");
        assertThat(awaitingView.get("due").asText()).isNotBlank();
        assertThat(awaitingView.get("currentStep").asText()).startsWith("Согласовать перевод");
        assertThat(awaitingView.get("timeline").asText()).isEqualTo("/api/requests/transfers/" + awaiting + "/timeline");

        assertBadParameter(currentUser, "?status=NOPE", "status");
        assertBadParameter(currentUser, "?kind=letters", "kind");
        assertBadParameter(currentUser, "?sort=subscriber", "сортировки");
        assertBadParameter(currentUser, "?updatedSince=yesterday", "updatedSince");
        assertBadParameter(currentUser, "?subscriber=abc", "subscriber");
        assertThat(api.get(currentUser, "/api/requests?size=101").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theTimelineOfATransferShowsEveryStepAsItHappens() {
        Partner current = data.partner();
        Partner taking = data.partner();
        String currentUser = data.partnerUser(current);
        String takingUser = data.partnerUser(taking);
        long id = submit(takingUser, data.subscriber(current));

        JsonNode submitted = timeline(takingUser, id);
        assertThat(submitted).hasSize(2);
        assertThat(submitted.get(0).get("type").asText()).isEqualTo("STARTED");
        assertThat(submitted.get(0).get("actor").asText()).contains("(" + takingUser + ")");
        assertThat(submitted.get(1).get("type").asText()).isEqualTo("TASK");
        assertThat(submitted.get(1).get("state").asText()).isEqualTo("OPEN");
        assertThat(submitted.get(1).get("taskKind").asText()).isEqualTo("TRANSFER_LETTER_REVIEW");

        complete("vera", id, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD"), TransferProcess.LETTER_COMMENT.name(),
                string("Письмо в порядке")));
        JsonNode forwarded = timeline(currentUser, id);
        JsonNode review = forwarded.get(1);
        assertThat(review.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(review.get("decision").asText()).isEqualTo("FORWARD");
        assertThat(review.get("comment").asText()).isEqualTo("Письмо в порядке");
        assertThat(review.get("actor").asText()).contains("(vera)");
        assertThat(review.get("ended").asText()).isNotBlank();
        assertThat(forwarded.get(2).get("taskKind").asText()).isEqualTo("TRANSFER_AGREEMENT");
        assertThat(forwarded.get(2).get("due").asText()).isNotBlank();

        complete(currentUser, id, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("OBJECT"), TransferProcess.PARTNER_COMMENT.name(),
                string("Задолженность")));
        complete("vera", id, Map.of(TransferProcess.VENDOR_DECISION.name(), string("REJECT"), TransferProcess.VENDOR_COMMENT.name(),
                string("Сначала погасите задолженность")));
        await().atMost(Duration.ofSeconds(30)).until(() -> last(timeline(takingUser, id)).get("type").asText().equals("ENDED"));
        JsonNode closed = timeline(takingUser, id);
        assertThat(closed).extracting(step -> step.get("type").asText()).containsExactly("STARTED", "TASK", "TASK", "TASK", "ENDED");
        assertThat(closed.get(2).get("decision").asText()).isEqualTo("OBJECT");
        assertThat(closed.get(2).get("actor").asText()).contains("(" + currentUser + ")");
        assertThat(closed.get(3).get("decision").asText()).isEqualTo("REJECT");
        assertThat(closed.get(3).get("comment").asText()).isEqualTo("Сначала погасите задолженность");
        assertThat(closed.get(4).get("actor").asText()).isEqualTo("система");
    }

    @Test
    void theTimelineIsReadAsTheRequestItselfAndRefusedWithItsWords() {
        Partner current = data.partner();
        Partner taking = data.partner();
        long id = submit(data.partnerUser(taking), data.subscriber(current));
        String stranger = data.partnerUser(data.partner());
        ResponseEntity<JsonNode> own = api.get(stranger, "/api/transfers/" + id);
        ResponseEntity<JsonNode> timeline = api.get(stranger, "/api/requests/transfers/" + id + "/timeline");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(timeline.getBody().get("detail").asText()).isEqualTo(own.getBody().get("detail").asText());
        assertThat(api.get("ivan", "/api/requests/transfers/" + id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("vera", "/api/requests/transfers/" + id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("vera", "/api/requests/transfers/abc/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("vera", "/api/requests/letters/1/timeline").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void eachPartnersReconciliationIsARequestOfItsOwnForThePartnerAndFinance() {
        Partner partner = data.partner();
        String partnerUser = data.partnerUser(partner);
        YearMonth month = SettlementApi.monthWithOneCharge(billing, partner, data.subscriber(partner));
        SettlementApi settlement = new SettlementApi(http);
        assertThat(settlement.start("fedor", month.toString()).getStatusCode().is2xxSuccessful()).isTrue();

        JsonNode reconciliation = list(partnerUser, "?kind=reconciliations").get("content").get(0);
        String id = reconciliation.get("id").asText();
        assertThat(reconciliation.get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(reconciliation.get("waitingFor")).extracting(JsonNode::asText).containsExactly("FINANCE");
        assertThat(ids(list("fedor", "?kind=reconciliations&size=100&sort=-created"))).contains(id);
        assertThat(list(data.partnerUser(data.partner()), "?kind=reconciliations").get("totalElements").asLong()).isZero();

        JsonNode task = settlement.tasks("fedor", month.toString()).get(0);
        settlement.complete("fedor", task, Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("SEND_BACK"),
                SettlementProcess.FINANCE_NOTE.name(), string("Поясните начисление")));
        JsonNode returned = list(partnerUser, "?kind=reconciliations").get("content").get(0);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED_TO_PARTNER");
        assertThat(returned.get("waitingFor")).extracting(JsonNode::asText).containsExactly("PARTNER");
        assertThat(events.of(RequestKind.RECONCILIATIONS, id)).extracting(event -> event.type().name())
                .containsExactly("REQUEST_CREATED", "DECISION_MADE", "STATUS_CHANGED", "TASK_WAITING");

        JsonNode steps = timeline(partnerUser, Long.parseLong(id), "reconciliations");
        assertThat(steps).extracting(step -> step.get("taskKind").asText()).containsExactly("RECONCILIATION_CONFIRMATION", "RECONCILIATION_ANSWER");
        assertThat(steps.get(0).get("decision").asText()).isEqualTo("SEND_BACK");
        assertThat(steps.get(0).get("comment").asText()).isEqualTo("Поясните начисление");
    }

    @Test
    void theStartUpBackfillIndexesWhatIsMissingWithoutTellingAnyone() {
        Partner current = data.partner();
        long id = submit(data.partnerUser(data.partner()), data.subscriber(current));
        IndexedRequest before = index.findByKindAndRequestId(RequestKind.TRANSFERS, String.valueOf(id)).orElseThrow();
        transaction.executeWithoutResult(status -> index.deleteById(before.getId()));
        int told = events.of(RequestKind.TRANSFERS, id).size();

        backfill.backfill();

        IndexedRequest after = index.findByKindAndRequestId(RequestKind.TRANSFERS, String.valueOf(id)).orElseThrow();
        assertThat(after.getStatus()).isEqualTo("LETTER_REVIEW");
        assertThat(after.getCurrentStep()).isEqualTo(before.getCurrentStep());
        assertThat(after.getWaitingFor()).containsExactly(Party.VENDOR);
        assertThat(after.getReaders()).isEqualTo(before.getReaders());
        assertThat(events.of(RequestKind.TRANSFERS, id)).hasSize(told);
    }

    private long submit(String user, Subscriber subscriber) {
        ResponseEntity<JsonNode> created = api.submit(user, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf",
                TransferApi.PDF);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    private void complete(String user, long id, Map<String, Object> variables) {
        assertThat(api.complete(user, api.task(user, id).get("id").asText(), variables).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private JsonNode list(String user, String query) {
        ResponseEntity<JsonNode> response = api.get(user, "/api/requests" + query);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode timeline(String user, long id) {
        return timeline(user, id, "transfers");
    }

    private JsonNode timeline(String user, long id, String kind) {
        ResponseEntity<JsonNode> response = api.get(user, "/api/requests/" + kind + "/" + id + "/timeline");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static JsonNode last(JsonNode steps) {
        return steps.get(steps.size() - 1);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false).map(request -> request.get("id").asText()).toList();
    }

    private void assertBadParameter(String user, String query, String named) {
        ResponseEntity<JsonNode> response = api.get(user, "/api/requests" + query);
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).as(query).contains(named);
    }
}
