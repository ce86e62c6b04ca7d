package com.partnerflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;

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
 * A month's charge of a partner for one item of one subscriber, at the prices of the day it was
 * recorded. Recorded once per {@code source} (the business event that caused it); it belongs to
 * exactly one {@link Reconciliation} once its month is reconciled, and never changes afterwards.
 */
@Entity
@Table(name = "license_charge")
public class LicenseCharge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private BillableItem item;

    /** {@code YYYY-MM}. */
    @Column(nullable = false, length = 7)
    private String period;

    @Column(name = "list_price", nullable = false, precision = 12, scale = 2)
    private BigDecimal listPrice;

    @Column(name = "promotion", length = 100)
    private String promotion;

    @Column(name = "promotion_percent", precision = 5, scale = 2)
    private BigDecimal promotionPercent;

    /** The partner's sublicense discount when the charge was recorded. */
    @Column(name = "discount_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal discountPercent;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    /** What caused the charge, e.g. {@code reporting-application:17}; unique, so a retry never charges twice. */
    @Column(nullable = false, unique = true, length = 100)
    private String source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reconciliation_id")
    private Reconciliation reconciliation;

    protected LicenseCharge() {
    }

    LicenseCharge(Partner partner, Subscriber subscriber, YearMonth period, Pricing.Price price, String source, Instant at) {
        if (source == null || source.isBlank() || source.length() > 100) {
            throw new IllegalArgumentException("A charge needs a source of 1-100 characters: " + source);
        }
        this.partner = partner;
        this.subscriber = subscriber;
        this.item = price.item();
        this.period = period.toString();
        this.listPrice = price.listPrice();
        this.promotion = price.promotion() == null ? null : price.promotion().name();
        this.promotionPercent = price.promotion() == null ? null : price.promotion().percent().setScale(2, RoundingMode.HALF_UP);
        this.discountPercent = price.partnerDiscountPercent().setScale(2, RoundingMode.HALF_UP);
        this.amount = price.amount();
        this.source = source;
        this.createdAt = at;
    }

    /** Puts the charge into its month's reconciliation; a charge is reconciled once. */
    void reconcileIn(Reconciliation reconciliation) {
        if (this.reconciliation != null) {
            throw new IllegalStateException("Charge " + id + " is already reconciled");
        }
        if (!reconciliation.getPartner().getId().equals(partner.getId()) || !reconciliation.getPeriod().equals(period)) {
            throw new IllegalStateException("Charge " + id + " does not belong to reconciliation " + reconciliation.getId());
        }
        this.reconciliation = reconciliation;
    }

    public Long getId() {
        return id;
    }

    public Partner getPartner() {
        return partner;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public BillableItem getItem() {
        return item;
    }

    public String getPeriod() {
        return period;
    }

    public BigDecimal getListPrice() {
        return listPrice;
    }

    public String getPromotion() {
        return promotion;
    }

    public BigDecimal getPromotionPercent() {
        return promotionPercent;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getSource() {
        return source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isReconciled() {
        return reconciliation != null;
    }
}
