package com.partnerflow.system;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deadlines, as the engine resolves them and as people read them. For the routing beans: when a timer with a given
 * description («P5D», «10 working days») fires, and when to remind its people before it
 * ({@code partnerflow.reminder.working-days-before} working days, 1 by default). For a task's description and its
 * mails: a due date in the business's zone ({@code 11.12.2026 18:00 (мск)}) and a configured period in words
 * ({@code 10 рабочих дней}, {@code 5 календарных дней}).
 */
@Component
public class Deadlines {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", RUSSIAN);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", RUSSIAN);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final int DEFAULT_REMINDER_WORKING_DAYS = 1;

    private final WorkingCalendar calendar;
    private final BusinessCalendar durations;
    private final int reminderWorkingDays;

    @Autowired
    public Deadlines(WorkingCalendar calendar,
                     @Value("${partnerflow.reminder.working-days-before:" + DEFAULT_REMINDER_WORKING_DAYS + "}") int reminderWorkingDays) {
        if (reminderWorkingDays < 1) {
            throw new IllegalArgumentException("partnerflow.reminder.working-days-before must be 1 or more: " + reminderWorkingDays);
        }
        this.calendar = calendar;
        this.durations = new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar());
        this.reminderWorkingDays = reminderWorkingDays;
    }

    /** With the default reminder, one working day before the deadline. */
    public Deadlines(WorkingCalendar calendar) {
        this(calendar, DEFAULT_REMINDER_WORKING_DAYS);
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

    /** {@code 11.12.2026 18:00 (мск)}. */
    public String at(Date due) {
        ZoneId zone = calendar.zone();
        return DATE_TIME.format(due.toInstant().atZone(zone)) + " (" + (zone.equals(MOSCOW) ? "мск" : zone.getId()) + ")";
    }

    /** {@code ноябрь 2026}. */
    public static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /**
     * A period as the engine reads it, in Russian words: {@code 10 working days} → «10 рабочих дней», {@code P5D} →
     * «5 календарных дней», {@code PT2M} → «2 минуты». Anything else is returned as it is.
     */
    public static String period(String description) {
        Matcher workingDays = WorkingDaysBusinessCalendar.WORKING_DAYS.matcher(description);
        if (workingDays.matches()) {
            long days = Long.parseLong(workingDays.group(1));
            return days + " " + plural(days, "рабочий день", "рабочих дня", "рабочих дней");
        }
        try {
            return period(Duration.parse(description.strip()));
        } catch (DateTimeParseException notADuration) {
            try {
                return period(Period.parse(description.strip()));
            } catch (DateTimeParseException notAPeriod) {
                return description;
            }
        }
    }

    public static String period(Duration duration) {
        List<String> parts = new ArrayList<>();
        add(parts, duration.toDays(), duration.toHoursPart() == 0 && duration.toMinutesPart() == 0
                ? new String[] {"календарный день", "календарных дня", "календарных дней"} : new String[] {"день", "дня", "дней"});
        add(parts, duration.toHoursPart(), "час", "часа", "часов");
        add(parts, duration.toMinutesPart(), "минута", "минуты", "минут");
        return parts.isEmpty() ? "меньше минуты" : String.join(" ", parts);
    }

    private static String period(Period period) {
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), "год", "года", "лет");
        add(parts, period.getMonths(), "месяц", "месяца", "месяцев");
        add(parts, period.getDays(), "календарный день", "календарных дня", "календарных дней");
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, long count, String... forms) {
        if (count > 0) {
            parts.add(count + " " + plural(count, forms[0], forms[1], forms[2]));
        }
    }

    /** The Russian form for a count: 1 день, 2 дня, 5 дней, 11 дней, 21 день. */
    static String plural(long count, String one, String few, String many) {
        long lastTwo = count % 100;
        long last = count % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return many;
        }
        return last == 1 ? one : last >= 2 && last <= 4 ? few : many;
    }
}
