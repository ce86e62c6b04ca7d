package com.partnerflow.webhook;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One event for one endpoint: written with the change the event reports, then tried by delivery jobs until the
 * receiver answers 2xx or the attempts run out. Its row is the delivery log the partner reads.
 */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Every attempt failed, or the endpoint was switched off meanwhile: not tried again. */
        FAILED
    }

    static final int MAX_ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "endpoint_id", nullable = false, updatable = false)
    private WebhookEndpoint endpoint;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(WebhookEndpoint endpoint, String eventId, EventType type, String payload, Instant at) {
        this.endpoint = endpoint;
        this.eventId = eventId;
        this.eventType = type.wireName();
        this.payload = payload;
        this.createdAt = at;
        this.nextAttemptAt = at;
    }

    /** Whether the delivery job of attempt {@code attempt} is still the one to run (not a stale duplicate). */
    boolean awaits(int attempt) {
        return status == Status.PENDING && attempts == attempt - 1;
    }

    void delivered(int statusCode, Instant at) {
        attempts++;
        lastStatus = statusCode;
        lastError = null;
        status = Status.DELIVERED;
        deliveredAt = at;
        nextAttemptAt = null;
    }

    /** Records a failed attempt; {@code retryAfter} null gives up. */
    void failed(Integer statusCode, String error, Instant at, Duration retryAfter) {
        attempts++;
        lastStatus = statusCode;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        if (retryAfter == null) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = at.plus(retryAfter);
        }
    }

    Long getId() {
        return id;
    }

    WebhookEndpoint getEndpoint() {
        return endpoint;
    }

    String getEventId() {
        return eventId;
    }

    String getEventType() {
        return eventType;
    }

    String getPayload() {
        return payload;
    }

    Status getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    Integer getLastStatus() {
        return lastStatus;
    }

    String getLastError() {
        return lastError;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getDeliveredAt() {
        return deliveredAt;
    }
}
