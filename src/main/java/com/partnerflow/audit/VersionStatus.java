package com.partnerflow.audit;

public enum VersionStatus {
    SUBMITTED("Отправлена на аудит"),
    IN_AUDIT("На аудите"),
    CHANGES_REQUIRED("Возвращена разработчику на исправление"),
    APPROVED("Одобрена"),
    REJECTED("Отклонена"),
    WITHDRAWN("Отозвана разработчиком");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    /** What a person reads, on the version's page. */
    public String label() {
        return label;
    }

    /** Still on its way through the audit: blocks another version of the same extension. */
    boolean isOpen() {
        return this == SUBMITTED || this == IN_AUDIT || this == CHANGES_REQUIRED;
    }
}
