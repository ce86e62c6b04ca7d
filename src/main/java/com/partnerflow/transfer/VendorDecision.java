package com.partnerflow.transfer;

/** Vendor staff's final decision on a disputed or unanswered transfer. */
public enum VendorDecision {
    APPROVE,
    REJECT
}
