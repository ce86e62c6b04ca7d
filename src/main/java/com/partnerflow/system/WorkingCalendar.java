package com.partnerflow.system;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The business's working days: Monday to Friday, except public holidays, plus the weekends declared
 * working days (the Russian production calendar's transferred Saturdays).
 *
 * <p>{@link #plusWorkingDays} counts in the calendar's zone: a start on a non-working day counts from
 * 00:00 of the next working day; from there it moves one calendar day at a time until the given number
 * of working days have been passed, and keeps the local time of day. Friday 18:00 plus 2 is Tuesday
 * 18:00; Saturday 10:00 plus 2 is Wednesday 00:00, the end of Tuesday.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    /**
     * @param zone            where the days begin and end
     * @param holidays        non-working days (a weekday in it is a day off; a weekend in it changes nothing)
     * @param workingWeekends Saturdays and Sundays that are working days
     */
    public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> workingWeekends) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekends.contains(date)) {
            return true;
        }
        return !isWeekend(date) && !holidays.contains(date);
    }

    /**
     * @param start the moment the period begins
     * @param days  how many working days it lasts, 0 or more
     * @return the moment the period ends, by the rule of the class description
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days must not be negative: " + days);
        }
        ZonedDateTime from = start.atZone(zone);
        LocalDate day = from.toLocalDate();
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
            from = day.atStartOfDay(zone);
        }
        LocalDate end = day;
        for (int counted = 0; counted < days; ) {
            end = end.plusDays(1);
            if (isWorkingDay(end)) {
                counted++;
            }
        }
        // same local time on the end day; ZonedDateTime keeps the offset where it is still valid and moves past DST gaps
        return from.plusDays(ChronoUnit.DAYS.between(day, end)).toInstant();
    }

    /**
     * The moment {@code days} working days before {@code end}, for a reminder before a deadline: it moves back one
     * calendar day at a time until it has landed on that many working days, and keeps the local time of day.
     * Tuesday 18:00 minus 1 is Monday 18:00; Monday 10:00 and Saturday 10:00 minus 1 are Friday 10:00.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public Instant minusWorkingDays(Instant end, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days must not be negative: " + days);
        }
        ZonedDateTime to = end.atZone(zone);
        LocalDate day = to.toLocalDate();
        for (int counted = 0; counted < days; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return to.minusDays(ChronoUnit.DAYS.between(day, to.toLocalDate())).toInstant();
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
