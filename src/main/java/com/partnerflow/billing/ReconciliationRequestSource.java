package com.partnerflow.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestRef;
import com.partnerflow.work.RequestScope;
import com.partnerflow.work.RequestSnapshot;
import com.partnerflow.work.RequestSource;

/**
 * Each partner's monthly reconciliation is a request of its own: one branch of the month's settlement, whose tasks run
 * in the branch the reconciliation was bound to. Read by the partner and finance, as {@code GET /api/reconciliations/{id}}.
 */
@Component
class ReconciliationRequestSource implements RequestSource {

    private final Reconciliations reconciliations;
    private final SettlementService service;

    @PersistenceContext
    private EntityManager entities;

    ReconciliationRequestSource(Reconciliations reconciliations, SettlementService service) {
        this.reconciliations = reconciliations;
        this.service = service;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.RECONCILIATIONS;
    }

    @Override
    public String name() {
        return "Сверка партнера за месяц";
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(SettlementProcess.KEY);
    }

    @Override
    public Class<ReconciliationStatus> statusType() {
        return ReconciliationStatus.class;
    }

    @Override
    public String statusLabel(String status) {
        return ReconciliationStatus.valueOf(status).label();
    }

    /** The reconciliation bound to the branch; the month's own execution carries none. */
    @Override
    public Optional<String> requestOf(String processKey, String businessKey, String executionId) {
        return reconciliations.findBySettlementBranch(executionId).map(reconciliation -> String.valueOf(reconciliation.getId()));
    }

    @Override
    public RequestScope scope(String id) {
        return RequestSource.number(id).flatMap(reconciliations::findById)
                .filter(reconciliation -> reconciliation.getSettlementBranch() != null)
                .map(reconciliation -> new RequestScope(processKeys(), List.of(reconciliation.getPeriod()),
                        reconciliation.getSettlementBranch()))
                .orElseGet(() -> new RequestScope(processKeys(), List.of(), null));
    }

    @Override
    public Optional<RequestSnapshot> snapshot(String id) {
        return RequestSource.number(id).flatMap(reconciliations::findById).map(reconciliation -> {
            Instant updated = Stream.of(reconciliation.getCreatedAt(), reconciliation.getReturnedAt(), reconciliation.getAnsweredAt(),
                    reconciliation.getConfirmedAt(), reconciliation.getInvoicedAt()).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElseThrow();
            return new RequestSnapshot(new RequestRef(kind(), id), null, null, Set.of(reconciliation.getPartner().getCode()),
                    Set.of(), Set.of(Groups.FINANCE), reconciliation.getStatus().name(), reconciliation.getStatus().label(),
                    reconciliation.getCreatedAt(), updated);
        });
    }

    @Override
    public List<String> ids() {
        return entities.createQuery("select r.id from Reconciliation r", Long.class).getResultList().stream()
                .map(String::valueOf).toList();
    }

    @Override
    public Map<String, String> documents(String id) {
        return Map.of("charges", "/api/reconciliations/" + id + "/charges.csv");
    }

    @Override
    public void checkReadable(String id, Caller caller) {
        service.find(RequestSource.number(id).orElse(-1L), caller);
    }
}
