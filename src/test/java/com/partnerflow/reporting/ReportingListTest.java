package com.partnerflow.reporting;

import static com.partnerflow.ApiLists.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.ApiLists;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;

/**
 * {@code GET /api/reporting-applications} (ADR 0044): the client user its organizations' applications, the partner its
 * clients', vendor staff all; paged, filtered, sorted, and never another partner's, whatever is typed.
 */
class ReportingListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ApiLists lists;

    ReportingApi api;
    String partnerUser;
    String otherPartnerUser;
    String client;
    Subscriber clients;
    Subscriber partners;
    Subscriber others;
    long byClient;
    long byPartner;
    long byOther;

    @BeforeEach
    void applicationsOfTwoClientsOfOnePartnerAndOneOfAnother() {
        api = new ReportingApi(http);
        lists = new ApiLists(http);
        Partner partner = data.partner();
        Partner other = data.partner();
        partnerUser = data.partnerUser(partner);
        otherPartnerUser = data.partnerUser(other);
        clients = data.subscriber(partner);
        partners = data.subscriber(partner);
        others = data.subscriber(other);
        client = data.clientUser(clients);
        byClient = api.submitted(client, ReportingApi.application(clients.getNumber()));
        byPartner = api.submitted(partnerUser, ReportingApi.application(partners.getNumber()));
        byOther = api.submitted(otherPartnerUser, ReportingApi.application(others.getNumber()));
    }

    @Test
    void eachCallerListsWhatItMaySeeNewestFirst() {
        JsonNode partnersList = list(partnerUser, "");
        assertThat(ids(partnersList)).containsExactly(byPartner, byClient);
        assertThat(partnersList.get("totalElements").asLong()).isEqualTo(2);
        assertThat(ids(list(client, ""))).containsExactly(byClient);
        assertThat(ids(list(otherPartnerUser, ""))).containsExactly(byOther);
        assertThat(ids(list(data.user(Groups.VENDOR_STAFF), "subscriber=" + others.getNumber()))).containsExactly(byOther);
        assertThat(ids(list(data.user(Groups.AUDITORS), ""))).isEmpty();
    }

    @Test
    void itPagesSortsAndRefusesAnUnknownSortKey() {
        assertThat(ids(list(partnerUser, "sort=submitted"))).containsExactly(byClient, byPartner);
        assertThat(ids(list(partnerUser, "size=1&page=1"))).containsExactly(byClient);
        JsonNode beyond = list(partnerUser, "size=1&page=7");
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(2);
        assertThat(refusal(partnerUser, "sort=inn")).contains("submitted");
        assertThat(refusal(partnerUser, "size=101")).contains("size");
    }

    @Test
    void filtersByStatusSubscriberAndChangeTime() {
        Instant beforeDecision = Instant.now().minusMillis(1);
        JsonNode task = await().atMost(Duration.ofSeconds(10)).until(() -> api.task(partnerUser, byPartner), found -> found != null);
        assertThat(api.submitTaskForm(partnerUser, task.get("id").asText(), ReportingApi.reject("Клиент передумал"))
                .getStatusCode().value()).isEqualTo(204);

        assertThat(ids(list(partnerUser, "status=REJECTED"))).containsExactly(byPartner);
        assertThat(ids(list(partnerUser, "status=SUBMITTED"))).containsExactly(byClient);
        assertThat(ids(list(partnerUser, "subscriber=" + clients.getNumber()))).containsExactly(byClient);
        assertThat(ids(list(partnerUser, "updatedSince=" + beforeDecision))).containsExactly(byPartner);
        assertThat(refusal(partnerUser, "status=LOST")).contains("status");
        assertThat(refusal(partnerUser, "updatedSince=2026-13-01")).contains("updatedSince");
    }

    @Test
    void noFilterReachesAnotherPartnersApplications() {
        assertThat(ids(list(partnerUser, "subscriber=" + others.getNumber()))).isEmpty();
        assertThat(ids(list(partnerUser, "status=SUBMITTED&size=100"))).doesNotContain(byOther);
        assertThat(ids(list(client, "subscriber=" + partners.getNumber()))).isEmpty();
        assertThat(ids(list(otherPartnerUser, "subscriber=" + clients.getNumber()))).isEmpty();
    }

    private JsonNode list(String user, String query) {
        return lists.page(user, "/api/reporting-applications?" + query);
    }

    private String refusal(String user, String query) {
        return lists.refusal(user, "/api/reporting-applications?" + query);
    }
}
