package com.partnerflow.security;

import java.util.List;
import java.util.Set;

/**
 * The authenticated person a request runs for, as the Camunda identity service knows them. The
 * same {@code Caller} stands behind a Tasklist form, a {@code /engine-rest} call and a {@code /api}
 * call, so the domain applies one set of visibility rules.
 */
public record Caller(String userId, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    public static Caller of(String userId, List<String> groups) {
        return new Caller(userId, Set.copyOf(groups == null ? List.of() : groups));
    }

    /** Vendor staff, operations and administrators see every partner's requests. */
    public boolean seesAllPartners() {
        return groups.contains(Groups.VENDOR_STAFF) || groups.contains(Groups.OPS) || groups.contains(Groups.ADMIN);
    }

    /** Vendor staff and administrators manage partners' people (which employees may develop extensions). */
    public boolean managesPartners() {
        return groups.contains(Groups.VENDOR_STAFF) || groups.contains(Groups.ADMIN);
    }

    /** Moderators read every configuration they may be asked to publish; so does whoever sees all partners. */
    public boolean readsAllConfigurations() {
        return groups.contains(Groups.MODERATORS) || seesAllPartners();
    }

    /** Moderators decide what the public catalogue shows: they publish configurations and take them out of it. */
    public boolean moderatesConfigurations() {
        return groups.contains(Groups.MODERATORS);
    }

    /** Billing (reconciliations, invoices) of every partner: finance, and whoever sees all partners. */
    public boolean seesAllBilling() {
        return groups.contains(Groups.FINANCE) || seesAllPartners();
    }
}
