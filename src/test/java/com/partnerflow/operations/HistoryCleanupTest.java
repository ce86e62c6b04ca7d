package com.partnerflow.operations;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/** History is removed at night, per instance, its process's time to live after the instance ended. */
class HistoryCleanupTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    @Test
    void theEngineCleansUpInANightlyWindowByRemovalTimeSetAtTheEnd() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
        assertThat(configuration.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P30D");
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
    }

    @Test
    void everyDeployedProcessAndDecisionHasATimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list()).isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isPositive())
                .extracting(ProcessDefinition::getKey).contains(TransferProcess.KEY);
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list()).isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isPositive())
                .extracting(DecisionDefinition::getKey).contains("reporting-extension-tier");
    }

    @Test
    void anEndedTransferIsKeptForItsTimeToLiveAndACleanupRunRemovesItOnceExpired() {
        String instanceId = rejectedTransfer();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        assertThat(ended.getRemovalTime()).as("end + P365D of subscriber-transfer.bpmn")
                .isEqualTo(Date.from(ended.getEndTime().toInstant().plus(365, ChronoUnit.DAYS)));

        // a year later, as far as this instance is concerned
        Date expired = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
        history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(expired).byIds(instanceId).executeAsync();
        await().atMost(Duration.ofMinutes(2)).until(() -> expired.equals(
                history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getRemovalTime()));

        history.cleanUpHistoryAsync(true);

        await().atMost(Duration.ofMinutes(2)).until(() ->
                history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count() == 0
                        && history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count() == 0);
    }

    /** Vendor staff reject the letter; the rejection is mailed and the instance ends. */
    private String rejectedTransfer() {
        TransferApi api = new TransferApi(http);
        Partner current = data.partner();
        Partner newPartner = data.partner();
        String newUser = data.partnerUser(newPartner);
        Subscriber subscriber = data.subscriber(current);
        long id = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF)
                .getBody().get("id").asLong();
        api.complete("vera", api.task("vera", id).get("id").asText(), Map.of(
                TransferProcess.LETTER_DECISION.name(), string("REJECT"),
                TransferProcess.LETTER_COMMENT.name(), string("Письмо не подписано")));
        String instanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getEndTime() != null);
        return instanceId;
    }
}
