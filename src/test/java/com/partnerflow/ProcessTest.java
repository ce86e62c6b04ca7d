package com.partnerflow;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.partnerflow.system.ClearDecisionListener;
import com.partnerflow.system.Deadlines;
import com.partnerflow.system.DescribeTaskListener;
import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;
import com.partnerflow.system.TaskTexts;
import com.partnerflow.system.WorkingCalendar;

/**
 * Base of the process tests: the real models (named by each class's {@code @Deployment}) on the
 * in-memory engine of {@code process-test-engine.cfg.xml}, with camunda-bpm-assert bound to it. Each
 * class registers its own {@link #engine()} extension (one per class: the extension keeps per-class
 * state) and its stand-ins with {@link Mocks} in a {@code @BeforeEach}, which runs after this one;
 * mocks, the engine clock and assert's engine are reset after every test.
 */
public abstract class ProcessTest {

    /**
     * How often a mail step runs before it becomes an incident: the first attempt and one retry per interval of
     * its {@code failedJobRetryTimeCycle}, {@code PT1M,PT5M,PT10M,PT20M,PT30M,PT1H} (checked by ProcessModelTest).
     */
    protected static final int MAIL_ATTEMPTS = 7;

    /** The engine of {@code process-test-engine.cfg.xml}, for a class's {@code @RegisterExtension} field. */
    protected static ProcessEngineExtension engine() {
        return ProcessEngineExtension.builder().configurationResource("process-test-engine.cfg.xml").build();
    }

    /** Due dates as the descriptions write them, in the zone of {@code process-test-engine.cfg.xml}. */
    protected static final Deadlines DEADLINES = new Deadlines(new WorkingCalendar(ZoneId.of("Europe/Moscow"), List.of(), List.of()));

    /** Registers the real {@code describeTaskListener} with a process's real {@link TaskTexts}, its domain a stand-in. */
    protected static void describeTasksWith(TaskTexts texts) {
        Mocks.register("describeTaskListener", new DescribeTaskListener(List.of(texts)));
    }

    /** Registers the real {@code clearDecisionListener} for a process, its decisions named by the process API. */
    protected static void clearDecisionsOf(String processKey, Function<String, List<ProcessVariable<?>>> decisionOf) {
        Mocks.register("clearDecisionListener", new ClearDecisionListener(List.of(new TaskDecisions() {
            @Override
            public String processKey() {
                return processKey;
            }

            @Override
            public List<ProcessVariable<?>> of(String taskDefinitionKey) {
                return decisionOf.apply(taskDefinitionKey);
            }
        })));
    }

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(ProcessEngines.getProcessEngine("process-test"));
    }

    @AfterEach
    void resetMocksAndClock() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }
}
