package com.partnerflow.subscriber;

/** Subscriber account status (статусы сабаккаунта, seed 003). */
public enum SubscriberStatus {
    ACTIVE,
    PENDING_CONFIRMATION,
    SUSPENDED,
    INACTIVE
}
