package com.partnerflow.system;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A caller's {@code Idempotency-Key} and the answer its request got. Saved before the request runs, in the
 * request's own transaction, and completed with the answer before that transaction commits.
 */
@Entity
@Table(name = "idempotency_key")
class IdempotencyKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String caller;

    @Column(name = "idempotency_key", nullable = false)
    private String key;

    @Column(nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false)
    private int responseStatus;

    private String contentType;

    @Column(length = 2000)
    private String location;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    private byte[] responseBody;

    @Column(nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {
    }

    /** Taken, not answered yet: nobody else sees it before the request's transaction commits. */
    IdempotencyKey(String caller, String key, String requestHash, Instant createdAt) {
        this.caller = caller;
        this.key = key;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
        this.responseBody = new byte[0];
    }

    void answered(int status, String contentType, String location, byte[] body) {
        this.responseStatus = status;
        this.contentType = contentType;
        this.location = location;
        this.responseBody = body;
    }

    boolean isFor(String hash) {
        return requestHash.equals(hash);
    }

    int getResponseStatus() {
        return responseStatus;
    }

    String getContentType() {
        return contentType;
    }

    String getLocation() {
        return location;
    }

    byte[] getResponseBody() {
        return responseBody;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
