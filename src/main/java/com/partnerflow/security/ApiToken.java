package com.partnerflow.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An API token of a partner's integration (ADR 0040): its secret's SHA-256, never the secret; who created it, when it
 * was last used and who revoked it. A revoked token stays revoked: revoking it again changes nothing.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    /** How stale {@link #lastUsedAt} may be: it is written at most this often per token, not on every call. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_code", nullable = false, length = 32)
    private String partnerCode;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 16)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(String partnerCode, String name, ApiTokenSecret secret, String createdBy, Instant createdAt) {
        this.partnerCode = partnerCode;
        this.name = name;
        this.prefix = secret.prefix();
        this.secretHash = secret.hash();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Revokes the token for good; a token revoked before keeps who revoked it first and when. */
    void revoke(String userId, Instant now) {
        if (revokedAt == null) {
            revokedBy = userId;
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    boolean belongsTo(String partner) {
        return partnerCode.equals(partner);
    }

    /** Whether a use at {@code now} should be written: the last one written is a minute old or more. */
    boolean lastUseIsStale(Instant now) {
        return lastUsedAt == null || !lastUsedAt.isAfter(now.minus(LAST_USED_PRECISION));
    }

    public Long getId() {
        return id;
    }

    public String getPartnerCode() {
        return partnerCode;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
