package com.partnerflow.subscriber;

import java.time.Instant;
import java.time.LocalDate;

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
import jakarta.persistence.Version;

/** A product on a subscriber's organization card, with its multi-user mode (one row per product). */
@Entity
@Table(name = "subscriber_product")
public class SubscriberProduct {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Product product;

    @Column(name = "multi_user_mode", nullable = false)
    private boolean multiUserMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "multi_user_tier", length = 20)
    private MultiUserTier multiUserTier;

    @Column(name = "multi_user_since")
    private LocalDate multiUserSince;

    @Column(name = "application_id")
    private Long applicationId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SubscriberProduct() {
    }

    SubscriberProduct(Subscriber subscriber, Product product, Instant at) {
        this.subscriber = subscriber;
        this.product = product;
        this.updatedAt = at;
    }

    /** The subscriber whose card shows the product (lazy: its id is all a list reads). */
    Subscriber getSubscriber() {
        return subscriber;
    }

    /**
     * Applies a processed application: multi-user mode on with its tier (keeping the original
     * date when it was already on with the same tier), or off.
     */
    void applyMultiUserMode(MultiUserTier tier, Long applicationId, LocalDate today, Instant at) {
        if (tier == null) {
            this.multiUserMode = false;
            this.multiUserTier = null;
            this.multiUserSince = null;
        } else {
            if (!multiUserMode || multiUserTier != tier) {
                this.multiUserSince = today;
            }
            this.multiUserMode = true;
            this.multiUserTier = tier;
        }
        this.applicationId = applicationId;
        this.updatedAt = at;
    }

    public Product getProduct() {
        return product;
    }

    public boolean isMultiUserMode() {
        return multiUserMode;
    }

    public MultiUserTier getMultiUserTier() {
        return multiUserTier;
    }

    public LocalDate getMultiUserSince() {
        return multiUserSince;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
