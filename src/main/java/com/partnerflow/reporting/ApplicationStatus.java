package com.partnerflow.reporting;

/** Where an application stands. */
public enum ApplicationStatus {
    /** Waiting for the servicing partner. */
    SUBMITTED,
    /** The partner approved it; the product is being enabled. */
    APPROVED,
    /** The organization card shows the product; the charge is recorded. */
    ENABLED,
    REJECTED
}
