package com.partnerflow.partner;

import java.util.List;
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

/** Requests to change a partner's details in the one list of requests: read by the partner's employees, as their own GET. */
@Component
class ProfileChangeRequestSource implements RequestSource {

    private final ProfileChanges changes;
    private final ProfileChangeService service;

    @PersistenceContext
    private EntityManager entities;

    ProfileChangeRequestSource(ProfileChanges changes, ProfileChangeService service) {
        this.changes = changes;
        this.service = service;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.PROFILE_CHANGES;
    }

    @Override
    public String name() {
        return "Изменение данных партнера";
    }

    @Override
    public String statusLabel(String status) {
        return ProfileChangeStatus.valueOf(status).label();
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(PartnerProfileChangeProcess.KEY);
    }

    @Override
    public Class<ProfileChangeStatus> statusType() {
        return ProfileChangeStatus.class;
    }

    @Override
    public Optional<RequestSnapshot> snapshot(String id) {
        return RequestSource.number(id).flatMap(changes::findById).map(change -> new RequestSnapshot(new RequestRef(kind(), id), null,
                null, Set.of(change.getPartner().getCode()), Set.of(), Set.of(), change.getStatus().name(), change.getStatus().label(),
                change.getRequestedAt(), change.updatedAt()));
    }

    @Override
    public List<String> ids() {
        return entities.createQuery("select c.id from ProfileChange c", Long.class).getResultList().stream().map(String::valueOf).toList();
    }

    @Override
    public void checkReadable(String id, Caller caller) {
        service.find(RequestSource.number(id).orElse(-1L), caller);
    }
}
