package com.partnerflow.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A partner's receiver of webhooks: where to send, which events, and the secret the deliveries are signed with. It
 * belongs to one partner; no one else reads, changes or receives through it.
 */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_code", nullable = false, updatable = false)
    private String partnerCode;

    @Column(nullable = false)
    private String url;

    private String description;

    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    @Column(nullable = false)
    private String secret;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String partnerCode, String url, String description, Set<EventType> eventTypes, String secret,
                    String createdBy, Instant at) {
        this.partnerCode = partnerCode;
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = at;
        change(url, description, eventTypes, true, at);
    }

    void change(String url, String description, Set<EventType> eventTypes, boolean active, Instant at) {
        this.url = url;
        this.description = description;
        this.eventTypes = eventTypes.stream().sorted().map(EventType::wireName).collect(Collectors.joining(","));
        this.active = active;
        this.updatedAt = at;
    }

    void rotate(String newSecret, Instant at) {
        this.secret = newSecret;
        this.updatedAt = at;
    }

    boolean wants(EventType type) {
        return active && eventTypes().contains(type);
    }

    Set<EventType> eventTypes() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(eventTypes.split(",")).map(EventType::ofWireName).forEach(types::add);
        return types;
    }

    Long getId() {
        return id;
    }

    String getPartnerCode() {
        return partnerCode;
    }

    String getUrl() {
        return url;
    }

    String getDescription() {
        return description;
    }

    String getSecret() {
        return secret;
    }

    boolean isActive() {
        return active;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
