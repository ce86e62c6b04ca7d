package com.partnerflow.security;

/** Whether a token opens {@code /api} now, and if not, why. */
public enum ApiTokenStatus {
    /** It works. */
    ACTIVE("Действует"),
    /** Revoked by an employee of the partner; for good. */
    REVOKED("Отозван"),
    /** Its creator no longer works for the partner (or no longer exists): it acts as them, so it stopped working. */
    CREATOR_LEFT("Не действует: выпустивший сотрудник больше не работает в партнере");

    private final String label;

    ApiTokenStatus(String label) {
        this.label = label;
    }

    /** What the portal shows. */
    public String label() {
        return label;
    }
}
