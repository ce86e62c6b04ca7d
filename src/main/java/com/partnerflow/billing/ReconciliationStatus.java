package com.partnerflow.billing;

/** Where a partner's monthly reconciliation (сверка) stands; the label is what people read. */
public enum ReconciliationStatus {
    /** Finance checks the charges. */
    AWAITING_CONFIRMATION("ожидает подтверждения финансовой службой"),
    /** Finance sent it back with a note; the partner answers. */
    RETURNED_TO_PARTNER("возвращена партнеру на проверку"),
    /** Finance confirmed the charges; the invoice may be issued. */
    CONFIRMED("подтверждена"),
    /** The invoice is issued: the month is closed for this partner. */
    INVOICED("счет выставлен");

    private final String label;

    ReconciliationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
