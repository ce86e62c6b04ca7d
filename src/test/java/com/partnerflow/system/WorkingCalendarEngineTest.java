package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine resolves a user task's due date and a timer's duration in working days once the plugin is in. */
class WorkingCalendarEngineTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String LITERAL = "calendar-test";
    static final String EXPRESSION = "calendar-test-expression";
    static final String TASK = "task";
    static final String DEADLINE = "deadline";

    static final Date FRIDAY_EVENING = moscow("2026-11-20T18:00");
    static final Date TUESDAY_EVENING = moscow("2026-11-24T18:00");

    static ProcessEngine engine;

    static Date moscow(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant());
    }

    /** One user task, due in {@code deadline}, with a non-interrupting reminder after {@code deadline}. */
    static BpmnModelInstance model(String key, String deadline) {
        return Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(TASK).camundaDueDate(deadline)
                .boundaryEvent("reminder").cancelActivity(false).timerWithDuration(deadline)
                .endEvent()
                .moveToActivity(TASK)
                .endEvent()
                .done();
    }

    @BeforeAll
    static void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("calendar-test");
        configuration.setJdbcUrl("jdbc:h2:mem:calendar-test");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setJobExecutorActivate(false);
        List<ProcessEnginePlugin> plugins = new ArrayList<>();
        plugins.add(new WorkingCalendarPlugin(new WorkingCalendar(MOSCOW, List.of(), List.of())));
        configuration.setProcessEnginePlugins(plugins);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance(LITERAL + ".bpmn", model(LITERAL, WorkingDaysBusinessCalendar.EXAMPLE))
                .addModelInstance(EXPRESSION + ".bpmn", model(EXPRESSION, "${" + DEADLINE + "}"))
                .deploy();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void resolvesWorkingDaysWrittenInTheModel() {
        ClockUtil.setCurrentTime(FRIDAY_EVENING);

        assertDueOnTuesdayEvening(engine.getRuntimeService().startProcessInstanceByKey(LITERAL));
    }

    @Test
    void resolvesWorkingDaysAnExpressionYields() {
        ClockUtil.setCurrentTime(FRIDAY_EVENING);

        assertDueOnTuesdayEvening(engine.getRuntimeService()
                .startProcessInstanceByKey(EXPRESSION, Map.of(DEADLINE, WorkingDaysBusinessCalendar.EXAMPLE)));
    }

    private static void assertDueOnTuesdayEvening(ProcessInstance instance) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();

        // read back from the database as java.sql.Timestamp, which never equals a Date
        assertThat(task.getDueDate().toInstant()).isEqualTo(TUESDAY_EVENING.toInstant());
        assertThat(timer.getDuedate().toInstant()).isEqualTo(TUESDAY_EVENING.toInstant());
    }
}
