package com.partnerflow.audit;

public enum VersionStatus {
    SUBMITTED,
    IN_AUDIT,
    CHANGES_REQUIRED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** Still on its way through the audit: blocks another version of the same extension. */
    boolean isOpen() {
        return this == SUBMITTED || this == IN_AUDIT || this == CHANGES_REQUIRED;
    }
}
