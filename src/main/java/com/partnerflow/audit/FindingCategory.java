package com.partnerflow.audit;

/**
 * The common audit errors of extensions, additional reports and processings (seed 002 links to
 * «Распространенные ошибки при прохождении аудита»). Each category has its own fields on the audit form.
 */
public enum FindingCategory {

    /** Privileged mode, unsafe external calls, executing code from data. */
    SECURITY("security", "Безопасность"),
    /** Queries in loops, excessive locks, heavy work on the client. */
    PERFORMANCE("performance", "Производительность"),
    /** Borrowed objects changed in ways a platform or configuration update breaks. */
    UPDATE_COMPATIBILITY("compatibility", "Совместимость с обновлениями"),
    /** Forms and commands that break the standard's interface conventions. */
    UI_CONVENTIONS("ui", "Стандарты интерфейса"),
    /** Metadata without the developer's prefix, names and synonyms that clash or mislead. */
    METADATA_NAMING("metadata", "Метаданные и именование");

    private final String formPrefix;
    private final String label;

    FindingCategory(String formPrefix, String label) {
        this.formPrefix = formPrefix;
        this.label = label;
    }

    /** The prefix of the category's fields on the audit form: {@code securitySeverity}, {@code securityNote}. */
    public String formPrefix() {
        return formPrefix;
    }

    public String label() {
        return label;
    }
}
