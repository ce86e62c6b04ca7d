package com.partnerflow.subscriber;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * {@code GET /api/subscribers/{number}} tells who served the subscriber from when to when: its first partner, and after a
 * transfer the new one with the transfer that brought it; only to the partner serving it now (and its client, the vendor).
 */
class SubscriberServicePeriodsTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    SubscriberService subscribers;

    @Test
    void theCardListsThePeriodsOfServiceOldestFirstAndOnlyTheCurrentPartnerReadsThem() {
        TransferApi api = new TransferApi(http);
        Partner first = data.partner();
        Partner second = data.partner();
        String firstUser = data.partnerUser(first);
        String secondUser = data.partnerUser(second);
        Subscriber subscriber = data.subscriber(first);
        String client = data.clientUser(subscriber);

        JsonNode before = api.get(firstUser, "/api/subscribers/" + subscriber.getNumber()).getBody();
        assertThat(before.get("servicePeriods")).singleElement().satisfies(period -> {
            assertThat(period.get("partner").asText()).isEqualTo(first.getCode());
            assertThat(period.get("partnerName").asText()).isEqualTo(first.getName());
            assertThat(period.get("since").asText()).isNotEmpty();
            assertThat(period.path("until").isNull() || period.path("until").isMissingNode()).isTrue();
            assertThat(period.path("transferId").isNull() || period.path("transferId").isMissingNode()).isTrue();
        });

        long transferId = api.awaitingAgreement(secondUser, subscriber.getNumber(), subscriber.getName());
        api.complete(firstUser, api.task(firstUser, transferId).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribers.byNumber(subscriber.getNumber()).orElseThrow().getPartner().getCode(),
                second.getCode()::equals);

        for (String reader : new String[] {secondUser, client}) {
            JsonNode card = api.get(reader, "/api/subscribers/" + subscriber.getNumber()).getBody();
            assertThat(card.get("partner").asText()).isEqualTo(second.getCode());
            JsonNode periods = card.get("servicePeriods");
            assertThat(periods).hasSize(2);
            assertThat(periods.get(0).get("partner").asText()).isEqualTo(first.getCode());
            assertThat(periods.get(0).get("until").asText()).isEqualTo(periods.get(1).get("since").asText());
            assertThat(periods.get(1).get("partner").asText()).isEqualTo(second.getCode());
            assertThat(periods.get(1).get("transferId").asLong()).isEqualTo(transferId);
            assertThat(periods.get(1).path("until").isNull() || periods.get(1).path("until").isMissingNode()).isTrue();
        }
        ResponseEntity<JsonNode> formerPartner = api.get(firstUser, "/api/subscribers/" + subscriber.getNumber());
        assertThat(formerPartner.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
