package com.partnerflow.moderation;

/** The catalogue section a configuration is listed under («Готовые решения»). */
public enum Category {
    SALES("Продажи и CRM"),
    PROJECTS("Управление проектами"),
    SERVICE("Сервис и поддержка клиентов"),
    HR("Персонал"),
    FINANCE("Финансы и учет"),
    PRODUCTION("Производство"),
    DOCUMENTS("Документооборот"),
    OTHER("Другое");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
