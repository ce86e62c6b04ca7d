package com.partnerflow.developer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Caller;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestRef;
import com.partnerflow.work.RequestSnapshot;
import com.partnerflow.work.RequestSource;

/** Developer authorizations in the one list of requests: read by the employee's partner, as their own GET. */
@Component
class DeveloperRequestSource implements RequestSource {

    private final DeveloperAuthorizations authorizations;
    private final DeveloperAuthorizationService service;

    @PersistenceContext
    private EntityManager entities;

    DeveloperRequestSource(DeveloperAuthorizations authorizations, DeveloperAuthorizationService service) {
        this.authorizations = authorizations;
        this.service = service;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.DEVELOPER_AUTHORIZATIONS;
    }

    @Override
    public String name() {
        return "Авторизация разработчика";
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(DeveloperAuthorizationProcess.KEY);
    }

    @Override
    public Class<AuthorizationStatus> statusType() {
        return AuthorizationStatus.class;
    }

    @Override
    public String statusLabel(String status) {
        return AuthorizationStatus.valueOf(status).label();
    }

    @Override
    public Optional<RequestSnapshot> snapshot(String id) {
        return RequestSource.number(id).flatMap(authorizations::findById).map(authorization -> {
            Instant updated = Stream.of(authorization.getRequestedAt(), authorization.getDecidedAt(), authorization.getWithdrawnAt())
                    .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
            return new RequestSnapshot(new RequestRef(kind(), id), null, null, Set.of(authorization.getPartner().getCode()),
                    Set.of(), Set.of(), authorization.getStatus().name(), authorization.getStatus().label(),
                    authorization.getRequestedAt(), updated);
        });
    }

    @Override
    public List<String> ids() {
        return entities.createQuery("select a.id from DeveloperAuthorization a", Long.class).getResultList().stream()
                .map(String::valueOf).toList();
    }

    @Override
    public void checkReadable(String id, Caller caller) {
        service.find(RequestSource.number(id).orElse(-1L), caller);
    }
}
