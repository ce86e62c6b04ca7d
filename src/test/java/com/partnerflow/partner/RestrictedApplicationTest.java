package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestrictedApplicationTest {

    final RestrictedApplication erp = new RestrictedApplication("ERP Управление предприятием", "только центры компетенции по ERP");

    @ParameterizedTest
    @ValueSource(strings = {"ERP Управление предприятием", "1С:ERP Управление предприятием", "1C: ERP управление предприятием",
            "  erp   управление предприятием "})
    void isRunByTheSameApplicationWhateverTheCaseSpacingOrTheVendorPrefix(String dataAreaApplication) {
        assertThat(erp.isRunBy(dataAreaApplication)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ERP Управление предприятием 2", "Бухгалтерия предприятия", "ERP", "1С:Комплексная автоматизация"})
    void isNotRunByAnotherApplication(String dataAreaApplication) {
        assertThat(erp.isRunBy(dataAreaApplication)).isFalse();
    }
}
