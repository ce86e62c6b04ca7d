package com.partnerflow.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Dates as people here read them: {@code 06.12.2026} and {@code 06.12.2026 14:05} in the business's time zone
 * ({@code partnerflow.time-zone}, Moscow unless configured), whatever the server's. For forms, pages and their tests.
 */
@Component
public class DateLabels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ZoneId zone;

    public DateLabels(Clock clock) {
        this.zone = clock.getZone();
    }

    /** {@code 06.12.2026}, or an empty text for none. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** {@code 06.12.2026 14:05} in the business's zone, or an empty text for none. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** The engine's dates (a task's creation, its due date). */
    public String dateTime(Date date) {
        return date == null ? "" : dateTime(date.toInstant());
    }
}
