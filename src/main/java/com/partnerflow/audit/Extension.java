package com.partnerflow.audit;

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

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/**
 * An extension of a standard application (доработка): a configuration extension, an additional
 * report or an additional processing, developed by a partner for its clients (seed 002). Only the
 * servicing partner develops for a client. A partner's or the provider's extension stays with the partner that
 * developed it; a client's own extension is maintained by whichever partner serves the client now, so it follows
 * the client to a new partner and the old one loses it (issue 20, «open work follows the client»).
 */
@Entity
@Table(name = "extension")
public class Extension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 150)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ExtensionKind kind;

    @Column(name = "target_application", nullable = false, length = 150)
    private String targetApplication;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false, length = 20)
    private ExtensionOwner owner;

    /** The owning client when {@link #owner} is CLIENT. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "owner_subscriber_id")
    private Subscriber ownerSubscriber;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "developer_partner_id")
    private Partner developer;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Extension() {
    }

    Extension(String name, ExtensionKind kind, String targetApplication, ExtensionOwner owner, Subscriber ownerSubscriber,
              Partner developer, String createdBy, Instant createdAt) {
        if ((owner == ExtensionOwner.CLIENT) != (ownerSubscriber != null)) {
            throw new IllegalArgumentException("A client-owned extension names its subscriber, and only it does");
        }
        this.name = name;
        this.kind = kind;
        this.targetApplication = targetApplication;
        this.owner = owner;
        this.ownerSubscriber = ownerSubscriber;
        this.developer = developer;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The partner that develops the extension now: a client's own one is its servicing partner's. */
    public Partner maintainer() {
        return owner == ExtensionOwner.CLIENT ? ownerSubscriber.getPartner() : developer;
    }

    boolean isMaintainedBy(Partner partner) {
        return maintainer().getId().equals(partner.getId());
    }

    /** A client-owned extension is the owner's from the start; nobody else's without a grant. */
    boolean isOwnedBy(Subscriber subscriber) {
        return owner == ExtensionOwner.CLIENT && ownerSubscriber.getId().equals(subscriber.getId());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ExtensionKind getKind() {
        return kind;
    }

    public String getTargetApplication() {
        return targetApplication;
    }

    public ExtensionOwner getOwner() {
        return owner;
    }

    public Subscriber getOwnerSubscriber() {
        return ownerSubscriber;
    }

    /** The partner that registered the extension (see {@link #maintainer()} for who develops it now). */
    public Partner getDeveloper() {
        return developer;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
