package com.partnerflow.moderation;

/** What a configuration may include (seed 000: «выбор сущностей, которые должны в нее войти»). */
public enum EntityKind {
    TASK_TEMPLATE("Шаблон задачи"),
    PROJECT_TEMPLATE("Шаблон проекта"),
    PROCESS("Процесс"),
    DIRECTORY("Справочник"),
    REPORT("Отчет"),
    SCRIPT("Сценарий"),
    FIELD("Поле"),
    FILTER("Фильтр");

    private final String label;

    EntityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
