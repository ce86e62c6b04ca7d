package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionApi.audit;
import static com.partnerflow.audit.ExtensionApi.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.DataArea;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * After publication the partner sets access itself (seed 002): it gives a version to more of its clients or takes a
 * grant back, and nobody else can; a client removes what it installed, through Tasklist's start form or {@code /api}.
 */
class ExtensionAccessTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;

    ExtensionApi api;
    Partner partner;
    String developer;
    String colleague;
    Subscriber client1;
    Subscriber client2;
    Subscriber client3;
    String clientUser2;
    long versionId;

    @BeforeEach
    void aVersionPublishedForOneClient() {
        api = new ExtensionApi(http);
        partner = data.partner();
        developer = data.developer(partner);
        colleague = data.partnerUser(partner);
        client1 = data.subscriber(partner);
        client2 = data.subscriber(partner);
        client3 = data.subscriber(partner);
        clientUser2 = data.clientUser(client2);
        versionId = api.submitted(developer, api.registered(developer, "Загрузка выписок"), version("1.0", client1.getNumber()));
        String auditor = data.user(Groups.AUDITORS);
        api.submitTaskForm(auditor, api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText(),
                audit("APPROVE", Map.of(), null));
    }

    @Test
    void thePartnerGivesThePublishedVersionToMoreClientsAndTakesAGrantBack() {
        assertThat(installable(clientUser2, client2)).doesNotContain(versionId);

        ResponseEntity<JsonNode> granted = grant(colleague, List.of(client2.getNumber(), client1.getNumber()), false);

        assertThat(granted.getStatusCode()).as("%s", granted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(granted.getBody()).extracting(grant -> grant.get("subscriber").asText())
                .as("a client that had access is not granted twice").containsExactly(client1.getNumber(), client2.getNumber());
        assertThat(installable(clientUser2, client2)).contains(versionId);
        DataArea area = data.dataArea(client2, ExtensionApi.ACCOUNTING);
        assertThat(api.install(clientUser2, client2.getNumber(), area.getId(), versionId).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(withdraw(colleague, client2.getNumber()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(installable(clientUser2, client2)).doesNotContain(versionId);
        assertThat(installedIn(clientUser2, client2)).as("what the client installed stays until it removes it").hasSize(1);
        assertThat(grants(developer).getBody().get("content")).extracting(grant -> grant.get("subscriber").asText()).containsExactly(client1.getNumber());
        assertThat(withdraw(colleague, client2.getNumber()).getStatusCode()).as("nothing left to take back").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aGrantToEveryClientReachesClientsThatComeLaterUntilItIsTakenBack() {
        assertThat(grant(developer, List.of(), true).getStatusCode()).isEqualTo(HttpStatus.OK);
        Subscriber newcomer = data.subscriber(partner);
        String newcomerUser = data.clientUser(newcomer);

        assertThat(installable(newcomerUser, newcomer)).contains(versionId);
        assertThat(grants(developer).getBody().get("content")).anySatisfy(grant -> assertThat(grant.path("allClientsOf").asText()).isEqualTo(partner.getCode()));

        assertThat(withdraw(developer, VersionAccess.ALL_CLIENTS).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(installable(newcomerUser, newcomer)).doesNotContain(versionId);
    }

    @Test
    void aGrantNamingAClientThePartnerDoesNotServeIsRefusedWholeNamingIt() {
        Subscriber foreign = data.subscriber(data.partner());

        ResponseEntity<JsonNode> refused = grant(developer, List.of(client3.getNumber(), foreign.getNumber(), "12x"), false);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").asText()).contains("Доступ не предоставлен", foreign.getNumber(), "«12x»",
                        "доступ к доработке дают только своим клиентам")
                .doesNotContain(client3.getNumber()).doesNotContain("дорабатывать");
        assertThat(grants(developer).getBody().get("content")).as("a refused call changes nothing").hasSize(1);
        assertThat(grant(developer, List.of(), false).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void onlyTheMaintainingPartnerSetsAccessAndOnlyToAPublishedVersion() {
        String otherPartner = data.developer(data.partner());
        String vendor = data.user(Groups.VENDOR_STAFF);
        String clientUser = data.clientUser(client1);

        assertThat(grant(otherPartner, List.of(client2.getNumber()), false).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(withdraw(otherPartner, client1.getNumber()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(grants(otherPartner).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(grants(vendor).getStatusCode()).as("vendor staff read").isEqualTo(HttpStatus.OK);
        assertThat(grant(vendor, List.of(client2.getNumber()), false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(grant(clientUser, List.of(client2.getNumber()), false).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(grants(developer).getBody().get("content")).hasSize(1);

        long inAudit = api.submitted(developer, api.registered(developer, "Еще в аудите"), version("1.0", client1.getNumber()));
        ResponseEntity<JsonNode> early = http.exchange("/api/extension-versions/" + inAudit + "/grants", HttpMethod.POST,
                json(developer, Map.of("subscribers", List.of(client2.getNumber()))), JsonNode.class);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText()).contains("не опубликована");
    }

    @Test
    void aClientRemovesAnInstalledExtensionThroughTasklistsStartFormAndOverTheApi() {
        String clientUser1 = data.clientUser(client1);
        DataArea area = data.dataArea(client1, ExtensionApi.ACCOUNTING);
        long first = api.install(clientUser1, client1.getNumber(), area.getId(), versionId).getBody().get("id").asLong();
        String stranger = data.clientUser(client2);

        ResponseEntity<JsonNode> foreign = api.remove(stranger, client1.getNumber(), area.getId(), first);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(RemovalProcess.SUBSCRIBER_NUMBER.name(), TransferApi.string(client2.getNumber()));
        variables.put(RemovalProcess.DATA_AREA_ID.name(), Map.of("value", area.getId(), "type", "Long"));
        variables.put(RemovalProcess.INSTALLATION_ID.name(), Map.of("value", first, "type", "Long"));
        ResponseEntity<JsonNode> foreignForm = api.submitStartForm(stranger, RemovalProcess.KEY, variables);

        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignForm.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> empty = api.submitStartForm(clientUser1, RemovalProcess.KEY, Map.of());
        assertThat(empty.getStatusCode()).as("nothing chosen: a 422 that says so").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(empty.getBody().get("message").asText()).contains("Укажите номер абонента");
        assertThat(installedIn(clientUser1, client1)).as("another client's call changes nothing").hasSize(1);

        variables.put(RemovalProcess.SUBSCRIBER_NUMBER.name(), TransferApi.string(client1.getNumber()));
        ResponseEntity<JsonNode> removed = api.submitStartForm(clientUser1, RemovalProcess.KEY, variables);

        assertThat(removed.getStatusCode()).as("%s", removed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(installedIn(clientUser1, client1)).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(RemovalProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(first)).singleResult().getStartUserId())
                .as("the history records who removed it").isEqualTo(clientUser1);

        long second = api.install(clientUser1, client1.getNumber(), area.getId(), versionId).getBody().get("id").asLong();
        assertThat(api.remove(clientUser1, client1.getNumber(), area.getId(), second).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(installedIn(clientUser1, client1)).isEmpty();
        assertThat(api.remove(clientUser1, client1.getNumber(), area.getId(), second).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> grant(String user, List<String> subscribers, boolean allClients) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscribers", subscribers);
        body.put("allClients", allClients);
        return http.exchange("/api/extension-versions/" + versionId + "/grants", HttpMethod.POST, json(user, body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> grants(String user) {
        return api.get(user, "/api/extension-versions/" + versionId + "/grants");
    }

    private ResponseEntity<JsonNode> withdraw(String user, String subscriber) {
        return http.exchange("/api/extension-versions/" + versionId + "/grants/" + subscriber, HttpMethod.DELETE,
                new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    private List<Long> installable(String user, Subscriber subscriber) {
        List<Long> ids = new ArrayList<>();
        api.get(user, "/api/subscribers/" + subscriber.getNumber() + "/extensions?size=100").getBody().get("content")
                .forEach(version -> ids.add(version.get("versionId").asLong()));
        return ids;
    }

    private List<JsonNode> installedIn(String user, Subscriber subscriber) {
        List<JsonNode> installed = new ArrayList<>();
        api.get(user, "/api/subscribers/" + subscriber.getNumber() + "/data-areas").getBody()
                .forEach(area -> area.get("installations").forEach(installed::add));
        return installed;
    }

    private static HttpEntity<Object> json(String user, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
