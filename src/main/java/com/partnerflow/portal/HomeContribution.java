package com.partnerflow.portal;

import java.util.List;

/**
 * What a feature adds to «Главная» (ADR 0046): figures on a partner's page (the month's charges so far), tables on a
 * client's (its products, its installed extensions). A feature implements it with a small class that reads through the
 * service method its {@code /api} endpoint calls, as the caller, so the home page shows nothing the API would not.
 */
public interface HomeContribution {

    /** Figures for a partner employee's home page; asked only when a partner employee looks at it. */
    default List<Card> cards(PortalUser user) {
        return List.of();
    }

    /** Tables for a client's home page; asked only when a client user looks at it. */
    default List<Table> tables(PortalUser user) {
        return List.of();
    }

    /** A figure with what it counts, a line under it and the section that explains it; shown by {@code order}. */
    record Card(int order, String label, String figure, String note, String href) {
    }

    /** A small table: its heading, column headers, rows of cell texts, and what it says with no row; shown by {@code order}. */
    record Table(int order, String heading, List<String> columns, List<List<String>> rows, String empty) {
    }
}
