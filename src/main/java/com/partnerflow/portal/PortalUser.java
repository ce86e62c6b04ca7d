package com.partnerflow.portal;

import java.util.List;
import java.util.Optional;

import com.partnerflow.security.Audience;
import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;

/**
 * Who is looking at the portal, as its frame needs it: their name, whom they work for, which sections they see.
 * Partner employees see every section; a partner administrator also manages the team; a client sees its own products
 * and requests; the vendor's people are sent to their webapps.
 */
public record PortalUser(String userId, String name, Kind kind, List<String> partnerCodes, List<String> clientNumbers,
                         boolean partnerAdministrator) {

    /** The three kinds of people the portal knows. */
    public enum Kind { PARTNER, CLIENT, STAFF }

    public static PortalUser of(Caller caller, String name) {
        List<String> partners = suffixes(caller, Groups.PARTNER_PREFIX);
        List<String> clients = suffixes(caller, Groups.CLIENT_PREFIX);
        Kind kind = Audience.of(caller.groups()) != Audience.PARTIES ? Kind.STAFF
                : caller.groups().contains(Groups.PARTNERS) && !partners.isEmpty() ? Kind.PARTNER
                : !clients.isEmpty() ? Kind.CLIENT : Kind.STAFF;
        boolean administrator = kind == Kind.PARTNER
                && partners.stream().anyMatch(code -> caller.groups().contains(Groups.PARTNER_ADMINS_PREFIX + code));
        return new PortalUser(caller.userId(), name, kind, partners, clients, administrator);
    }

    public boolean partner() {
        return kind == Kind.PARTNER;
    }

    public boolean client() {
        return kind == Kind.CLIENT;
    }

    public boolean staff() {
        return kind == Kind.STAFF;
    }

    /** The partner this person works for (a user belongs to at most one). */
    public Optional<String> partnerCode() {
        return partnerCodes.stream().findFirst();
    }

    private static List<String> suffixes(Caller caller, String prefix) {
        return caller.groups().stream().filter(group -> group.startsWith(prefix))
                .map(group -> group.substring(prefix.length())).sorted().toList();
    }
}
