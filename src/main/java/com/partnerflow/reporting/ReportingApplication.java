package com.partnerflow.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.subscriber.Subscriber;

/**
 * A client's application to connect the reporting service with multi-user mode (seed 001). The
 * client's request (mode, users, e-signature owner) never changes; the servicing partner decides
 * the final mode and tier, and may not touch the list of users.
 */
@Entity
@Table(name = "reporting_application")
public class ReportingApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    /** The subscriber while the application is open; a unique column, so two open applications cannot race in. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "open_subscriber_id")
    private Subscriber openSubscriber;

    @Column(name = "organization_name", nullable = false)
    private String organizationName;

    @Column(nullable = false, length = 12)
    private String inn;

    @Column(length = 9)
    private String kpp;

    @Column(name = "requested_multi_user", nullable = false)
    private boolean requestedMultiUser;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_tier", length = 20)
    private MultiUserTier requestedTier;

    @Column(name = "multi_user_mode")
    private Boolean multiUserMode;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private MultiUserTier tier;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reporting_application_user", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<PlannedUser> users = new ArrayList<>();

    @Column(name = "signature_owner", nullable = false)
    private String signatureOwner;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reporting_application_role", joinColumns = @JoinColumn(name = "application_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<SignatureRole> signatureRoles = EnumSet.noneOf(SignatureRole.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ApplicationStatus status;

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "decided_by_partner_id")
    private Partner decidedByPartner;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "rejection_reason", length = 2000)
    private String rejectionReason;

    @Version
    private long version;

    protected ReportingApplication() {
    }

    ReportingApplication(Subscriber subscriber, Organization organization, boolean requestedMultiUser,
                         List<PlannedUser> users, String signatureOwner, Set<SignatureRole> signatureRoles,
                         String submittedBy, Instant at) {
        this.subscriber = subscriber;
        this.openSubscriber = subscriber;
        this.organizationName = organization.name();
        this.inn = organization.inn();
        this.kpp = organization.kpp();
        this.requestedMultiUser = requestedMultiUser;
        this.users.addAll(users);
        this.signatureOwner = signatureOwner;
        this.signatureRoles.addAll(signatureRoles);
        this.status = ApplicationStatus.SUBMITTED;
        this.submittedBy = submittedBy;
        this.submittedAt = at;
    }

    /** The organization as the application names it. */
    record Organization(String name, String inn, String kpp) {
    }

    /** Records the tier the decision table picked for the client's request; once, before the partner sees it. */
    void requestTier(TierRule rule) {
        expect(ApplicationStatus.SUBMITTED);
        if (requestedTier != null) {
            throw new IllegalStateException("Application " + id + ": requested tier already recorded as " + requestedTier);
        }
        boolean hasTier = rule.tier() != null;
        if (rule == TierRule.TOO_FEW_USERS || hasTier != requestedMultiUser) {
            throw new IllegalStateException("Application " + id + ": tier rule " + rule + " does not fit the request");
        }
        this.requestedTier = rule.tier();
    }

    /**
     * The servicing partner's decision: multi-user mode on with a tier, or off, and approve; or
     * reject with a reason. Checked by {@link ReportingService} before; guarded here again.
     */
    void decide(ApplicationDecision decision, boolean mode, MultiUserTier chosenTier, String reason,
                Partner partner, String actor, Instant at) {
        expect(ApplicationStatus.SUBMITTED);
        if (decision == null) {
            throw new IllegalArgumentException("A decision is needed: approve or reject");
        }
        if (decision == ApplicationDecision.APPROVE) {
            if (mode && chosenTier == null) {
                throw new IllegalArgumentException("Multi-user mode needs a tier");
            }
            if (mode && users.size() < 2) {
                throw new IllegalArgumentException("Multi-user mode needs at least two planned users, there are " + users.size());
            }
            this.multiUserMode = mode;
            this.tier = mode ? chosenTier : null;
            this.status = ApplicationStatus.APPROVED;
        } else {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("A rejection needs a reason");
            }
            this.rejectionReason = reason;
            this.status = ApplicationStatus.REJECTED;
            this.openSubscriber = null;
        }
        this.decidedBy = actor;
        this.decidedByPartner = partner;
        this.decidedAt = at;
    }

    /** The organization card shows the product now. */
    void markEnabled() {
        expect(ApplicationStatus.APPROVED);
        this.status = ApplicationStatus.ENABLED;
        this.openSubscriber = null;
    }

    void expect(ApplicationStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Application " + id + " is " + status + ", expected " + expected);
        }
    }

    public Long getId() {
        return id;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public String getInn() {
        return inn;
    }

    public String getKpp() {
        return kpp;
    }

    public boolean isRequestedMultiUser() {
        return requestedMultiUser;
    }

    public MultiUserTier getRequestedTier() {
        return requestedTier;
    }

    /** The partner's final decision on the mode; {@code null} until decided. */
    public Boolean getMultiUserMode() {
        return multiUserMode;
    }

    public MultiUserTier getTier() {
        return tier;
    }

    public List<PlannedUser> getUsers() {
        return Collections.unmodifiableList(users);
    }

    public String getSignatureOwner() {
        return signatureOwner;
    }

    public Set<SignatureRole> getSignatureRoles() {
        return Collections.unmodifiableSet(signatureRoles);
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Partner getDecidedByPartner() {
        return decidedByPartner;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }
}
