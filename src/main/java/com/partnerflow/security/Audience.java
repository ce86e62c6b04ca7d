package com.partnerflow.security;

import java.util.Collection;
import java.util.Set;

/**
 * How far into the engine's own APIs a person may reach, from the least to the most; each audience may do what
 * the ones before it may. Partners and clients are outsiders who compete with each other, so whoever is not
 * known to be one of the vendor's people counts as a party.
 */
public enum Audience {

    /** Partners' and clients' people, and anyone in no group of the vendor's: their own work only. */
    PARTIES,
    /** The vendor's reviewers: vendor staff, auditors and their leads, moderators, finance. */
    STAFF,
    /** Operations: Cockpit, jobs and incidents. */
    OPERATIONS,
    /** Camunda administrators. */
    ADMINISTRATORS;

    private static final Set<String> REVIEWERS =
            Set.of(Groups.VENDOR_STAFF, Groups.AUDITORS, Groups.AUDIT_LEADS, Groups.MODERATORS, Groups.FINANCE);

    public static Audience of(Collection<String> groups) {
        if (groups.contains(Groups.ADMIN)) {
            return ADMINISTRATORS;
        }
        if (groups.contains(Groups.OPS)) {
            return OPERATIONS;
        }
        return groups.stream().anyMatch(REVIEWERS::contains) ? STAFF : PARTIES;
    }

    public boolean reaches(Audience required) {
        return compareTo(required) >= 0;
    }
}
