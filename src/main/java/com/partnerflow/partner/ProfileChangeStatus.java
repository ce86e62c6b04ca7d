package com.partnerflow.partner;

/** Where a request to change a partner's details stands. REQUESTED and APPROVED are open: one per partner at a time. */
public enum ProfileChangeStatus {
    REQUESTED("Ожидает решения фирмы"),
    APPROVED("Одобрено, применяется"),
    APPLIED("Данные изменены"),
    REJECTED("Отклонено");

    private final String label;

    ProfileChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean isOpen() {
        return this == REQUESTED || this == APPROVED;
    }
}
