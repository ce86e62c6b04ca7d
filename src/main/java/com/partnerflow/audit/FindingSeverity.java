package com.partnerflow.audit;

public enum FindingSeverity {

    MINOR("Незначительное"),
    MAJOR("Существенное"),
    /** A version with a critical finding cannot be approved. */
    CRITICAL("Критическое");

    private final String label;

    FindingSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
