package com.partnerflow.billing;

/** Finance's decision on a partner's monthly reconciliation. */
public enum SettlementDecision {
    /** The charges are right: issue the invoice. */
    CONFIRM,
    /** Ask the partner to check or explain something (the note is required). */
    SEND_BACK
}
