package com.partnerflow.audit;

import static com.partnerflow.ApiLists.ids;
import static com.partnerflow.ApiLists.texts;
import static com.partnerflow.audit.ExtensionApi.version;
import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code GET /api/extensions} (with their versions) and {@code GET /api/extension-versions} (ADR 0044): paged, filtered,
 * sorted, the partner's own only, every partner's for auditors.
 */
class ExtensionListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ApiLists lists;
    String developer;
    String otherDeveloper;
    long first;
    long second;
    long others;
    long firstVersion;
    long secondVersion;
    long othersVersion;

    @BeforeEach
    void twoExtensionsOfOnePartnerAndOneOfAnother() {
        ExtensionApi api = new ExtensionApi(http);
        lists = new ApiLists(http);
        Partner partner = data.partner();
        Partner other = data.partner();
        developer = data.developer(partner);
        otherDeveloper = data.developer(other);
        Subscriber client = data.subscriber(partner);
        Subscriber othersClient = data.subscriber(other);
        first = api.registered(developer, "Анализ продаж");
        second = api.registered(developer, "Банковские выписки");
        others = api.registered(otherDeveloper, "Анализ продаж");
        firstVersion = api.submitted(developer, first, version("1.0", client.getNumber()));
        secondVersion = api.submitted(developer, second, version("2.0", client.getNumber()));
        othersVersion = api.submitted(otherDeveloper, others, version("1.0", othersClient.getNumber()));
    }

    @Test
    void aDeveloperPagesThroughItsExtensionsEachWithItsVersions() {
        JsonNode page = lists.page(developer, "/api/extensions");
        assertThat(ids(page)).containsExactly(first, second);
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.at("/content/0/versions/0/id").asLong()).isEqualTo(firstVersion);
        assertThat(page.at("/content/1/versions/0/id").asLong()).isEqualTo(secondVersion);
        assertThat(ids(lists.page(developer, "/api/extensions?sort=-name"))).containsExactly(second, first);
        assertThat(ids(lists.page(developer, "/api/extensions?sort=-created&size=1&page=1"))).containsExactly(first);
        assertThat(lists.page(developer, "/api/extensions?page=4").get("content")).isEmpty();
        assertThat(lists.refusal(developer, "/api/extensions?sort=version")).contains("created, name");
    }

    @Test
    void extensionsFilterByKindAndOwner() {
        assertThat(ids(lists.page(developer, "/api/extensions?kind=ADDITIONAL_PROCESSING&owner=PARTNER"))).containsExactly(first, second);
        assertThat(ids(lists.page(developer, "/api/extensions?kind=ADDITIONAL_REPORT"))).isEmpty();
        assertThat(ids(lists.page(developer, "/api/extensions?owner=CLIENT"))).isEmpty();
        assertThat(lists.refusal(developer, "/api/extensions?kind=PLUGIN")).contains("kind");
    }

    @Test
    void versionsListNewestFirstFilteredByStatusAndExtension() {
        String status = lists.page(developer, "/api/extension-versions?extension=" + first).at("/content/0/status").asText();
        assertThat(ids(lists.page(developer, "/api/extension-versions"))).containsExactly(secondVersion, firstVersion);
        assertThat(ids(lists.page(developer, "/api/extension-versions?sort=submitted"))).containsExactly(firstVersion, secondVersion);
        assertThat(ids(lists.page(developer, "/api/extension-versions?extension=" + first))).containsExactly(firstVersion);
        assertThat(ids(lists.page(developer, "/api/extension-versions?status=" + status))).contains(firstVersion);
        assertThat(ids(lists.page(developer, "/api/extension-versions?status=APPROVED"))).isEmpty();
        assertThat(texts(lists.page(developer, "/api/extension-versions?sort=due"), "extensionName")).hasSize(2);
        assertThat(lists.refusal(developer, "/api/extension-versions?status=LOST")).contains("status");
        assertThat(lists.refusal(developer, "/api/extension-versions?extension=abc")).contains("extension");
    }

    @Test
    void noFilterReachesAnotherPartnersExtensionsAndAuditorsSeeEvery() {
        assertThat(ids(lists.page(otherDeveloper, "/api/extensions"))).containsExactly(others);
        assertThat(ids(lists.page(otherDeveloper, "/api/extension-versions?extension=" + first))).isEmpty();
        assertThat(ids(lists.page(developer, "/api/extension-versions?size=100"))).doesNotContain(othersVersion);
        String auditor = data.user(Groups.AUDITORS);
        assertThat(ids(lists.page(auditor, "/api/extension-versions?extension=" + others))).containsExactly(othersVersion);
        assertThat(ids(lists.page(data.user(Groups.FINANCE), "/api/extensions"))).isEmpty();
    }
}
