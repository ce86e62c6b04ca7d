package com.partnerflow.audit;

/** Whom the partner means a version for: the partner sets access itself (seed 002). */
public enum Distribution {

    ONE("Одному клиенту"),
    SEVERAL("Нескольким клиентам"),
    /** Every client the developing partner serves, now and later. */
    ALL("Всем клиентам партнера");

    private final String label;

    Distribution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
