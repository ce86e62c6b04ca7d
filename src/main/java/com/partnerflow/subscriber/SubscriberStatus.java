package com.partnerflow.subscriber;

/**
 * Subscriber account status (статусы сабаккаунта, seed 003). Only an active subscriber works: applies, installs, is
 * charged. A suspended one may still move to another partner; an inactive (deleted) one may not.
 */
public enum SubscriberStatus {
    /** Confirmed and ready to work; the partner is invoiced for what the client uses. */
    ACTIVE("Активен", null),
    /** Created, waiting for the client to confirm by mail. */
    PENDING_CONFIRMATION("Требуется подтверждение", "ожидает подтверждения клиентом"),
    /** The partner stopped serving the client. */
    SUSPENDED("Приостановлен", "приостановлен: оказание услуг остановлено"),
    /** Deleted. */
    INACTIVE("Неактивен", "неактивен");

    private final String label;
    private final String whyNotWorking;

    SubscriberStatus(String label, String whyNotWorking) {
        this.label = label;
        this.whyNotWorking = whyNotWorking;
    }

    public String label() {
        return label;
    }

    public boolean isActive() {
        return this == ACTIVE;
    }

    /** Why a subscriber of this status cannot work, as a sentence part: «абонент 1001 приостановлен: …». */
    String whyNotWorking() {
        return whyNotWorking;
    }
}
