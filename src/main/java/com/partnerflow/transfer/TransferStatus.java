package com.partnerflow.transfer;

/** Where a transfer request stands; every status but the last four waits for a person. */
public enum TransferStatus {
    /** Vendor staff check the client's letter. */
    LETTER_REVIEW("Сотрудники фирмы проверяют письмо клиента"),
    /** Returned to the submitting partner to correct the letter or the data. */
    RETURNED_FOR_CORRECTION("Возвращен подавшему партнеру на исправление"),
    /** The current partner is asked for agreement. */
    AWAITING_CURRENT_PARTNER("Ждет согласия текущего партнера"),
    /** The current partner objected or did not answer in time: vendor staff decide. */
    VENDOR_DECISION("Решение принимают сотрудники фирмы"),
    APPROVED("Одобрен: абонент переведен"),
    REJECTED("Отклонен"),
    /** The submitting partner took the request back before a decision. */
    WITHDRAWN("Отозван подавшим партнером"),
    /** Returned for correction and not corrected in time ({@code partnerflow.transfer.correction-timeout}). */
    EXPIRED("Закрыт: исправление не поступило в срок");

    private final String label;

    TransferStatus(String label) {
        this.label = label;
    }

    /** What a person reads, on the request page. */
    public String label() {
        return label;
    }
}
