package com.partnerflow.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Caller;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestRef;
import com.partnerflow.work.RequestSnapshot;
import com.partnerflow.work.RequestSource;

/** Transfers in the one list of requests: read by the new and the current partner, as {@code GET /api/transfers/{id}}. */
@Component
class TransferRequestSource implements RequestSource {

    private final TransferRequests transfers;
    private final TransferService service;

    @PersistenceContext
    private EntityManager entities;

    TransferRequestSource(TransferRequests transfers, TransferService service) {
        this.transfers = transfers;
        this.service = service;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.TRANSFERS;
    }

    @Override
    public String name() {
        return "Перевод абонента";
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(TransferProcess.KEY);
    }

    @Override
    public Class<TransferStatus> statusType() {
        return TransferStatus.class;
    }

    @Override
    public String statusLabel(String status) {
        return TransferStatus.valueOf(status).label();
    }

    @Override
    public Optional<String> page(String id) {
        return Optional.of("/requests/transfers/" + id);
    }

    @Override
    public Optional<RequestSnapshot> snapshot(String id) {
        return RequestSource.number(id).flatMap(transfers::findById).map(transfer -> new RequestSnapshot(
                new RequestRef(kind(), id), transfer.getSubscriber().getNumber(), transfer.getSubscriber().getName(),
                Set.of(transfer.getFromPartner().getCode(), transfer.getToPartner().getCode()), Set.of(), Set.of(),
                transfer.getStatus().name(), transfer.getStatus().label(), transfer.getCreatedAt(), transfer.getUpdatedAt()));
    }

    @Override
    public List<String> ids() {
        return entities.createQuery("select t.id from TransferRequest t", Long.class).getResultList().stream()
                .map(String::valueOf).toList();
    }

    @Override
    public Map<String, String> documents(String id) {
        return Map.of("letter", "/api/transfers/" + id + "/letter");
    }

    @Override
    public void checkReadable(String id, Caller caller) {
        service.find(RequestSource.number(id).orElse(-1L), caller);
    }
}
