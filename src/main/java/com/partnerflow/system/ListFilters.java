package com.partnerflow.system;

import java.time.Instant;
import java.util.Locale;

/** The values of a list's filters (ADR 0044) as the queries take them: an empty filter is no filter. */
public final class ListFilters {

    /** The escape character of {@link #containing} patterns: a query writes {@code like :search escape '!'}. */
    public static final char LIKE_ESCAPE = '!';

    private ListFilters() {
    }

    /** A text filter trimmed, or null when it is absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * An {@code updatedSince} filter as a query compares with a time of change ({@code x >= :updatedSince}, never
     * {@code :updatedSince is null}: PostgreSQL cannot type a time parameter that is compared with nothing): the time
     * asked for, or the start of time when none was.
     */
    public static Instant since(Instant value) {
        return value == null ? Instant.EPOCH : value;
    }

    /**
     * A search in text as a LIKE pattern of lower-case text containing it ({@code like :search escape '!'} against
     * {@code lower(field)}), or null when it is absent or blank. A search is text, never a pattern: {@code %} and
     * {@code _} match themselves.
     */
    public static String containing(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
