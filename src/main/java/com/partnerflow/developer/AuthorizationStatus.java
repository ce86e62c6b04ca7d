package com.partnerflow.developer;

/** Where a developer authorization stands. REQUESTED and ACTIVE are open: one per employee at a time. */
public enum AuthorizationStatus {
    REQUESTED("Ожидает решения фирмы"),
    ACTIVE("Действует"),
    REJECTED("Отказано"),
    WITHDRAWN("Отозвана");

    private final String label;

    AuthorizationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean isOpen() {
        return this == REQUESTED || this == ACTIVE;
    }
}
