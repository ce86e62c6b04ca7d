package com.partnerflow.audit;

import java.util.List;
import java.util.Locale;

/** What an extension is (доработка), and the file suffixes its uploads must have. */
public enum ExtensionKind {

    CONFIGURATION_EXTENSION("Расширение конфигурации", List.of(".cfe")),
    ADDITIONAL_REPORT("Дополнительный отчет", List.of(".erf")),
    ADDITIONAL_PROCESSING("Дополнительная обработка", List.of(".epf"));

    private final String label;
    private final List<String> suffixes;

    ExtensionKind(String label, List<String> suffixes) {
        this.label = label;
        this.suffixes = suffixes;
    }

    public String label() {
        return label;
    }

    String suffixes() {
        return String.join(", ", suffixes);
    }

    boolean accepts(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(lower::endsWith);
    }
}
