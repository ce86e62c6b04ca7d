package com.partnerflow.security;

/** Whether a token opens {@code /api} now, and if not, why. */
enum ApiTokenStatus {
    /** It works. */
    ACTIVE,
    /** Revoked by an employee of the partner; for good. */
    REVOKED,
    /** Its creator no longer works for the partner (or no longer exists): it acts as them, so it stopped working. */
    CREATOR_LEFT
}
