package com.partnerflow.transfer;

import static com.partnerflow.ApiLists.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.ApiLists;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/** {@code GET /api/transfers}: paged, filtered and sorted as every list (ADR 0044), and never beyond what the caller sees. */
class TransferListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ApiLists lists;

    TransferApi api;
    String currentUser;
    String newUser;
    String outsider;
    Subscriber first;
    Subscriber second;
    Subscriber outsidersClient;
    long firstTransfer;
    long secondTransfer;
    long outsidersTransfer;

    @BeforeEach
    void twoTransfersToOnePartnerAndOneToAnother() {
        api = new TransferApi(http);
        lists = new ApiLists(http);
        Partner current = data.partner();
        Partner newPartner = data.partner();
        Partner other = data.partner();
        currentUser = data.partnerUser(current);
        newUser = data.partnerUser(newPartner);
        outsider = data.partnerUser(other);
        first = data.subscriber(current);
        second = data.subscriber(current);
        outsidersClient = data.subscriber(current);
        firstTransfer = submit(newUser, first);
        secondTransfer = submit(newUser, second);
        outsidersTransfer = submit(outsider, outsidersClient);
    }

    @Test
    void aPartnerPagesThroughItsTransfersNewestFirstWithTheTotal() {
        JsonNode page = list(currentUser, "size=2");
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(outsidersTransfer, secondTransfer);
        assertThat(ids(list(currentUser, "size=2&page=1"))).containsExactly(firstTransfer);
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndStillCountsTheWholeList() {
        JsonNode page = list(newUser, "size=1&page=5");
        assertThat(page.get("content")).isEmpty();
        assertThat(page.get("page").asInt()).isEqualTo(5);
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void sizesAndPagesOutsideTheLimitsAreRefusedNamingTheParameter() {
        assertThat(refusal(newUser, "size=101")).contains("size");
        assertThat(refusal(newUser, "size=0")).contains("size");
        assertThat(refusal(newUser, "page=-1")).contains("page");
        assertThat(refusal(newUser, "page=abc")).contains("page");
    }

    @Test
    void eachSortKeyOrdersBothWays() {
        assertThat(ids(list(currentUser, "sort=created"))).containsExactly(firstTransfer, secondTransfer, outsidersTransfer);
        assertThat(ids(list(currentUser, "sort=-created"))).containsExactly(outsidersTransfer, secondTransfer, firstTransfer);
        withdraw(newUser, firstTransfer);
        assertThat(ids(list(currentUser, "sort=-updated"))).first().isEqualTo(firstTransfer);
        assertThat(ids(list(currentUser, "sort=updated"))).last().isEqualTo(firstTransfer);
    }

    @Test
    void anUnknownSortKeyIsRefusedNamingTheKeysThereAre() {
        assertThat(refusal(newUser, "sort=letterDate")).contains("letterDate").contains("created, updated");
        assertThat(refusal(newUser, "sort=-")).contains("sort");
    }

    @Test
    void theStatusFilterKeepsTheTransfersInThatStatus() {
        withdraw(newUser, firstTransfer);
        assertThat(ids(list(newUser, "status=WITHDRAWN"))).containsExactly(firstTransfer);
        assertThat(ids(list(newUser, "status=LETTER_REVIEW"))).containsExactly(secondTransfer);
        assertThat(ids(list(newUser, "status=APPROVED"))).isEmpty();
        assertThat(refusal(newUser, "status=SOMETHING")).contains("status");
    }

    @Test
    void theSubscriberFilterKeepsThatSubscribersTransfers() {
        assertThat(ids(list(newUser, "subscriber=" + second.getNumber()))).containsExactly(secondTransfer);
        assertThat(ids(list("vera", "subscriber=" + first.getNumber()))).containsExactly(firstTransfer);
        assertThat(list(newUser, "subscriber=no-such-number").get("totalElements").asLong()).isZero();
    }

    @Test
    void updatedSinceKeepsWhatChangedAtOrAfterIt() {
        Instant beforeWithdrawal = Instant.now().minusMillis(1);
        withdraw(newUser, secondTransfer);
        assertThat(ids(list(newUser, "updatedSince=" + beforeWithdrawal))).containsExactly(secondTransfer);
        assertThat(ids(list(newUser, "updatedSince=" + Instant.now().minus(1, ChronoUnit.HOURS))))
                .containsExactlyInAnyOrder(firstTransfer, secondTransfer);
        assertThat(refusal(newUser, "updatedSince=yesterday")).contains("updatedSince");
    }

    @Test
    void noFilterReachesAnotherPartnersTransfers() {
        assertThat(ids(list(newUser, "size=100"))).containsExactlyInAnyOrder(firstTransfer, secondTransfer);
        assertThat(ids(list(newUser, "subscriber=" + outsidersClient.getNumber()))).isEmpty();
        assertThat(ids(list(newUser, "status=LETTER_REVIEW&size=100"))).doesNotContain(outsidersTransfer);
        assertThat(ids(list(outsider, "subscriber=" + first.getNumber()))).isEmpty();
        assertThat(ids(list(data.user("clients"), ""))).isEmpty();
    }

    private long submit(String user, Subscriber subscriber) {
        ResponseEntity<JsonNode> created = api.submit(user, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody().get("id").asLong();
    }

    private void withdraw(String user, long transferId) {
        ResponseEntity<JsonNode> answer = http.exchange("/api/transfers/" + transferId + "/withdrawal",
                HttpMethod.POST, new HttpEntity<>(TransferApi.basic(user)),
                JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    }

    private JsonNode list(String user, String query) {
        return lists.page(user, "/api/transfers?" + query);
    }

    private String refusal(String user, String query) {
        return lists.refusal(user, "/api/transfers?" + query);
    }
}
