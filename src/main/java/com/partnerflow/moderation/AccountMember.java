package com.partnerflow.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import com.partnerflow.partner.Partner;

/** A partner invited into a configuration account by its manager (seed 000: it may log in to the account). */
@Embeddable
public class AccountMember {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @Column(name = "invited_by", nullable = false, length = 64)
    private String invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    protected AccountMember() {
    }

    AccountMember(Partner partner, String invitedBy, Instant invitedAt) {
        this.partner = partner;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
    }

    public Partner getPartner() {
        return partner;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }
}
