package com.partnerflow.transfer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One entry of a transfer's history: who did what, when, and why. */
@Embeddable
public record TransferEvent(
        @Enumerated(EnumType.STRING) @Column(name = "step", nullable = false, length = 40) Step step,
        @Column(name = "comment", length = 2000) String comment,
        @Column(name = "actor", nullable = false, length = 64) String actor,
        @Column(name = "occurred_at", nullable = false) Instant occurredAt) {

    /** What happened. The Russian label is what a person reads in the history. */
    public enum Step {
        SUBMITTED("Запрос подан"),
        LETTER_FORWARDED("Письмо проверено, запрос направлен текущему партнеру"),
        LETTER_RETURNED("Запрос возвращен на исправление"),
        LETTER_REJECTED("Письмо отклонено"),
        CORRECTED("Запрос исправлен и подан повторно"),
        PARTNER_AGREED("Текущий партнер согласен"),
        PARTNER_OBJECTED("Текущий партнер возражает"),
        PARTNER_SILENT("Текущий партнер не ответил в срок"),
        VENDOR_APPROVED("Фирма одобрила перевод"),
        VENDOR_REJECTED("Фирма отклонила перевод"),
        SUBSCRIBER_TRANSFERRED("Абонент переведен к новому партнеру"),
        CLOSED_REJECTED("Перевод отклонен"),
        WITHDRAWN("Запрос отозван подавшим партнером"),
        CORRECTION_OVERDUE("Исправление не поступило в срок: запрос закрыт");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
