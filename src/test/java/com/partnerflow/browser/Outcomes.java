package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** What a browser test checks after a form: where the instance ended, once its asynchronous steps have run. */
final class Outcomes {

    private Outcomes() {
    }

    /** Waits until the instance has completed at the end event (mails and other asynchronous steps come first). */
    static void awaitEnded(HistoryService history, String instanceId, String endEvent) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(instanceId).singleResult();
            assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(instance.getEndActivityId()).isEqualTo(endEvent);
        });
    }
}
