package com.partnerflow.developer;

/**
 * An application of the service a developer is authorized to extend (seed 002, «Доступные приложения» of the tariffs
 * and the applications only some partners sell). The target application of an extension is still free text in the
 * audit; this list is what a partner asks the vendor for.
 */
public enum Application {
    ACCOUNTING("1С:Бухгалтерия 8"),
    ACCOUNTING_CORP("1С:Бухгалтерия 8 КОРП"),
    ENTREPRENEUR("1С:Предприниматель"),
    SMALL_BUSINESS("1С:Управление нашей фирмой 8"),
    PAYROLL("1С:Зарплата и управление персоналом 8"),
    PUBLIC_ACCOUNTING("1С:Бухгалтерия государственного учреждения 8"),
    PUBLIC_PAYROLL("1С:Зарплата и кадры государственного учреждения 8"),
    INTEGRATED("1С:Комплексная автоматизация"),
    ERP("1С:ERP Управление предприятием");

    private final String label;

    Application(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
