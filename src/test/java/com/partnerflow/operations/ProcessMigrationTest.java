package com.partnerflow.operations;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * The upgrade of a model with running instances (docs/operations.md), as an administrator does it over {@code /engine-rest}
 * (Cockpit's migration screens are not in the community edition). The new version is the same model and forms
 * deployed again, so the tests that run after this one in the shared context start an identical process.
 */
class ProcessMigrationTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void aWaitingTransferMovesToTheNewVersionWithItsTaskAndTimerAndFinishesThere() {
        TransferApi api = new TransferApi(http);
        Partner current = data.partner();
        String currentUser = data.partnerUser(current);
        String newUser = data.partnerUser(data.partner());
        Subscriber subscriber = data.subscriber(current);
        long id = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF)
                .getBody().get("id").asLong();
        api.complete("vera", api.task("vera", id).get("id").asText(), Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult();
        String taskId = api.task(currentUser, id).get("id").asText();

        Deployment upgrade = repository.createDeployment().name("subscriber-transfer, new version")
                .addClasspathResource("processes/subscriber-transfer.bpmn")
                .addClasspathResource("forms/transfer-review-letter.form")
                .addClasspathResource("forms/transfer-partner-agreement.form")
                .addClasspathResource("forms/transfer-vendor-decision.form")
                .deploy();
        String target = repository.createProcessDefinitionQuery().deploymentId(upgrade.getId()).singleResult().getId();

        ResponseEntity<JsonNode> plan = post("/engine-rest/migration/generate", Map.of(
                "sourceProcessDefinitionId", instance.getProcessDefinitionId(),
                "targetProcessDefinitionId", target,
                "updateEventTriggers", false));
        assertThat(plan.getStatusCode()).as(String.valueOf(plan.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(plan.getBody().get("instructions")).extracting(instruction -> instruction.at("/sourceActivityIds/0").asText())
                .contains(TransferProcess.Elements.PARTNER_AGREEMENT, TransferProcess.Elements.PARTNER_ANSWER_OVERDUE);

        ResponseEntity<JsonNode> executed = post("/engine-rest/migration/execute", Map.of(
                "migrationPlan", plan.getBody(),
                "processInstanceIds", List.of(instance.getId()),
                "skipCustomListeners", false,
                "skipIoMappings", false));
        assertThat(executed.getStatusCode()).as(String.valueOf(executed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId())
                .isEqualTo(target);
        assertThat(api.task(currentUser, id).get("id").asText()).as("the same task, not a new one").isEqualTo(taskId);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().list())
                .as("the silence timer and its reminder").hasSize(2).allMatch(timer -> timer.getProcessDefinitionId().equals(target));

        api.complete(currentUser, taskId, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getEndTime() != null);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TransferProcess.Elements.END_TRANSFERRED).count()).isOne();
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "admin");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
