package com.partnerflow.work;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.partnerflow.security.Caller;

/**
 * One kind of request, as its feature knows it: a feature contributes one bean per kind, and the cross-cutting
 * {@link RequestRegistry} finds it by kind or by process key. The index of {@code GET /api/requests} is refreshed from
 * {@link #snapshot} whenever the request's process starts or ends or one of its tasks is created or completed; the
 * timeline and {@code GET /api/tasks} find the request of an engine task through {@link #requestOf}.
 */
public interface RequestSource {

    RequestKind kind();

    /** The kind's name in Russian, for people: «Перевод абонента». */
    String name();

    /** What a person reads for one of {@link #statusType}'s constants, as the index labels it: «Ждет согласия текущего партнера». */
    String statusLabel(String status);

    /**
     * The request's page for people ({@code /requests/transfers/7}, ADR 0038), where the kind has one; the portal links
     * to it. Readable by whoever reads the request.
     */
    default Optional<String> page(String id) {
        return Optional.empty();
    }

    /** The processes whose instances carry requests of this kind. */
    Set<String> processKeys();

    /** The status enum of the kind: its constant names are what {@code status} filters on. */
    Class<? extends Enum<?>> statusType();

    /**
     * The id of the request an instance of one of {@link #processKeys} works on, from the instance's business key and
     * the execution at hand; empty when the execution carries no request (the settlement's month, outside its branches).
     */
    default Optional<String> requestOf(String processKey, String businessKey, String executionId) {
        return Optional.ofNullable(businessKey);
    }

    /** Where the engine keeps the request's work. */
    default RequestScope scope(String id) {
        return RequestScope.byBusinessKey(processKeys(), id);
    }

    /** The request now, or empty when there is none with that id (or it is no request yet, as a draft). */
    Optional<RequestSnapshot> snapshot(String id);

    /** The ids of every request of the kind, for the start-up backfill of the index. */
    List<String> ids();

    /**
     * Refuses a caller who may not read the request exactly as its own {@code GET} does (the same 404 and words), by
     * calling the same domain method.
     */
    void checkReadable(String id, Caller caller);

    /**
     * The request's documents a decision needs, by name ({@code letter}), each the link of its {@code GET}; none by
     * default. Readable by whoever reads the request.
     */
    default Map<String, String> documents(String id) {
        return Map.of();
    }

    /** A numeric request id, or empty for anything else (which then is «not found», as an unknown number). */
    static Optional<Long> number(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
