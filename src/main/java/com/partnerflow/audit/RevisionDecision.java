package com.partnerflow.audit;

/** What the partner does with a version the auditor sent back. */
public enum RevisionDecision {
    RESUBMIT,
    WITHDRAW
}
