package com.partnerflow.system;

import java.util.Date;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * A Camunda business calendar that understands {@value #EXAMPLE} (any count, case-insensitive) and
 * resolves it with a {@link WorkingCalendar}; every other description (ISO 8601 durations, dates,
 * cycles) goes unchanged to the calendar it decorates. Without a start date, the engine's clock
 * ({@link ClockUtil}) is the start.
 */
public final class WorkingDaysBusinessCalendar implements BusinessCalendar {

    /** A description this calendar resolves itself, as a user task's due date or a timer's duration. */
    public static final String EXAMPLE = "2 working days";

    /** {@value #EXAMPLE} and the like; group 1 is the number of working days. */
    public static final Pattern WORKING_DAYS =
            Pattern.compile("\\s*(\\d+)\\s+working\\s+days?\\s*", Pattern.CASE_INSENSITIVE);

    private final WorkingCalendar calendar;
    private final BusinessCalendar fallback;

    /**
     * @param calendar the working days
     * @param fallback the engine's calendar for everything but working days
     */
    public WorkingDaysBusinessCalendar(WorkingCalendar calendar, BusinessCalendar fallback) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Date resolveDuedate(String description) {
        return isWorkingDays(description) ? plusWorkingDays(description, null) : fallback.resolveDuedate(description);
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        return isWorkingDays(description)
                ? plusWorkingDays(description, startDate)
                : fallback.resolveDuedate(description, startDate);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return isWorkingDays(description) ? plusWorkingDays(description, null) : fallback.resolveDuedate(description, task);
    }

    private static boolean isWorkingDays(String description) {
        return description != null && WORKING_DAYS.matcher(description).matches();
    }

    private Date plusWorkingDays(String description, Date startDate) {
        Matcher matcher = WORKING_DAYS.matcher(description);
        matcher.matches();
        int days;
        try {
            days = Integer.parseInt(matcher.group(1));
        } catch (NumberFormatException tooMany) {
            throw new ProcessEngineException("Too many working days in '" + description + "'", tooMany);
        }
        Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
        return Date.from(calendar.plusWorkingDays(start.toInstant(), days));
    }
}
