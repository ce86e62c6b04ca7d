package com.partnerflow.security;

/** The Camunda groups of DESIGN.md «Who uses it». Partner groups are {@code partner-<CODE>}, client groups {@code client-<NUMBER>}. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String VENDOR_STAFF = "vendor-staff";
    public static final String PARTNERS = "partners";
    /** Every client user; a client's own group is {@code client-<SUBSCRIBER>}. */
    public static final String CLIENTS = "clients";
    public static final String OPS = "ops";
    public static final String AUDITORS = "auditors";
    public static final String AUDIT_LEADS = "audit-leads";
    public static final String MODERATORS = "moderators";
    public static final String FINANCE = "finance";
    /** Prefix of a client's own group, {@code client-<NUMBER>}. */
    public static final String CLIENT_PREFIX = "client-";
    /** Prefix of a partner's own group, {@code partner-<CODE>}. */
    public static final String PARTNER_PREFIX = "partner-";
    /**
     * Prefix of a partner's administrators' group, {@code partneradmins-<CODE>} (ADR 0046): they manage the partner's
     * team in the portal. Deliberately not {@code partner-…}, which every partner group check reads as a partner code.
     */
    public static final String PARTNER_ADMINS_PREFIX = "partneradmins-";

    private Groups() {
    }
}
