package com.partnerflow.reporting;

/** What the owner of the qualified e-signature (владелец КЭП) may do in the reporting service. */
public enum SignatureRole {
    SIGN("подписание"),
    ENCRYPT("шифрование"),
    ADMINISTER("администрирование");

    private final String label;

    SignatureRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
