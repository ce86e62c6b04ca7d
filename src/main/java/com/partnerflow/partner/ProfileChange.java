package com.partnerflow.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

import com.partnerflow.system.BusinessRuleViolation;

/**
 * A partner's request to change its details (seed 002: «Чтобы изменить данные партнера — пишите … В письме сообщите,
 * какие реквизиты и как следует изменить»), from the request to vendor staff's decision and its application. Keeps
 * the details as they were when asked, so both sides stay readable. Guards its own transitions: REQUESTED → APPROVED →
 * APPLIED, or REQUESTED → REJECTED.
 */
@Entity
@Table(name = "partner_profile_change")
public class ProfileChange {

    /** One detail that changes: its label in Russian, the value before and the value asked for (null: empty). */
    public record Change(String field, String label, String from, String to) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    /** The partner's id while the request is open, else null: unique, so one open request per partner. */
    @Column(name = "open_partner_id", unique = true)
    private Long openPartnerId;

    @Column(name = "new_name")
    private String newName;
    @Column(name = "new_email")
    private String newEmail;
    @Column(name = "new_phone", length = 32)
    private String newPhone;
    @Column(name = "new_website", length = 200)
    private String newWebsite;

    @Column(name = "old_name", nullable = false)
    private String oldName;
    @Column(name = "old_email", nullable = false)
    private String oldEmail;
    @Column(name = "old_phone", length = 32)
    private String oldPhone;
    @Column(name = "old_website", length = 200)
    private String oldWebsite;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProfileChangeStatus status;

    @Column(name = "requested_by", nullable = false, length = 64)
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

    @Column(name = "applied_at")
    private Instant appliedAt;

    protected ProfileChange() {
    }

    /**
     * A partner's request; each new value null keeps the current one, and at least one differs from it (the service has
     * checked the values).
     */
    static ProfileChange request(Partner partner, PartnerDetails asked, String reason, String requestedBy, Instant now) {
        ProfileChange change = new ProfileChange();
        change.partner = partner;
        change.openPartnerId = partner.getId();
        PartnerDetails current = partner.details();
        change.oldName = current.name();
        change.oldEmail = current.email();
        change.oldPhone = current.phone();
        change.oldWebsite = current.website();
        change.newName = asked.name();
        change.newEmail = asked.email();
        change.newPhone = asked.phone();
        change.newWebsite = asked.website();
        if (change.changes().isEmpty()) {
            throw new IllegalArgumentException("A request changes at least one detail");
        }
        change.reason = reason;
        change.status = ProfileChangeStatus.REQUESTED;
        change.requestedBy = requestedBy;
        change.requestedAt = now;
        return change;
    }

    /** Vendor staff agree: the details are applied by the process's next step. */
    void approve(String vendorUser, String comment, Instant now) {
        decide(vendorUser, comment, now);
        status = ProfileChangeStatus.APPROVED;
    }

    /** Vendor staff refuse, with a reason the partner reads. */
    void reject(String vendorUser, String reasonForPartner, Instant now) {
        if (reasonForPartner == null || reasonForPartner.isBlank()) {
            throw BusinessRuleViolation.invalid("Укажите причину отказа: партнер получит ее в письме.");
        }
        decide(vendorUser, reasonForPartner, now);
        status = ProfileChangeStatus.REJECTED;
        openPartnerId = null;
    }

    /** The partner's details with this request's new values over {@code current}. */
    PartnerDetails over(PartnerDetails current) {
        return new PartnerDetails(newName != null ? newName : current.name(), newEmail != null ? newEmail : current.email(),
                newPhone != null ? newPhone : current.phone(), newWebsite != null ? newWebsite : current.website());
    }

    /** The approved change is in the partner's details now; the request is closed. */
    void applied(Instant now) {
        if (status != ProfileChangeStatus.APPROVED) {
            throw new IllegalStateException("Profile change " + id + " is " + status + ", not approved: nothing to apply");
        }
        status = ProfileChangeStatus.APPLIED;
        appliedAt = now;
        openPartnerId = null;
    }

    private void decide(String vendorUser, String comment, Instant now) {
        if (status != ProfileChangeStatus.REQUESTED) {
            throw BusinessRuleViolation.conflict("Запрос на изменение данных партнера № " + id + " уже рассмотрен (" + status.label() + ").");
        }
        decidedBy = vendorUser;
        decidedAt = now;
        decisionComment = comment;
    }

    /** The details this request changes, in the form's order. */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        add(changes, "name", "Наименование", oldName, newName);
        add(changes, "email", "Электронная почта", oldEmail, newEmail);
        add(changes, "phone", "Телефон", oldPhone, newPhone);
        add(changes, "website", "Сайт", oldWebsite, newWebsite);
        return changes;
    }

    private static void add(List<Change> changes, String field, String label, String from, String to) {
        if (to != null && !Objects.equals(from, to)) {
            changes.add(new Change(field, label, from, to));
        }
    }

    /** The changes as one line each, «Телефон: +7 495 000-00-00 → +7 495 111-11-11», for forms and mails. */
    public String changesText() {
        return String.join("\n", changes().stream()
                .map(change -> change.label() + ": " + (change.from() == null ? "не указан" : change.from()) + " → " + change.to())
                .toList());
    }

    public Instant updatedAt() {
        Instant updated = requestedAt;
        for (Instant at : new Instant[] {decidedAt, appliedAt}) {
            if (at != null && at.isAfter(updated)) {
                updated = at;
            }
        }
        return updated;
    }

    public Long getId() {
        return id;
    }

    public Partner getPartner() {
        return partner;
    }

    public String getReason() {
        return reason;
    }

    public ProfileChangeStatus getStatus() {
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

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public String getOldEmail() {
        return oldEmail;
    }
}
