package com.partnerflow.developer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import com.partnerflow.system.BusinessRuleViolation;

/**
 * The vendor's authorization of one partner employee to develop extensions (seed 002: «Доработать функционал могут
 * только сотрудники партнера, авторизованные фирмой «1С»»), from the partner's request to its withdrawal. Guards its
 * own transitions: REQUESTED → ACTIVE or REJECTED; ACTIVE → WITHDRAWN.
 */
@Entity
@Table(name = "developer_authorization")
public class DeveloperAuthorization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    /** The employee (a Camunda user id) to be authorized. */
    @Column(nullable = false, length = 64)
    private String developer;

    /** The employee while the request is open or the authorization active, else null: unique, so one at a time. */
    @Column(name = "open_developer", length = 64, unique = true)
    private String openDeveloper;

    @Convert(converter = ApplicationsConverter.class)
    @Column(nullable = false, length = 1000)
    private Set<Application> applications;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AuthorizationStatus status;

    /** Null for an authorization made before requests existed (V13). */
    @Column(name = "requested_by", length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** The approval's note or the refusal's reason. */
    @Column(name = "decision_comment", length = 2000)
    private String decisionComment;

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "withdrawn_by", length = 64)
    private String withdrawnBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawal_reason", length = 2000)
    private String withdrawalReason;

    protected DeveloperAuthorization() {
    }

    /** A partner's request; the service has checked that the developer works for the partner. */
    static DeveloperAuthorization request(Partner partner, String developer, Set<Application> applications, String reason,
                                          String requestedBy, Instant now) {
        if (applications.isEmpty()) {
            throw new IllegalArgumentException("A request names at least one application");
        }
        DeveloperAuthorization authorization = new DeveloperAuthorization();
        authorization.partner = partner;
        authorization.developer = developer;
        authorization.openDeveloper = developer;
        authorization.applications = EnumSet.copyOf(applications);
        authorization.reason = reason;
        authorization.status = AuthorizationStatus.REQUESTED;
        authorization.requestedBy = requestedBy;
        authorization.requestedAt = now;
        return authorization;
    }

    /** Vendor staff authorize the developer from now on. */
    void approve(String vendorUser, String comment, Instant now) {
        decide(vendorUser, comment, now);
        status = AuthorizationStatus.ACTIVE;
        validFrom = now;
    }

    /** Vendor staff refuse, with a reason the partner reads. */
    void reject(String vendorUser, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleViolation.invalid("Укажите причину отказа: партнер получит ее в письме.");
        }
        decide(vendorUser, reason, now);
        status = AuthorizationStatus.REJECTED;
        openDeveloper = null;
    }

    /** Vendor staff end an active authorization, with a reason the partner reads. */
    void withdraw(String vendorUser, String reason, Instant now) {
        if (status != AuthorizationStatus.ACTIVE) {
            throw BusinessRuleViolation.conflict("Авторизация разработчика " + developer + " не действует (" + status.label()
                    + "): отзывать нечего.");
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleViolation.invalid("Укажите причину отзыва авторизации: партнер получит ее в письме.");
        }
        status = AuthorizationStatus.WITHDRAWN;
        openDeveloper = null;
        withdrawnBy = vendorUser;
        withdrawnAt = now;
        withdrawalReason = reason;
    }

    /** Authorized at {@code now}: active and already valid. */
    public boolean isActiveAt(Instant now) {
        return status == AuthorizationStatus.ACTIVE && validFrom != null && !validFrom.isAfter(now);
    }

    private void decide(String vendorUser, String comment, Instant now) {
        if (status != AuthorizationStatus.REQUESTED) {
            throw BusinessRuleViolation.conflict("Запрос на авторизацию разработчика " + developer + " уже рассмотрен ("
                    + status.label() + ").");
        }
        decidedBy = vendorUser;
        decidedAt = now;
        decisionComment = comment;
    }

    public Long getId() {
        return id;
    }

    public Partner getPartner() {
        return partner;
    }

    public String getDeveloper() {
        return developer;
    }

    public Set<Application> getApplications() {
        return EnumSet.copyOf(applications);
    }

    public String getReason() {
        return reason;
    }

    public AuthorizationStatus getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public Instant getValidFrom() {
        return validFrom;
    }

    public String getWithdrawnBy() {
        return withdrawnBy;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }
}
