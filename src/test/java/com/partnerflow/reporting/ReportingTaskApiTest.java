package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingApi.application;
import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * The servicing partner's decision on a reporting application through {@code POST /api/tasks/{id}/application-processing}:
 * approval with the tier changed, rejection with and without its reason, the client and another partner (404).
 */
class ReportingTaskApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ReportingApi applications;
    TaskApi tasks;
    String partnerUser;
    String client;
    Subscriber subscriber;

    @BeforeEach
    void aSubscriberWithAClientUserAndItsPartner() {
        applications = new ReportingApi(http);
        tasks = new TaskApi(http);
        Partner partner = data.partner();
        partnerUser = data.partnerUser(partner);
        subscriber = data.subscriber(partner);
        client = data.clientUser(subscriber);
    }

    @Test
    void thePartnerApprovesWithAnotherTierAndTheApplicationIsEnabled() {
        long id = applications.submitted(client, application(subscriber.getNumber()));

        JsonNode approved = expect(tasks.decide(partnerUser, taskOf(id), TaskKind.APPLICATION_PROCESSING,
                body("decision", "APPROVE", "tier", "TEN_OR_MORE")), 200);

        assertThat(approved.get("kind").asText()).isEqualTo("APPLICATION_PROCESSING");
        assertThat(approved.at("/request/kind").asText()).isEqualTo("reporting-applications");
        assertThat(approved.at("/request/href").asText()).isEqualTo("/api/reporting-applications/" + id);
        assertThat(approved.at("/request/status").asText()).isIn("APPROVED", "ENABLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> applications.application(client, id).get("status").asText().equals("ENABLED"));
        assertThat(applications.application(client, id).get("tier").asText()).isEqualTo("TEN_OR_MORE");
    }

    @Test
    void aRejectionNeedsItsReasonInTasklistsWords() {
        long id = applications.submitted(client, application(subscriber.getNumber()));
        String taskId = taskOf(id);

        JsonNode refused = expect(tasks.decide(partnerUser, taskId, TaskKind.APPLICATION_PROCESSING, body("decision", "REJECT")), 422);
        JsonNode tasklist = applications.submitTaskForm(partnerUser, taskId, ReportingApi.reject(null)).getBody();
        assertThat(refused.get("detail").asText()).isEqualTo("Укажите причину отказа.").isEqualTo(tasklist.get("message").asText());

        JsonNode rejected = expect(tasks.decide(partnerUser, taskId, TaskKind.APPLICATION_PROCESSING,
                body("decision", "REJECT", "rejectionReason", "Клиент отозвал заявление по телефону")), 200);
        assertThat(rejected.at("/request/status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void neitherTheClientNorAnotherPartnerCanDecide() {
        long id = applications.submitted(client, application(subscriber.getNumber()));
        String taskId = taskOf(id);
        String outsider = data.partnerUser(data.partner());

        assertThat(expect(tasks.decide(outsider, taskId, TaskKind.APPLICATION_PROCESSING, body("decision", "APPROVE")), 404)
                .get("detail").asText()).isEqualTo("Задача не найдена.");
        assertThat(expect(tasks.decide(client, taskId, TaskKind.APPLICATION_PROCESSING, body("decision", "APPROVE")), 404)
                .get("detail").asText()).isEqualTo("Задача не найдена.");
        assertThat(applications.application(client, id).get("status").asText()).isEqualTo("SUBMITTED");
    }

    private String taskOf(long applicationId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> applications.task(partnerUser, applicationId), task -> task != null)
                .get("id").asText();
    }
}
