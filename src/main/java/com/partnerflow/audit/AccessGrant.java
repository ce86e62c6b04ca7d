package com.partnerflow.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.partnerflow.subscriber.Subscriber;

/**
 * Access of clients to a published version, as the partner set it: one subscriber, or (no subscriber)
 * every client the developing partner serves, including clients that come later.
 */
@Entity
@Table(name = "extension_access_grant")
class AccessGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    private ExtensionVersion version;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected AccessGrant() {
    }

    private AccessGrant(ExtensionVersion version, Subscriber subscriber, Instant grantedAt) {
        this.version = version;
        this.subscriber = subscriber;
        this.grantedAt = grantedAt;
    }

    static AccessGrant to(ExtensionVersion version, Subscriber subscriber, Instant at) {
        return new AccessGrant(version, subscriber, at);
    }

    static AccessGrant toAllClientsOfDeveloper(ExtensionVersion version, Instant at) {
        return new AccessGrant(version, null, at);
    }
}
