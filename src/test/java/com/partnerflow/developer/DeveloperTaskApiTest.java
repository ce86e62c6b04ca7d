package com.partnerflow.developer;

import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/** Vendor staff's decision on a developer-authorization request through {@code POST /api/tasks/{id}/developer-review}. */
class DeveloperTaskApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    TaskService taskService;

    @Test
    void vendorStaffAuthorizeTheDeveloperAndThePartnerCannotDecideItself() {
        Partner partner = data.partner();
        String employee = data.partnerUser(partner);
        long id = data.requestDeveloperAuthorization(employee, employee);
        String taskId = reviewOf(id);
        TaskApi tasks = new TaskApi(http);

        assertThat(expect(tasks.decide(employee, taskId, TaskKind.DEVELOPER_REVIEW, body("decision", "APPROVE")), 404)
                .get("detail").asText()).isEqualTo("Задача не найдена.");
        JsonNode approved = expect(tasks.decide(data.user(Groups.VENDOR_STAFF), taskId, TaskKind.DEVELOPER_REVIEW,
                body("decision", "APPROVE", "comment", "Сертификат разработчика проверен")), 200);

        assertThat(approved.get("kind").asText()).isEqualTo("DEVELOPER_REVIEW");
        assertThat(approved.at("/request/kind").asText()).isEqualTo("developer-authorizations");
        assertThat(approved.at("/request/href").asText()).isEqualTo("/api/developer-authorizations/" + id);
        assertThat(approved.at("/request/status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aRefusalWithoutItsReasonIsRefusedAndTheRequestStaysOpen() {
        String employee = data.partnerUser(data.partner());
        long id = data.requestDeveloperAuthorization(employee, employee);

        JsonNode refused = expect(new TaskApi(http).decide(data.user(Groups.VENDOR_STAFF), reviewOf(id), TaskKind.DEVELOPER_REVIEW,
                body("decision", "REJECT")), 422);

        assertThat(refused.get("detail").asText()).isNotBlank();
        assertThat(taskService.createTaskQuery().processDefinitionKey(DeveloperAuthorizationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).count()).isEqualTo(1);
    }

    private String reviewOf(long authorizationId) {
        return taskService.createTaskQuery().processDefinitionKey(DeveloperAuthorizationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(authorizationId)).singleResult().getId();
    }
}
