package com.partnerflow.reporting;

/** The servicing partner's decision on an application. */
public enum ApplicationDecision {
    APPROVE,
    REJECT
}
