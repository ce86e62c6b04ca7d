package com.partnerflow.moderation;

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
import jakarta.persistence.Version;

import com.partnerflow.partner.Partner;

/**
 * A partner invited into a configuration account (seed 000: «ему будет отправлено приглашение, и он сможет входить
 * в аккаунт»). It works in the account only once it accepted. Its transitions are guarded by the account
 * ({@link ConfigurationAccount}), which knows who manages it; ended invitations are kept as the account's history.
 */
@Entity
@Table(name = "configuration_account_invitation")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    private ConfigurationAccount account;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InvitationStatus status;

    @Column(name = "invited_by", nullable = false, length = 64)
    private String invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "answered_by", length = 64)
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_by", length = 64)
    private String endedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    /** The partner while the invitation is live; unique per account, so two invitations cannot race in. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "live_partner_id")
    private Partner livePartner;

    @Version
    private long version;

    protected Invitation() {
    }

    Invitation(ConfigurationAccount account, Partner partner, String invitedBy, Instant invitedAt) {
        this.account = account;
        this.partner = partner;
        this.livePartner = partner;
        this.status = InvitationStatus.PENDING;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
    }

    void answer(boolean accepted, String by, Instant at) {
        answeredBy = by;
        answeredAt = at;
        status = accepted ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
        if (!accepted) {
            livePartner = null;
        }
    }

    void end(InvitationStatus ended, String by, Instant at) {
        status = ended;
        endedBy = by;
        endedAt = at;
        livePartner = null;
    }

    boolean isFor(Partner candidate) {
        return partner.getId().equals(candidate.getId());
    }

    public Long getId() {
        return id;
    }

    public ConfigurationAccount getAccount() {
        return account;
    }

    public Partner getPartner() {
        return partner;
    }

    public InvitationStatus getStatus() {
        return status;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
