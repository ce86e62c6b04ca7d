package com.partnerflow.developer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationTest {

    @ParameterizedTest
    @CsvSource({
            "Бухгалтерия предприятия, ACCOUNTING",
            "1С:Бухгалтерия 8, ACCOUNTING",
            "  бухгалтерия   ПРЕДПРИЯТИЯ , ACCOUNTING",
            "Бухгалтерия предприятия КОРП, ACCOUNTING_CORP",
            "1C: ERP Управление предприятием, ERP",
            "Зарплата и управление персоналом, PAYROLL"})
    void findsTheApplicationAProgramNameMeans(String programName, Application expected) {
        assertThat(Application.of(programName)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Моя программа", "Бухгалтерия", "1С:Бухгалтерия 9"})
    void findsNoneForAProgramOutsideTheList(String programName) {
        assertThat(Application.of(programName)).isEmpty();
    }
}
