package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferApi.string;
import static com.partnerflow.transfer.TransferApi.transientFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.PostgresIntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.Subscribers;

/**
 * The transfer on PostgreSQL, over HTTP as its users drive it: a letter (bytes in {@code document_content}), a
 * return with a corrected letter, the current partner's agreement, the re-assignment with its history, and the mails
 * through the outbox and the job executor.
 */
class TransferOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    Subscribers subscribers;
    @Autowired
    HistoryService history;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aReturnedCorrectedAndAgreedTransferMovesTheSubscriberAndMailsBothPartners() throws Exception {
        TransferApi api = new TransferApi(http);
        Partner current = data.partner();
        Partner newPartner = data.partner();
        String currentUser = data.partnerUser(current);
        String newUser = data.partnerUser(newPartner);
        String staff = data.user(Groups.VENDOR_STAFF);
        Subscriber subscriber = data.subscriber(current);

        ResponseEntity<JsonNode> created = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF)
                .getStatusCode()).as("one open transfer per subscriber: the unique column holds on PostgreSQL").isEqualTo(HttpStatus.CONFLICT);

        assertThat(api.complete(staff, api.task(staff, id).get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(),
                string("RETURN"), TransferProcess.LETTER_COMMENT.name(), string("Нет подписи"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        byte[] signed = (new String(TransferApi.PDF) + "% подписано\n").getBytes();
        assertThat(api.complete(newUser, api.task(newUser, id).get("id").asText(), Map.of(
                TransferProcess.REASON.name(), string("Исправлено"),
                TransferProcess.LETTER.name(), transientFile("подписано.pdf", signed))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.complete(staff, api.task(staff, id).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.complete(currentUser, api.task(currentUser, id).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(TransferProcess.KEY).processInstanceBusinessKey(String.valueOf(id)).finished().count()).isOne());
        transaction.executeWithoutResult(status -> assertThat(subscribers.findByNumber(subscriber.getNumber()).orElseThrow()
                .getAssignments()).extracting(a -> a.getPartner().getCode()).containsExactly(current.getCode(), newPartner.getCode()));
        JsonNode transfer = api.get(newUser, "/api/transfers/" + id).getBody();
        assertThat(transfer.get("status").asText()).isEqualTo("APPROVED");
        assertThat(transfer.at("/letter/fileName").asText()).isEqualTo("подписано.pdf");
        assertThat(api.get(newUser, "/api/transfers").getBody().toString()).contains("\"id\":" + id);
        assertThat(api.get(staff, "/api/transfers").getBody().toString()).contains("\"id\":" + id);
        // the list's SQL is built from the filters and the sort key: each of them once on PostgreSQL too
        String filtered = "/api/transfers?status=APPROVED&subscriber=" + subscriber.getNumber() + "&updatedSince="
                + java.time.Instant.now().minus(Duration.ofHours(1)) + "&sort=-updated&size=1&page=0";
        for (String user : java.util.List.of(newUser, currentUser, staff)) {
            assertThat(api.get(user, filtered).getBody().at("/content/0/id").asLong()).as(user).isEqualTo(id);
            assertThat(api.get(user, filtered.replace("APPROVED", "REJECTED")).getBody().get("totalElements").asLong()).isZero();
        }
        assertThat(api.get(newUser, "/api/transfers?sort=created&page=1&size=1").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/api/transfers/" + id + "/letter", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(TransferApi.basic(newUser)), byte[].class).getBody()).isEqualTo(signed);
        assertThat(mailTo(newPartner.getEmail(), "переведен к вам")).isNotNull();
        assertThat(mailTo(current.getEmail(), "переведен к другому партнеру")).isNotNull();
    }
}
