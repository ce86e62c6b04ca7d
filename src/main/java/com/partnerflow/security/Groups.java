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
    /** Prefix of a partner's own group, {@code partner-<CODE>}. */
    public static final String PARTNER_PREFIX = "partner-";

    private Groups() {
    }
}
