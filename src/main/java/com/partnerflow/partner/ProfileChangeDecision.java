package com.partnerflow.partner;

/** Vendor staff's answer to a request to change a partner's details. */
public enum ProfileChangeDecision {
    APPROVE,
    REJECT
}
