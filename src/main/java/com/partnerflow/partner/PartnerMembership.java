package com.partnerflow.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A user (Camunda identity) working for one partner. A user belongs to at most one partner. */
@Entity
@Table(name = "partner_membership")
class PartnerMembership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, unique = true, length = 64)
    private String userId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    protected PartnerMembership() {
    }

    PartnerMembership(String userId, Partner partner) {
        this.userId = userId;
        this.partner = partner;
    }

    String getUserId() {
        return userId;
    }

    Partner getPartner() {
        return partner;
    }
}
