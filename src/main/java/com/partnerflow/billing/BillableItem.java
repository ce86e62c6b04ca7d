package com.partnerflow.billing;

/**
 * What a partner can be charged for, with the Russian name of the price list (seed 001).
 * {@code promotionsApply} carries the seed's rule: «На условия подключения многопользовательского
 * режима не распространяются скидки по действующим акциям» — promotions never apply to the
 * multi-user extension, they do apply to the reporting license itself.
 */
public enum BillableItem {

    REPORTING_MULTI_USER_2_9("Многопользовательский режим 1С-Отчетности, от 2 до 9 пользователей", false, "reporting-multi-user"),
    REPORTING_MULTI_USER_10_PLUS("Многопользовательский режим 1С-Отчетности, 10 и более пользователей", false, "reporting-multi-user"),
    REPORTING_LICENSE("Лицензия 1С-Отчетности", true, "reporting");

    private final String label;
    private final boolean promotionsApply;
    /** The license this item is a size of: a subscriber holds one size of a license at a time. */
    private final String license;

    BillableItem(String label, boolean promotionsApply, String license) {
        this.label = label;
        this.promotionsApply = promotionsApply;
        this.license = license;
    }

    public String label() {
        return label;
    }

    /**
     * Whether a subscriber holds one of the two at a time: the multi-user tiers are one license in two sizes, so a
     * tier changed within a month replaces that month's charge instead of adding a second.
     */
    public boolean sameLicenseAs(BillableItem other) {
        return license.equals(other.license);
    }

    /** Whether promotional discounts («Добро пожаловать!», «Welcome!», «СуперХод» …) may reduce its price. */
    public boolean promotionsApply() {
        return promotionsApply;
    }
}
