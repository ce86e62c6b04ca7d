package com.partnerflow.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and times as Russian readers write them, in the business's zone; templates reach it as {@code format}. */
public final class MailFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ZoneId zone;

    MailFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 11.12.2026}. */
    public String date(Instant moment) {
        return DATE.format(moment.atZone(zone));
    }

    public String date(LocalDate day) {
        return DATE.format(day);
    }

    /** {@code 11.12.2026 15:30 (время московское)}. */
    public String dateTime(Instant moment) {
        return DATE_TIME.format(moment.atZone(zone)) + " (" + zoneName() + ")";
    }

    private String zoneName() {
        return "Europe/Moscow".equals(zone.getId()) ? "время московское" : "часовой пояс " + zone.getId();
    }
}
