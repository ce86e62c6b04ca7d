package com.partnerflow.audit;

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
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestRef;
import com.partnerflow.work.RequestSnapshot;
import com.partnerflow.work.RequestSource;

/**
 * Extension versions sent to the audit, in the one list of requests: read by the partner maintaining the extension, the
 * auditors and their leads, as {@code GET /api/extension-versions/{id}}.
 */
@Component
class VersionRequestSource implements RequestSource {

    private final ExtensionVersions versions;
    private final ExtensionService service;

    @PersistenceContext
    private EntityManager entities;

    VersionRequestSource(ExtensionVersions versions, ExtensionService service) {
        this.versions = versions;
        this.service = service;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.EXTENSION_VERSIONS;
    }

    @Override
    public String name() {
        return "Версия доработки на аудите";
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(ExtensionAuditProcess.KEY);
    }

    @Override
    public Class<VersionStatus> statusType() {
        return VersionStatus.class;
    }

    @Override
    public String statusLabel(String status) {
        return VersionStatus.valueOf(status).label();
    }

    @Override
    public Optional<String> page(String id) {
        return Optional.of("/requests/extension-versions/" + id);
    }

    @Override
    public Optional<RequestSnapshot> snapshot(String id) {
        return RequestSource.number(id).flatMap(versions::findById).map(version -> {
            Subscriber owner = version.getExtension().getOwnerSubscriber();
            Instant updated = Stream.of(version.getSubmittedAt(), version.getDecidedAt(), version.getPublishedAt())
                    .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
            return new RequestSnapshot(new RequestRef(kind(), id), owner == null ? null : owner.getNumber(),
                    owner == null ? null : owner.getName(), Set.of(version.getExtension().maintainer().getCode()), Set.of(),
                    Set.of(Groups.AUDITORS, Groups.AUDIT_LEADS), version.getStatus().name(), version.getStatus().label(),
                    version.getSubmittedAt(), updated);
        });
    }

    @Override
    public List<String> ids() {
        return entities.createQuery("select v.id from ExtensionVersion v", Long.class).getResultList().stream()
                .map(String::valueOf).toList();
    }

    @Override
    public Map<String, String> documents(String id) {
        return Map.of("file", "/api/extension-versions/" + id + "/file");
    }

    @Override
    public void checkReadable(String id, Caller caller) {
        service.findVersion(RequestSource.number(id).orElse(-1L), caller);
    }
}
