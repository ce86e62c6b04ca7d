package com.partnerflow.work;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * One request in the index of {@code GET /api/requests} (ADR 0042): a copy of its feature's {@link RequestSnapshot}
 * and of its open tasks, written in the transaction of every change to it, never edited by anything else.
 */
@Entity
@Table(name = "request_index")
class IndexedRequest {

    static final int STEP_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private RequestKind kind;

    @Column(name = "request_id", nullable = false, length = 64)
    private String requestId;

    @Column(name = "subscriber_number", length = 32)
    private String subscriberNumber;

    @Column(name = "subscriber_name")
    private String subscriberName;

    @Column(nullable = false, length = 40)
    private String status;

    @Column(name = "status_label", nullable = false)
    private String statusLabel;

    @Column(name = "current_step", length = STEP_LENGTH)
    private String currentStep;

    @Column(name = "waiting_for", length = 200)
    private String waitingFor;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private String href;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "request_index_reader", joinColumns = @JoinColumn(name = "request_index_id"))
    @Column(name = "reader", nullable = false, length = 80)
    private Set<String> readers = new HashSet<>();

    protected IndexedRequest() {
    }

    IndexedRequest(RequestRef ref) {
        this.kind = ref.kind();
        this.requestId = ref.id();
    }

    /**
     * Copies the request's state; answers whether anything a reader sees changed. {@code updatedAt} is the domain's,
     * or {@code now} when something changed that the domain does not date (a task opened by a timer).
     */
    boolean update(RequestSnapshot snapshot, OpenWork work, Instant now) {
        boolean changed = !snapshot.status().equals(status) || !equal(work.step(), currentStep)
                || !equal(work.waitingFor(), waitingFor) || !equal(work.due(), dueAt)
                || !snapshot.readers().equals(readers) || !equal(snapshot.subscriberName(), subscriberName);
        subscriberNumber = snapshot.subscriberNumber();
        subscriberName = snapshot.subscriberName();
        status = snapshot.status();
        statusLabel = snapshot.statusLabel();
        currentStep = work.step();
        waitingFor = work.waitingFor();
        dueAt = work.due();
        createdAt = snapshot.created();
        href = snapshot.href();
        readers.retainAll(snapshot.readers());
        readers.addAll(snapshot.readers());
        Instant updated = snapshot.updated();
        if (changed && now != null && now.isAfter(updated)) {
            updated = now;
        }
        if (updatedAt == null || updated.isAfter(updatedAt)) {
            updatedAt = updated;
        }
        return changed;
    }

    /**
     * What waits in a request's processes now: the open tasks' names, who must act on them and the earliest due date.
     */
    record OpenWork(String step, String waitingFor, Instant due) {

        static OpenWork of(Iterable<String> names, Set<Party> parties, Instant due) {
            String step = String.join("; ", names);
            if (step.length() > STEP_LENGTH) {
                step = step.substring(0, STEP_LENGTH - 1) + "…";
            }
            String waiting = parties.stream().sorted().map(Party::name).collect(Collectors.joining(","));
            return new OpenWork(step.isEmpty() ? null : step, waiting.isEmpty() ? null : waiting, due);
        }
    }

    private static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    RequestRef ref() {
        return new RequestRef(kind, requestId);
    }

    Long getId() {
        return id;
    }

    RequestKind getKind() {
        return kind;
    }

    String getRequestId() {
        return requestId;
    }

    String getSubscriberNumber() {
        return subscriberNumber;
    }

    String getSubscriberName() {
        return subscriberName;
    }

    String getStatus() {
        return status;
    }

    String getStatusLabel() {
        return statusLabel;
    }

    String getCurrentStep() {
        return currentStep;
    }

    Set<Party> getWaitingFor() {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (waitingFor != null) {
            Arrays.stream(waitingFor.split(",")).map(Party::valueOf).forEach(parties::add);
        }
        return parties;
    }

    Instant getDueAt() {
        return dueAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getHref() {
        return href;
    }

    Set<String> getReaders() {
        return Set.copyOf(readers);
    }

    /** The codes of the partners the request concerns. */
    Set<String> partners() {
        return RequestSnapshot.partnersOf(readers).collect(Collectors.toUnmodifiableSet());
    }
}
