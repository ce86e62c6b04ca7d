package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** The new-year holidays 2026/2027 as in process-test-engine.cfg.xml; Saturday 2026-11-14 made a working day. */
    static final WorkingCalendar CALENDAR = new WorkingCalendar(MOSCOW,
            Stream.concat(Stream.of(LocalDate.of(2026, 12, 31)),
                    LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2027, 1, 9))).toList(),
            List.of(LocalDate.of(2026, 11, 14)));

    static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // Friday evening: Monday and Tuesday, same time
            "2026-11-20T18:00, 2, 2026-11-24T18:00",
            // weekend: counting starts on Monday 00:00, two whole days end on Wednesday 00:00
            "2026-11-21T10:00, 2, 2026-11-25T00:00",
            "2026-11-22T23:59, 2, 2026-11-25T00:00",
            // mid-week
            "2026-11-18T09:30, 2, 2026-11-20T09:30",
            "2026-11-18T09:30, 3, 2026-11-23T09:30",
            // before the new-year holidays: Mon Jan 11 is day 1, Tue Jan 12 day 2
            "2026-12-30T15:00, 2, 2027-01-12T15:00",
            // on a holiday: counting starts on the next working day, Mon Jan 11 00:00
            "2027-01-05T10:00, 1, 2027-01-12T00:00",
            "2026-12-31T10:00, 2, 2027-01-13T00:00",
            // the working Saturday counts: Friday + Saturday, and Saturday itself is a start like any working day
            "2026-11-13T12:00, 1, 2026-11-14T12:00",
            "2026-11-13T12:00, 2, 2026-11-16T12:00",
            "2026-11-14T12:00, 1, 2026-11-16T12:00",
    })
    void countsWorkingDays(String start, int days, String end) {
        assertThat(CALENDAR.plusWorkingDays(moscow(start), days)).isEqualTo(moscow(end));
    }

    @ParameterizedTest(name = "{0} - {1} working days = {2}")
    @CsvSource({
            // Tuesday evening: Monday evening
            "2026-11-24T18:00, 1, 2026-11-23T18:00",
            // Monday morning and a weekend deadline: the Friday before, same time
            "2026-11-23T10:00, 1, 2026-11-20T10:00",
            "2026-11-21T10:00, 1, 2026-11-20T10:00",
            "2026-11-24T18:00, 2, 2026-11-20T18:00",
            // after the new-year holidays: the last working day before them
            "2027-01-11T12:00, 1, 2026-12-30T12:00",
            // the working Saturday counts
            "2026-11-16T12:00, 1, 2026-11-14T12:00",
            "2026-11-18T09:30, 0, 2026-11-18T09:30",
    })
    void countsWorkingDaysBack(String end, int days, String start) {
        assertThat(CALENDAR.minusWorkingDays(moscow(end), days)).isEqualTo(moscow(start));
    }

    @Test
    void aReminderComesTheConfiguredWorkingDaysBeforeItsDeadlineOrHalfwayWhenTheDeadlineIsCloser() {
        Deadlines deadlines = new Deadlines(CALENDAR, 1);
        Instant friday = moscow("2026-11-20T15:00");
        assertThat(deadlines.after(friday, "P5D")).isEqualTo(moscow("2026-11-25T15:00"));
        assertThat(deadlines.after(friday, "2 working days")).isEqualTo(moscow("2026-11-24T15:00"));
        assertThat(deadlines.reminder(friday, moscow("2026-11-25T15:00"))).isEqualTo(moscow("2026-11-24T15:00"));
        assertThat(deadlines.reminder(friday, deadlines.after(friday, "10 working days"))).isEqualTo(moscow("2026-12-03T15:00"));
        assertThat(deadlines.reminder(friday, moscow("2026-11-20T15:10"))).as("a deadline in 10 minutes").isEqualTo(moscow("2026-11-20T15:05"));
        assertThat(new Deadlines(CALENDAR, 2).reminder(friday, moscow("2026-11-25T15:00"))).isEqualTo(moscow("2026-11-23T15:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Deadlines(CALENDAR, 0));
    }

    @Test
    void zeroDaysIsTheStartOnAWorkingDayAndTheNextWorkingMorningOtherwise() {
        assertThat(CALENDAR.plusWorkingDays(moscow("2026-11-18T09:30"), 0)).isEqualTo(moscow("2026-11-18T09:30"));
        assertThat(CALENDAR.plusWorkingDays(moscow("2026-11-21T10:00"), 0)).isEqualTo(moscow("2026-11-23T00:00"));
    }

    @Test
    void refusesNegativeDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.plusWorkingDays(moscow("2026-11-18T09:30"), -1));
    }

    @Test
    void knowsWorkingDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 13))).as("Friday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 14))).as("working Saturday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 15))).as("Sunday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 12, 31))).as("holiday").isFalse();
    }

    @Test
    void keepsTheLocalTimeAcrossTheChangeToSummerTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WorkingCalendar calendar = new WorkingCalendar(berlin, List.of(), List.of());
        // Sunday 2026-03-29 02:00 CET becomes 03:00 CEST
        ZonedDateTime friday = ZonedDateTime.of(2026, 3, 27, 18, 0, 0, 0, berlin);

        ZonedDateTime end = calendar.plusWorkingDays(friday.toInstant(), 2).atZone(berlin);

        assertThat(end.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 31, 18, 0));
        assertThat(Duration.between(friday, end)).isEqualTo(Duration.ofDays(4).minusHours(1));
    }

    @Test
    void keepsTheLocalTimeAcrossTheChangeToWinterTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WorkingCalendar calendar = new WorkingCalendar(berlin, List.of(), List.of());
        // Sunday 2026-10-25 03:00 CEST becomes 02:00 CET
        ZonedDateTime friday = ZonedDateTime.of(2026, 10, 23, 18, 0, 0, 0, berlin);

        ZonedDateTime end = calendar.plusWorkingDays(friday.toInstant(), 2).atZone(berlin);

        assertThat(end.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 10, 27, 18, 0));
        assertThat(Duration.between(friday, end)).isEqualTo(Duration.ofDays(4).plusHours(1));
    }
}
