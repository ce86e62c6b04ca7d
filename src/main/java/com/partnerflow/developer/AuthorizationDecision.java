package com.partnerflow.developer;

/** Vendor staff's answer to a request for a developer authorization. */
public enum AuthorizationDecision {
    APPROVE,
    REJECT
}
