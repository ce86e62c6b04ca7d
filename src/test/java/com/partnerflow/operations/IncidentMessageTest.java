package com.partnerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentMessageTest {

    @Test
    void namesTheProcessTheRequestTheStepAndWhatFailed() {
        assertThat(IncidentMessage.of("Перевод абонента к другому партнеру", "subscriber-transfer", "42",
                "Уведомить обоих партнеров", "SMTP-сервер mail:25 недоступен"))
                .isEqualTo("«Перевод абонента к другому партнеру» 42 (subscriber-transfer), шаг «Уведомить обоих партнеров»: "
                        + "SMTP-сервер mail:25 недоступен");
    }

    @Test
    void saysSoWhenThereIsNoBusinessKeyNoStepOrNoMessage() {
        assertThat(IncidentMessage.of("Ежемесячная сверка с партнерами", "monthly-settlement", null, null, null))
                .isEqualTo("«Ежемесячная сверка с партнерами» без бизнес-ключа (monthly-settlement): "
                        + "ошибка без текста, см. стек вызовов задания");
    }
}
