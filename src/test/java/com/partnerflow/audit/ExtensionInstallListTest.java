package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionApi.audit;
import static com.partnerflow.audit.ExtensionApi.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.ApiLists;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * {@code GET /api/subscribers/{number}/extensions} and {@code GET /api/extension-versions/{id}/grants} (ADR 0044): what
 * a client may install and who may install a version, paged, filtered, sorted, and never another partner's.
 */
class ExtensionInstallListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ApiLists lists;
    ExtensionApi api;
    Partner partner;
    String developer;
    String otherDeveloper;
    Subscriber client;
    Subscriber second;
    Subscriber othersClient;
    String clientUser;
    String othersClientUser;
    long forEveryClient;
    long forOneClient;

    @BeforeEach
    void aVersionForEveryClientAndAReportForOne() {
        lists = new ApiLists(http);
        api = new ExtensionApi(http);
        partner = data.partner();
        Partner other = data.partner();
        developer = data.developer(partner);
        otherDeveloper = data.developer(other);
        client = data.subscriber(partner);
        second = data.subscriber(partner);
        othersClient = data.subscriber(other);
        clientUser = data.clientUser(client);
        othersClientUser = data.clientUser(othersClient);
        forEveryClient = published(api.submitted(developer, api.registered(developer, "Банковские выписки"), version("1.0")));
        Map<String, Object> report = ExtensionApi.extension("Анализ продаж");
        report.put("kind", "ADDITIONAL_REPORT");
        long reportId = api.register(developer, report).getBody().get("id").asLong();
        forOneClient = published(api.submit(developer, reportId, version("2.0", client.getNumber()), "Анализ.erf", new byte[] {1, 2, 3})
                .getBody().get("id").asLong());
    }

    @Test
    void aClientPagesThroughWhatItMayInstallByNameOrTimeOfPublication() {
        String path = "/api/subscribers/" + client.getNumber() + "/extensions";
        JsonNode page = lists.page(clientUser, path);
        assertThat(versions(page)).containsExactly(forOneClient, forEveryClient);
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(versions(lists.page(clientUser, path + "?size=1&page=1"))).containsExactly(forEveryClient);
        JsonNode beyond = lists.page(clientUser, path + "?page=3");
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(2);
        assertThat(versions(lists.page(clientUser, path + "?sort=-name"))).containsExactly(forEveryClient, forOneClient);
        assertThat(versions(lists.page(clientUser, path + "?sort=published"))).containsExactly(forEveryClient, forOneClient);
        assertThat(versions(lists.page(clientUser, path + "?sort=-published"))).containsExactly(forOneClient, forEveryClient);
        assertThat(lists.refusal(clientUser, path + "?sort=version")).contains("name, published");
    }

    @Test
    void whatAClientMayInstallFiltersByKindOwnerAndName() {
        String path = "/api/subscribers/" + client.getNumber() + "/extensions";
        assertThat(versions(lists.page(clientUser, path + "?kind=ADDITIONAL_REPORT"))).containsExactly(forOneClient);
        assertThat(versions(lists.page(clientUser, path + "?owner=PARTNER"))).containsExactly(forOneClient, forEveryClient);
        assertThat(versions(lists.page(clientUser, path + "?owner=CLIENT"))).isEmpty();
        assertThat(versions(lists.page(clientUser, path + "?search=ВЫПИС"))).containsExactly(forEveryClient);
        assertThat(versions(lists.page(clientUser, path + "?search=%25"))).as("a search is text").isEmpty();
        assertThat(lists.refusal(clientUser, path + "?kind=PLUGIN")).contains("kind");
        assertThat(lists.refusal(clientUser, path + "?owner=NOBODY")).contains("owner");
        assertThat(versions(lists.page(data.clientUser(second), "/api/subscribers/" + second.getNumber() + "/extensions")))
                .as("the report was made for another client").containsExactly(forEveryClient);
    }

    @Test
    void noFilterReachesAnotherPartnersVersions() {
        assertThat(versions(lists.page(othersClientUser, "/api/subscribers/" + othersClient.getNumber() + "/extensions?search=выписки")))
                .doesNotContain(forEveryClient);
        assertThat(versions(lists.page(othersClientUser, "/api/subscribers/" + othersClient.getNumber() + "/extensions?size=100")))
                .doesNotContain(forEveryClient, forOneClient);
        assertThat(http.exchange("/api/subscribers/" + client.getNumber() + "/extensions", HttpMethod.GET,
                new HttpEntity<>(TransferApi.basic(othersClientUser)), JsonNode.class).getStatusCode().value())
                .as("another partner's client's list").isEqualTo(404);
    }

    @Test
    void grantsPageFilterBySubscriberOrEveryClientAndSortBothWays() {
        grant(forOneClient, List.of(second.getNumber()), true);
        String path = "/api/extension-versions/" + forOneClient + "/grants";
        JsonNode page = lists.page(developer, path);
        String all = "all:" + partner.getCode();
        assertThat(grantees(page)).containsExactly(client.getNumber(), second.getNumber(), all);
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(grantees(lists.page(developer, path + "?size=1&page=1"))).containsExactly(second.getNumber());
        assertThat(lists.page(developer, path + "?page=4").get("content")).isEmpty();
        assertThat(grantees(lists.page(developer, path + "?sort=-granted"))).containsExactly(all, second.getNumber(), client.getNumber());
        assertThat(lists.refusal(developer, path + "?sort=subscriber")).contains("granted");
        assertThat(grantees(lists.page(developer, path + "?subscriber=" + second.getNumber()))).containsExactly(second.getNumber());
        assertThat(grantees(lists.page(developer, path + "?allClients=true"))).containsExactly(all);
        assertThat(grantees(lists.page(developer, path + "?allClients=false"))).containsExactly(client.getNumber(), second.getNumber());
        assertThat(lists.refusal(developer, path + "?allClients=maybe")).contains("allClients");

        assertThat(lists.page(developer, path + "?subscriber=" + othersClient.getNumber()).get("content")).isEmpty();
        assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(otherDeveloper)), JsonNode.class)
                .getStatusCode().value()).as("another partner's version").isEqualTo(404);
        assertThat(lists.page(data.user(Groups.AUDITORS), path).get("totalElements").asLong()).isEqualTo(3);
    }

    /** The submitted version, approved by an auditor: published now. */
    private long published(long versionId) {
        String auditor = data.user(Groups.AUDITORS);
        api.submitTaskForm(auditor, api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText(),
                audit("APPROVE", Map.of(), null));
        return versionId;
    }

    private void grant(long versionId, List<String> subscribers, boolean allClients) {
        HttpHeaders headers = TransferApi.basic(developer);
        headers.setContentType(MediaType.APPLICATION_JSON);
        int status = http.exchange("/api/extension-versions/" + versionId + "/grants", HttpMethod.POST,
                new HttpEntity<>(Map.of("subscribers", subscribers, "allClients", allClients), headers), JsonNode.class).getStatusCode().value();
        assertThat(status).isEqualTo(200);
    }

    /** Each grant of the page: its client's number, or {@code all:<partner code>} for every client of the partner. */
    private static List<String> grantees(JsonNode page) {
        List<String> grantees = new ArrayList<>();
        page.get("content").forEach(grant -> grantees.add(grant.hasNonNull("subscriber") ? grant.get("subscriber").asText()
                : "all:" + grant.get("allClientsOf").asText()));
        return grantees;
    }

    private static List<Long> versions(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(version -> ids.add(version.get("versionId").asLong()));
        return ids;
    }
}
