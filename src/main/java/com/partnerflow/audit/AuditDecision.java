package com.partnerflow.audit;

/** What the auditor decides about a version. */
public enum AuditDecision {
    APPROVE,
    REQUIRE_CHANGES,
    /** Refused for good (say, malicious code): the partner cannot fix this version. */
    REJECT
}
