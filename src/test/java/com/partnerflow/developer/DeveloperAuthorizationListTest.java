package com.partnerflow.developer;

import static com.partnerflow.ApiLists.ids;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@code GET /api/developer-authorizations} (ADR 0044): a partner's employees page through their partner's, vendor staff
 * through every partner's; filtered by status, partner, employee and time of change; never another partner's.
 */
class DeveloperAuthorizationListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ApiLists lists;
    Partner partner;
    Partner other;
    String requester;
    String developer;
    String candidate;
    String othersDeveloper;
    long active;
    long requested;
    long othersActive;
    Instant betweenThem;

    @BeforeEach
    void anActiveAuthorizationAndARequestOfOnePartnerAndAnotherPartnersAuthorization() {
        lists = new ApiLists(http);
        partner = data.partner();
        other = data.partner();
        requester = data.partnerUser(partner);
        developer = data.partnerUser(partner);
        candidate = data.partnerUser(partner);
        othersDeveloper = data.partnerUser(other);
        active = data.authorizeDeveloper(developer);
        othersActive = data.authorizeDeveloper(othersDeveloper);
        betweenThem = Instant.now();
        requested = data.requestDeveloperAuthorization(requester, candidate);
    }

    @Test
    void aPartnerPagesThroughItsAuthorizationsNewestFirst() {
        JsonNode page = lists.page(requester, "/api/developer-authorizations");
        assertThat(ids(page)).containsExactly(requested, active);
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?size=1&page=1"))).containsExactly(active);
        JsonNode beyond = lists.page(requester, "/api/developer-authorizations?page=7");
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(2);
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?sort=requested"))).containsExactly(active, requested);
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?sort=-requested"))).containsExactly(requested, active);
        assertThat(lists.refusal(requester, "/api/developer-authorizations?sort=developer")).contains("requested");
    }

    @Test
    void authorizationsFilterByStatusEmployeeAndTimeOfChange() {
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?status=ACTIVE"))).containsExactly(active);
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?status=REQUESTED"))).containsExactly(requested);
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?status=REJECTED"))).isEmpty();
        assertThat(lists.refusal(requester, "/api/developer-authorizations?status=GRANTED")).contains("status");
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?developer=" + candidate))).containsExactly(requested);
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?partner=" + partner.getCode()))).containsExactly(requested, active);
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?updatedSince=" + betweenThem))).containsExactly(requested);
        assertThat(lists.refusal(requester, "/api/developer-authorizations?updatedSince=today")).contains("updatedSince");
    }

    @Test
    void noFilterReachesAnotherPartnersAuthorizationsAndVendorStaffSeeEvery() {
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?partner=" + other.getCode()))).isEmpty();
        assertThat(ids(lists.page(requester, "/api/developer-authorizations?developer=" + othersDeveloper))).isEmpty();
        assertThat(ids(lists.page(othersDeveloper, "/api/developer-authorizations"))).containsExactly(othersActive);
        String vendor = data.user(Groups.VENDOR_STAFF);
        assertThat(ids(lists.page(vendor, "/api/developer-authorizations?partner=" + other.getCode()))).containsExactly(othersActive);
        assertThat(ids(lists.page(vendor, "/api/developer-authorizations?partner=NO-SUCH-PARTNER"))).isEmpty();
    }
}
