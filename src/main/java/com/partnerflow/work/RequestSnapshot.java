package com.partnerflow.work;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A request as its feature's domain sees it now, for the index behind {@code GET /api/requests}.
 *
 * @param subscriberNumber the client the request is about, or null (a reconciliation, a configuration)
 * @param subscriberName   its name, {@code ООО «Ромашка»}, or null
 * @param partners         the codes of the partners the request concerns, who may read it ({@code ALFA})
 * @param clients          the numbers of the subscribers whose users may read it
 * @param staff            the staff groups that read every request of the kind besides vendor staff ({@code finance})
 * @param status           the domain's status enum name, {@code LETTER_REVIEW}
 * @param statusLabel      what a person reads, in Russian
 */
public record RequestSnapshot(RequestRef ref, String subscriberNumber, String subscriberName, Set<String> partners,
                              Set<String> clients, Set<String> staff, String status, String statusLabel, Instant created,
                              Instant updated) {

    public static final String PARTNER_GROUP = "partner-";
    public static final String CLIENT_GROUP = "client-";

    public RequestSnapshot {
        partners = Set.copyOf(partners);
        clients = Set.copyOf(clients);
        staff = Set.copyOf(staff);
    }

    /** The link of the request's own {@code GET}: {@code /api/transfers/7}. */
    public String href() {
        return ref.kind().href(ref.id());
    }

    /** The Camunda groups that may read the request (besides those who see every partner's): {@code partner-ALFA}, ... */
    public Set<String> readers() {
        Set<String> readers = new TreeSet<>(staff);
        partners.forEach(code -> readers.add(PARTNER_GROUP + code));
        clients.forEach(number -> readers.add(CLIENT_GROUP + number));
        return readers;
    }

    /** The partner codes of a set of groups: {@code partner-ALFA} gives {@code ALFA}. */
    public static Stream<String> partnersOf(Iterable<String> groups) {
        return suffixes(groups, PARTNER_GROUP);
    }

    /** The subscriber numbers of a set of groups: {@code client-1001} gives {@code 1001}. */
    public static Stream<String> clientsOf(Iterable<String> groups) {
        return suffixes(groups, CLIENT_GROUP);
    }

    private static Stream<String> suffixes(Iterable<String> groups, String prefix) {
        Stream.Builder<String> codes = Stream.builder();
        for (String group : groups) {
            if (group != null && group.startsWith(prefix)) {
                codes.add(group.substring(prefix.length()));
            }
        }
        return codes.build();
    }
}
