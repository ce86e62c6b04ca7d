package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDaysBusinessCalendarTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final WorkingCalendar CALENDAR = new WorkingCalendar(MOSCOW, List.of(), List.of());

    static final Date FRIDAY_EVENING = moscow("2026-11-20T18:00");
    static final Date TUESDAY_EVENING = moscow("2026-11-24T18:00");

    final BusinessCalendar duration = new WorkingDaysBusinessCalendar(CALENDAR, new DurationBusinessCalendar());
    final BusinessCalendar dueDate = new WorkingDaysBusinessCalendar(CALENDAR, new DueDateBusinessCalendar());

    static Date moscow(String localDateTime) {
        Instant instant = LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
        return Date.from(instant);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void countsWorkingDaysFromTheGivenStart() {
        assertThat(duration.resolveDuedate(WorkingDaysBusinessCalendar.EXAMPLE, FRIDAY_EVENING)).isEqualTo(TUESDAY_EVENING);
        assertThat(dueDate.resolveDuedate(WorkingDaysBusinessCalendar.EXAMPLE, FRIDAY_EVENING)).isEqualTo(TUESDAY_EVENING);
    }

    @Test
    void countsWorkingDaysFromTheEngineClockWithoutAStart() {
        ClockUtil.setCurrentTime(FRIDAY_EVENING);

        assertThat(duration.resolveDuedate(WorkingDaysBusinessCalendar.EXAMPLE)).isEqualTo(TUESDAY_EVENING);
        assertThat(duration.resolveDuedate(WorkingDaysBusinessCalendar.EXAMPLE, (Date) null)).isEqualTo(TUESDAY_EVENING);
        assertThat(dueDate.resolveDuedate(WorkingDaysBusinessCalendar.EXAMPLE, new TaskEntity())).isEqualTo(TUESDAY_EVENING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 working days", " 2 Working Days ", "2 WORKING DAYS", "2  working\tdays"})
    void readsTheDescriptionLeniently(String description) {
        assertThat(dueDate.resolveDuedate(description, FRIDAY_EVENING)).isEqualTo(TUESDAY_EVENING);
    }

    @Test
    void readsOneWorkingDay() {
        assertThat(dueDate.resolveDuedate("1 working day", FRIDAY_EVENING)).isEqualTo(moscow("2026-11-23T18:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P5D", "PT2M"})
    void leavesIsoDurationsToTheDurationCalendar(String description) {
        ClockUtil.setCurrentTime(FRIDAY_EVENING);
        DurationBusinessCalendar camunda = new DurationBusinessCalendar();

        assertThat(duration.resolveDuedate(description, FRIDAY_EVENING))
                .isEqualTo(camunda.resolveDuedate(description, FRIDAY_EVENING));
        assertThat(duration.resolveDuedate(description)).isEqualTo(camunda.resolveDuedate(description));
        assertThat(duration.resolveDuedate(description, new TaskEntity()))
                .isEqualTo(camunda.resolveDuedate(description, new TaskEntity()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P5D", "PT2M", "2026-11-25T10:00:00", "2026-11-25T10:00:00+03:00"})
    void leavesIsoDurationsAndDatesToTheDueDateCalendar(String description) {
        ClockUtil.setCurrentTime(FRIDAY_EVENING);
        DueDateBusinessCalendar camunda = new DueDateBusinessCalendar();

        assertThat(dueDate.resolveDuedate(description, FRIDAY_EVENING))
                .isEqualTo(camunda.resolveDuedate(description, FRIDAY_EVENING));
        assertThat(dueDate.resolveDuedate(description)).isEqualTo(camunda.resolveDuedate(description));
        assertThat(dueDate.resolveDuedate(description, new TaskEntity()))
                .isEqualTo(camunda.resolveDuedate(description, new TaskEntity()));
    }

    @Test
    void leavesWhatItDoesNotUnderstandToTheFallback() {
        assertThatExceptionOfType(ProcessEngineException.class)
                .isThrownBy(() -> duration.resolveDuedate("2 working weeks", FRIDAY_EVENING));
    }

    @Test
    void refusesAnAbsurdNumberOfWorkingDays() {
        assertThatExceptionOfType(ProcessEngineException.class)
                .isThrownBy(() -> duration.resolveDuedate("99999999999 working days", FRIDAY_EVENING));
    }
}
