package com.partnerflow.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a task's timer fires and when to remind its people before, for the routing beans: the deadline of a timer
 * description resolved as the engine resolves it («P5D», «10 working days»), and the reminder
 * {@code partnerflow.reminder.working-days-before} working days before it (1 by default).
 */
@Component
public class Deadlines {

    private final WorkingCalendar calendar;
    private final BusinessCalendar durations;
    private final int reminderWorkingDays;

    Deadlines(WorkingCalendar calendar, @Value("${partnerflow.reminder.working-days-before:1}") int reminderWorkingDays) {
        if (reminderWorkingDays < 1) {
            throw new IllegalArgumentException("partnerflow.reminder.working-days-before must be 1 or more: " + reminderWorkingDays);
        }
        this.calendar = calendar;
        this.durations = new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar());
        this.reminderWorkingDays = reminderWorkingDays;
    }

    /** The engine's clock, which starts the timers: the moment a task being created now starts its own. */
    public static Instant engineNow() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** When a timer with this duration («P5D», «10 working days») started at {@code start} fires. */
    public Instant after(Instant start, String description) {
        return durations.resolveDuedate(description, Date.from(start)).toInstant();
    }

    /**
     * When to remind before {@code deadline} of something that started at {@code start}: the configured number of
     * working days before it; halfway between the two when that is not after the start (a deadline shorter than the
     * reminder's lead, as in a test setting), so every reminder comes before its deadline.
     */
    public Instant reminder(Instant start, Instant deadline) {
        Instant reminder = calendar.minusWorkingDays(deadline, reminderWorkingDays);
        return reminder.isAfter(start) ? reminder : start.plus(Duration.between(start, deadline).dividedBy(2));
    }
}
