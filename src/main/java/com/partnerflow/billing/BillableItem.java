package com.partnerflow.billing;

/**
 * What a partner can be charged for, with the Russian name of the price list (seed 001).
 * {@code promotionsApply} carries the seed's rule: «На условия подключения многопользовательского
 * режима не распространяются скидки по действующим акциям» — promotions never apply to the
 * multi-user extension, they do apply to the reporting license itself.
 */
public enum BillableItem {

    REPORTING_MULTI_USER_2_9("Многопользовательский режим 1С-Отчетности, от 2 до 9 пользователей", false),
    REPORTING_MULTI_USER_10_PLUS("Многопользовательский режим 1С-Отчетности, 10 и более пользователей", false),
    REPORTING_LICENSE("Лицензия 1С-Отчетности", true);

    private final String label;
    private final boolean promotionsApply;

    BillableItem(String label, boolean promotionsApply) {
        this.label = label;
        this.promotionsApply = promotionsApply;
    }

    public String label() {
        return label;
    }

    /** Whether promotional discounts («Добро пожаловать!», «Welcome!», «СуперХод» …) may reduce its price. */
    public boolean promotionsApply() {
        return promotionsApply;
    }
}
