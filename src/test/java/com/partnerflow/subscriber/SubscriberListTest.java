package com.partnerflow.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.ApiLists;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.reporting.ReportingApi;
import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;

/**
 * {@code GET /api/subscribers} for a partner's CRM (ADR 0044): its own clients with status, data areas and products,
 * paged, filtered and sorted, and never another partner's client, whatever is typed.
 */
class SubscriberListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ApiLists lists;
    @Autowired
    SubscriberService subscribers;

    ReportingApi api;
    Partner partner;
    String partnerUser;
    String otherPartnerUser;
    Subscriber first;
    Subscriber suspended;
    Subscriber third;
    Subscriber othersClient;

    @BeforeEach
    void threeClientsOfOnePartnerAndOneOfAnother() {
        api = new ReportingApi(http);
        lists = new ApiLists(http);
        partner = data.partner();
        Partner other = data.partner();
        partnerUser = data.partnerUser(partner);
        otherPartnerUser = data.partnerUser(other);
        first = data.subscriber(partner);
        suspended = data.subscriber(partner);
        third = data.subscriber(partner);
        othersClient = data.subscriber(other);
        data.dataArea(first, "Бухгалтерия предприятия");
        subscribers.applyReportingMultiUserMode(first, MultiUserTier.TWO_TO_NINE, 1);
        subscribers.changeStatus(suspended.getNumber(), SubscriberStatus.SUSPENDED, "Неоплата",
                Caller.of("vera", List.of(Groups.VENDOR_STAFF)));
    }

    @Test
    void aPartnerListsItsClientsWithStatusDataAreasAndProducts() {
        JsonNode page = list(partnerUser, "");
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(numbers(page)).containsExactly(first.getNumber(), suspended.getNumber(), third.getNumber());
        JsonNode card = page.get("content").get(0);
        assertThat(card.get("statusLabel").asText()).isEqualTo("Активен");
        assertThat(card.at("/dataAreas/0/applicationName").asText()).isEqualTo("Бухгалтерия предприятия");
        assertThat(card.at("/products/0/multiUserMode").asText()).isEqualTo("Включен");
        assertThat(card.at("/products/0/tierLabel").asText()).isEqualTo("от 2 до 9");
        assertThat(page.get("content").get(1).get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(page.get("content").get(2).get("dataAreas")).isEmpty();
    }

    @Test
    void itPagesWithTheTotalAndAPageBeyondTheEndIsEmpty() {
        JsonNode second = list(partnerUser, "size=2&page=1");
        assertThat(numbers(second)).containsExactly(third.getNumber());
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
        JsonNode beyond = list(partnerUser, "size=2&page=9");
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(3);
        assertThat(refusal(partnerUser, "size=1000")).contains("size");
    }

    @Test
    void theStatusFilterAndTheSearchNarrowTheList() {
        assertThat(numbers(list(partnerUser, "status=SUSPENDED"))).containsExactly(suspended.getNumber());
        assertThat(numbers(list(partnerUser, "status=ACTIVE"))).containsExactly(first.getNumber(), third.getNumber());
        assertThat(numbers(list(partnerUser, "search=" + third.getNumber()))).containsExactly(third.getNumber());
        assertThat(numbers(list(partnerUser, "search=клиент " + suspended.getNumber()))).containsExactly(suspended.getNumber());
        assertThat(numbers(list(partnerUser, "search=%25"))).isEmpty();
        Subscriber byInn = data.subscriber(partner, "7813" + partner.getCode().substring(1) + "5");
        assertThat(numbers(list(partnerUser, "search=" + byInn.getInn().substring(0, 9)))).as("the INN from its start")
                .containsExactly(byInn.getNumber());
        assertThat(numbers(list(partnerUser, "search=" + byInn.getInn().substring(2)))).as("not from its middle").isEmpty();
        assertThat(numbers(list(otherPartnerUser, "search=" + byInn.getInn()))).isEmpty();
        assertThat(refusal(partnerUser, "status=FROZEN")).contains("status");
    }

    @Test
    void sortKeysAreNumberAndName() {
        List<String> byName = new ArrayList<>(List.of(first.getName(), suspended.getName(), third.getName()));
        byName.sort(Comparator.reverseOrder());
        assertThat(names(list(partnerUser, "sort=-name"))).containsExactlyElementsOf(byName);
        assertThat(numbers(list(partnerUser, "sort=-number"))).containsExactly(third.getNumber(), suspended.getNumber(), first.getNumber());
        assertThat(refusal(partnerUser, "sort=inn")).contains("name, number");
    }

    @Test
    void noFilterReachesAnotherPartnersClientsAndStaffSeeEveryone() {
        assertThat(numbers(list(partnerUser, "search=" + othersClient.getNumber()))).isEmpty();
        assertThat(numbers(list(partnerUser, "size=100"))).doesNotContain(othersClient.getNumber());
        assertThat(numbers(list(otherPartnerUser, "size=100"))).containsExactly(othersClient.getNumber());
        assertThat(numbers(list(data.user(Groups.VENDOR_STAFF), "search=" + othersClient.getNumber())))
                .containsExactly(othersClient.getNumber());
        assertThat(numbers(list(data.user(Groups.AUDITORS), ""))).isEmpty();
    }

    @Test
    void aClientUserListsOnlyTheOrganizationsItActsFor() {
        String client = data.clientUser(third);
        assertThat(numbers(list(client, ""))).containsExactly(third.getNumber());
        assertThat(numbers(list(client, "search=" + first.getNumber()))).isEmpty();
        assertThat(numbers(list(partnerUser, "own=true"))).isEmpty();
    }

    private JsonNode list(String user, String query) {
        return lists.page(user, "/api/subscribers?" + query);
    }

    private String refusal(String user, String query) {
        return lists.refusal(user, "/api/subscribers?" + query);
    }

    private static List<String> numbers(JsonNode page) {
        return ApiLists.texts(page, "number");
    }

    private static List<String> names(JsonNode page) {
        return ApiLists.texts(page, "name");
    }
}
