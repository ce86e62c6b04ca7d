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

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/**
 * Access of clients to a published version, as the partner set it: one subscriber, or (no subscriber) every
 * client the named partner serves, including clients that come later. A client that moves to another partner keeps
 * its own grants; a grant to all clients of its old partner no longer reaches it.
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

    /** With no subscriber: the partner whose clients, now and later, may install the version. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected AccessGrant() {
    }

    private AccessGrant(ExtensionVersion version, Subscriber subscriber, Partner partner, Instant grantedAt) {
        this.version = version;
        this.subscriber = subscriber;
        this.partner = partner;
        this.grantedAt = grantedAt;
    }

    static AccessGrant to(ExtensionVersion version, Subscriber subscriber, Instant at) {
        return new AccessGrant(version, subscriber, null, at);
    }

    static AccessGrant toAllClientsOf(ExtensionVersion version, Partner partner, Instant at) {
        return new AccessGrant(version, null, partner, at);
    }

    Subscriber getSubscriber() {
        return subscriber;
    }

    Partner getPartner() {
        return partner;
    }

    Instant getGrantedAt() {
        return grantedAt;
    }
}
