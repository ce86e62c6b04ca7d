package com.partnerflow.partner;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A new employee's invitation (ADR 0047): the SHA-256 of a single-use link's secret, mailed to the employee, who sets
 * the first password with it. Dead once used, once expired, and once a newer invitation of the same employee exists.
 */
@Entity
@Table(name = "team_invitation")
class TeamInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_code", nullable = false, length = 32)
    private String partnerCode;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected TeamInvitation() {
    }

    TeamInvitation(String partnerCode, String userId, String secretHash, String createdBy, Instant createdAt, Instant expiresAt) {
        this.partnerCode = partnerCode;
        this.userId = userId;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the link still sets a password at {@code now}. */
    boolean isOpenAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        usedAt = now;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    Long getId() {
        return id;
    }

    String getPartnerCode() {
        return partnerCode;
    }

    String getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
