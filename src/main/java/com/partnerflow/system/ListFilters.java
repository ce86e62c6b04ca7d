package com.partnerflow.system;

/** The values of a list's filters (ADR 0044) as the queries take them: an empty filter is no filter. */
public final class ListFilters {

    private ListFilters() {
    }

    /** A text filter trimmed, or null when it is absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
