package com.partnerflow.subscriber;

/** A product shown on the organization's card («Продукты»). */
public enum Product {
    REPORTING("1С-Отчетность");

    private final String label;

    Product(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
