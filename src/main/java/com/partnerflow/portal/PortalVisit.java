package com.partnerflow.portal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** When a person last opened the portal's «Главная»: the start of their last visit. */
@Entity
@Table(name = "portal_visit")
class PortalVisit {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected PortalVisit() {
    }

    PortalVisit(String userId, Instant lastSeenAt) {
        this.userId = userId;
        this.lastSeenAt = lastSeenAt;
    }

    Instant getLastSeenAt() {
        return lastSeenAt;
    }

    void seenAt(Instant now) {
        lastSeenAt = now;
    }
}
