package com.partnerflow.developer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An application of the service a developer is authorized to extend (seed 002, «Доступные приложения» of the tariffs
 * and the applications only some partners sell). An extension names its target application as a data area does
 * («Бухгалтерия предприятия»); {@link #of} finds the application whatever the case, spacing or «1С:» prefix.
 */
public enum Application {
    ACCOUNTING("1С:Бухгалтерия 8", "Бухгалтерия предприятия"),
    ACCOUNTING_CORP("1С:Бухгалтерия 8 КОРП", "Бухгалтерия предприятия КОРП"),
    ENTREPRENEUR("1С:Предприниматель"),
    SMALL_BUSINESS("1С:Управление нашей фирмой 8", "Управление нашей фирмой"),
    PAYROLL("1С:Зарплата и управление персоналом 8", "Зарплата и управление персоналом"),
    PUBLIC_ACCOUNTING("1С:Бухгалтерия государственного учреждения 8", "Бухгалтерия государственного учреждения"),
    PUBLIC_PAYROLL("1С:Зарплата и кадры государственного учреждения 8", "Зарплата и кадры государственного учреждения"),
    INTEGRATED("1С:Комплексная автоматизация", "Комплексная автоматизация 2"),
    ERP("1С:ERP Управление предприятием", "ERP Управление предприятием 2");

    private final String label;
    private final Set<String> names;

    Application(String label, String... programNames) {
        this.label = label;
        this.names = Stream.concat(Stream.of(label), Stream.of(programNames)).map(Application::normalized).collect(Collectors.toSet());
    }

    public String label() {
        return label;
    }

    /** The application a program name means («1С:Бухгалтерия 8», «бухгалтерия предприятия»…), if it is one of the list. */
    public static Optional<Application> of(String programName) {
        String name = programName == null ? "" : normalized(programName);
        return Arrays.stream(values()).filter(application -> application.names.contains(name)).findFirst();
    }

    private static String normalized(String programName) {
        return programName.strip().replaceFirst("^(?iu)1[СC]\\s*:\\s*", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
