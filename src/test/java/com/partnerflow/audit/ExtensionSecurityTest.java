package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionApi.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
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
 * Who may do what in extension audits: only authorized developers submit, and only for their own partner's
 * extensions; another partner sees nothing of an audit; a client sees and installs only published versions
 * it has access to, into its own data areas; only a currently authorized developer submits, and only the vendor
 * decides and withdraws an authorization.
 */
class ExtensionSecurityTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    ExtensionApi api;
    Partner partner;
    String developer;
    String auditor;
    Subscriber client;
    String clientUser;
    long extensionId;
    long versionId;
    String otherDeveloper;

    @BeforeEach
    void aVersionInAudit() {
        api = new ExtensionApi(http);
        partner = data.partner();
        developer = data.developer(partner);
        auditor = data.user(Groups.AUDITORS);
        client = data.subscriber(partner);
        clientUser = data.clientUser(client);
        extensionId = api.registered(developer, "Доработка партнера");
        versionId = api.submitted(developer, extensionId, version("1.0", client.getNumber()));
        otherDeveloper = data.developer(data.partner());
    }

    /** The list once answered {@code versions: []} for every extension (issue 20). */
    @Test
    void theDeveloperListsItsExtensionsWithTheirVersions() {
        long second = api.submitted(developer, api.registered(developer, "Вторая доработка"), version("3.1", client.getNumber()));

        JsonNode listed = api.get(developer, "/api/extensions").getBody().get("content");

        assertThat(listed).extracting(extension -> extension.get("name").asText())
                .containsExactlyInAnyOrder("Доработка партнера", "Вторая доработка");
        assertThat(listed).allSatisfy(extension -> assertThat(extension.get("versions")).hasSize(1));
        assertThat(listed).extracting(extension -> extension.get("versions").get(0).get("id").asLong())
                .containsExactlyInAnyOrder(versionId, second);
    }

    /** Found by an outside tester: an authorization for «1С:Бухгалтерия 8» let the developer register an ERP extension. */
    @Test
    void aDeveloperDevelopsOnlyForTheApplicationsTheVendorAuthorized() {
        java.util.Map<String, Object> erp = ExtensionApi.extension("Для ERP");
        erp.put("targetApplication", "ERP Управление предприятием");
        java.util.Map<String, Object> unknown = ExtensionApi.extension("Для своей программы");
        unknown.put("targetApplication", "Моя программа");

        ResponseEntity<JsonNode> forErp = api.register(developer, erp);
        ResponseEntity<JsonNode> forUnknown = api.register(developer, unknown);

        assertThat(forErp.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(forErp.getBody().get("detail").asText()).contains("авторизованы как разработчик для 1С:Бухгалтерия 8",
                "«1С:ERP Управление предприятием» — нет");
        assertThat(forUnknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(forUnknown.getBody().get("detail").asText()).contains("не из списка приложений сервиса");
        assertThat(api.get(developer, "/api/extensions").getBody().get("content")).extracting(extension -> extension.get("name").asText())
                .containsExactly("Доработка партнера");
    }

    @Test
    void anotherPartnersDeveloperCannotSubmitAVersionOfThisExtensionNorSeeItsAudit() {
        ResponseEntity<JsonNode> submit = api.submit(otherDeveloper, extensionId, version("2.0"), "x.epf", new byte[] {1});

        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(otherDeveloper, "/api/extensions/" + extensionId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(otherDeveloper, "/api/extension-versions/" + versionId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(otherDeveloper, "/api/extension-versions/" + versionId + "/file").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(otherDeveloper, "/api/extensions").getBody().get("content")).isEmpty();
        assertThat(api.tasks(otherDeveloper, versionId)).isEmpty();
        assertThat(count(otherDeveloper, "/engine-rest/process-instance/count?processDefinitionKey=" + ExtensionAuditProcess.KEY
                + "&businessKey=" + versionId)).isZero();
        assertThat(count(otherDeveloper, "/engine-rest/history/process-instance/count?processDefinitionKey=" + ExtensionAuditProcess.KEY
                + "&processInstanceBusinessKey=" + versionId)).isZero();

        assertThat(api.tasks(developer, versionId)).as("the developer's partner sees no auditor's task").isEmpty();
        assertThat(count(developer, "/engine-rest/process-instance/count?processDefinitionKey=" + ExtensionAuditProcess.KEY
                + "&businessKey=" + versionId)).as("but its own instance").isOne();
        assertThat(api.tasks(auditor, versionId)).hasSize(1);
    }

    @Test
    void aPartnerEmployeeTheVendorDidNotAuthorizeCannotSubmit() {
        String colleague = data.partnerUser(partner);

        ResponseEntity<JsonNode> register = api.register(colleague, ExtensionApi.extension("Еще одна"));
        ResponseEntity<JsonNode> submit = api.submit(colleague, extensionId, version("2.0"), "x.epf", new byte[] {1});

        assertThat(register.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submit.getBody().get("detail").asText()).contains("авторизованные фирмой как разработчики");
        assertThat(api.get(colleague, "/api/extension-versions/" + versionId).getStatusCode())
                .as("a colleague still sees the partner's audits").isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyACurrentlyAuthorizedDeveloperSubmitsAndAWithdrawalEndsIt() {
        String colleague = data.partnerUser(partner);
        long request = data.requestDeveloperAuthorization(developer, colleague);

        assertThat(api.register(colleague, ExtensionApi.extension("Пока нельзя")).getStatusCode())
                .as("a request is not an authorization").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(decide(developer, request, "APPROVE").getStatusCode()).as("a partner does not decide").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(decide("vera", request, "APPROVE").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.register(colleague, ExtensionApi.extension("Теперь можно")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(withdraw(developer, request).getStatusCode()).as("a partner does not withdraw").isEqualTo(HttpStatus.FORBIDDEN);
        // at once: the withdrawal is awaited from the approval on, whether or not its mail went out (docs/adr/0034)
        assertThat(withdraw("vera", request).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.register(colleague, ExtensionApi.extension("Уже нельзя")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> decide(String user, long request, String decision) {
        return json(user, "/api/developer-authorizations/" + request + "/decision", Map.of("decision", decision));
    }

    private ResponseEntity<JsonNode> withdraw(String user, long request) {
        return json(user, "/api/developer-authorizations/" + request + "/withdrawal", Map.of("reason", "Сотрудник уволился"));
    }

    private ResponseEntity<JsonNode> json(String user, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aClientSeesAndInstallsNothingBeforePublicationNorWithoutAccess() {
        DataArea area = data.dataArea(client, ExtensionApi.ACCOUNTING);
        Subscriber otherClient = data.subscriber(partner);
        String otherClientUser = data.clientUser(otherClient);
        DataArea otherArea = data.dataArea(otherClient, ExtensionApi.ACCOUNTING);

        assertThat(api.get(clientUser, "/api/subscribers/" + client.getNumber() + "/extensions").getBody().get("content")).isEmpty();
        assertThat(api.install(clientUser, client.getNumber(), area.getId(), versionId).getStatusCode())
                .as("not approved yet").isEqualTo(HttpStatus.NOT_FOUND);

        api.submitTaskForm(auditor, api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText(),
                ExtensionApi.audit("APPROVE", Map.of(), null));

        assertThat(api.get(clientUser, "/api/extension-versions/" + versionId).getStatusCode())
                .as("the audit itself is not the client's").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(otherClientUser, "/api/subscribers/" + otherClient.getNumber() + "/extensions").getBody().get("content")).isEmpty();
        assertThat(api.install(otherClientUser, otherClient.getNumber(), otherArea.getId(), versionId).getStatusCode())
                .as("no access").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(otherClientUser, "/api/subscribers/" + client.getNumber() + "/extensions").getStatusCode())
                .as("another subscriber's list").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.install(clientUser, client.getNumber(), otherArea.getId(), versionId).getStatusCode())
                .as("another subscriber's data area").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.install(otherClientUser, client.getNumber(), area.getId(), versionId).getStatusCode())
                .as("on behalf of another subscriber").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.install(developer, client.getNumber(), area.getId(), versionId).getStatusCode())
                .as("the partner does not install for the client: it may not even start an installation")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(InstallationProcess.KEY)
                .variableValueEquals(InstallationProcess.DATA_AREA_ID.name(), otherArea.getId()).count())
                .as("a refused installation leaves no instance").isZero();

        assertThat(api.install(clientUser, client.getNumber(), area.getId(), versionId).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPartnerCannotCompleteTheAuditorsTask() {
        String taskId = api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText();

        ResponseEntity<JsonNode> response = api.submitTaskForm(developer, taskId, ExtensionApi.audit("APPROVE", Map.of(), null));

        assertThat(response.getStatusCode().value()).isIn(403, 404);
        assertThat(api.version(developer, versionId).get("status").asText()).isEqualTo("IN_AUDIT");
    }

    private long count(String user, String path) {
        return api.get(user, path).getBody().get("count").asLong();
    }
}
