package com.partnerflow.moderation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * Configurations sent to moderation, in the one list of requests: the request is the configuration (its moderations are
 * its rounds of work, each a process instance), read as {@code GET /api/configurations/{id}}. Listed for the creating
 * partner and the moderators; a partner of the account that may read it finds it there, not in the list.
 */
@Component
class ConfigurationRequestSource implements RequestSource {

    private final Configurations configurations;
    private final Moderations moderations;
    private final ConfigurationService service;

    @PersistenceContext
    private EntityManager entities;

    ConfigurationRequestSource(Configurations configurations, Moderations moderations, ConfigurationService service) {
        this.configurations = configurations;
        this.moderations = moderations;
        this.service = service;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.CONFIGURATIONS;
    }

    @Override
    public String name() {
        return "Конфигурация на модерации";
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(ConfigurationModerationProcess.KEY);
    }

    @Override
    public Class<ConfigurationStatus> statusType() {
        return ConfigurationStatus.class;
    }

    @Override
    public String statusLabel(String status) {
        return ConfigurationStatus.valueOf(status).label();
    }

    /** The business key is the moderation's id; the request is its configuration. */
    @Override
    public Optional<String> requestOf(String processKey, String businessKey, String executionId) {
        return RequestSource.number(businessKey).flatMap(moderations::findById)
                .map(moderation -> String.valueOf(moderation.getConfiguration().getId()));
    }

    @Override
    public RequestScope scope(String id) {
        List<String> moderationIds = entities.createQuery("select m.id from Moderation m where m.configuration.id = :id", Long.class)
                .setParameter("id", RequestSource.number(id).orElse(-1L)).getResultList().stream().map(String::valueOf).toList();
        return new RequestScope(processKeys(), moderationIds, null);
    }

    /** A configuration never sent to moderation is a draft, no request. */
    @Override
    public Optional<RequestSnapshot> snapshot(String id) {
        return RequestSource.number(id).flatMap(configurations::findById)
                .filter(configuration -> moderations.findFirstByConfigurationOrderByIdDesc(configuration).isPresent())
                .map(configuration -> new RequestSnapshot(new RequestRef(kind(), id), null, null,
                        Set.of(configuration.getCreator().getCode()), Set.of(), Set.of(Groups.MODERATORS),
                        configuration.getStatus().name(), configuration.getStatus().label(), configuration.getCreatedAt(),
                        configuration.getUpdatedAt()));
    }

    @Override
    public List<String> ids() {
        return entities.createQuery("select distinct m.configuration.id from Moderation m", Long.class).getResultList().stream()
                .map(String::valueOf).toList();
    }

    @Override
    public void checkReadable(String id, Caller caller) {
        service.find(RequestSource.number(id).orElse(-1L), caller);
    }
}
