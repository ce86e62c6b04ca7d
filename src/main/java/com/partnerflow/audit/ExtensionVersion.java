package com.partnerflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnerflow.document.StoredDocument;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * One version of an extension on its way through the audit (seed 002: every version is audited).
 * SUBMITTED → IN_AUDIT → APPROVED (then published) / REJECTED / CHANGES_REQUIRED → SUBMITTED again
 * with a new file, or WITHDRAWN. The version guards each step; findings of every round are kept.
 */
@Entity
@Table(name = "extension_version")
public class ExtensionVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "extension_id")
    private Extension extension;

    /** The extension while this version is open; a unique column, so two open versions cannot race in. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "open_extension_id")
    private Extension openExtension;

    @Column(name = "version_number", nullable = false, length = 40)
    private String number;

    @Column(name = "target_application_version", nullable = false, length = 40)
    private String targetApplicationVersion;

    @Column(name = "change_notes", nullable = false, length = 4000)
    private String changeNotes;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "file_id")
    private StoredDocument file;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Distribution distribution;

    /** The clients the version is meant for, when it is not for all of the partner's clients. */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "extension_version_recipient", joinColumns = @JoinColumn(name = "version_id"),
            inverseJoinColumns = @JoinColumn(name = "subscriber_id"))
    @OrderBy("number")
    private Set<Subscriber> recipients = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private VersionStatus status;

    @Column(name = "audit_round", nullable = false)
    private int auditRound;

    @Column(name = "audit_due_at")
    private Instant auditDueAt;

    @Column(name = "audit_overdue_at")
    private Instant auditOverdueAt;

    @Column(name = "audit_comment", length = 2000)
    private String auditComment;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "audit_finding", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<AuditFinding> findings = new ArrayList<>();

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected ExtensionVersion() {
    }

    ExtensionVersion(Extension extension, Submission submission, String submittedBy, Instant at) {
        this.extension = extension;
        this.openExtension = extension;
        this.targetApplicationVersion = submission.targetApplicationVersion();
        this.distribution = submission.distribution();
        this.recipients.addAll(submission.recipients());
        this.status = VersionStatus.SUBMITTED;
        accept(submission.number(), submission.changeNotes(), submission.file(), submittedBy, at);
    }

    /** A checked submission: what the version row keeps. */
    record Submission(VersionNumber number, String targetApplicationVersion, String changeNotes, StoredDocument file,
                      Distribution distribution, Collection<Subscriber> recipients) {
    }

    /** The audit task is created: a new round with its due date. */
    void startAudit(Instant dueAt) {
        expect(VersionStatus.SUBMITTED);
        status = VersionStatus.IN_AUDIT;
        auditRound++;
        auditDueAt = dueAt;
        auditOverdueAt = null;
    }

    /** The due date passed with the audit still open; the audit leads were alerted. */
    void markOverdue(Instant at) {
        expect(VersionStatus.IN_AUDIT);
        if (auditOverdueAt == null) {
            auditOverdueAt = at;
        }
    }

    /**
     * Records the auditor's findings and decision. A critical finding forbids approval; changes need at
     * least one finding or a comment saying what to change; a final rejection needs its reason.
     */
    void recordAudit(AuditDecision decision, List<Finding> roundFindings, String comment, String auditor, Instant at) {
        expect(VersionStatus.IN_AUDIT);
        if (decision == AuditDecision.APPROVE
                && roundFindings.stream().anyMatch(finding -> finding.severity() == FindingSeverity.CRITICAL)) {
            throw BusinessRuleViolation.invalid("Версию с критическим замечанием нельзя одобрить: "
                    + "требуйте доработку или отклоните версию.");
        }
        if (decision == AuditDecision.REQUIRE_CHANGES && roundFindings.isEmpty() && comment == null) {
            throw BusinessRuleViolation.invalid("Укажите замечания или комментарий: партнер должен знать, что исправить.");
        }
        if (decision == AuditDecision.REJECT && comment == null) {
            throw BusinessRuleViolation.invalid("Укажите причину, по которой версия отклонена.");
        }
        roundFindings.forEach(finding -> findings.add(new AuditFinding(auditRound, finding, auditor, at)));
        auditComment = comment;
        decidedBy = auditor;
        decidedAt = at;
        status = switch (decision) {
            case APPROVE -> VersionStatus.APPROVED;
            case REQUIRE_CHANGES -> VersionStatus.CHANGES_REQUIRED;
            case REJECT -> VersionStatus.REJECTED;
        };
        if (!status.isOpen()) {
            openExtension = null;
        }
    }

    /** Publishes an approved version; access is granted alongside. */
    void publish(Instant at) {
        expect(VersionStatus.APPROVED);
        if (publishedAt != null) {
            throw new IllegalStateException("Extension version " + id + " is already published");
        }
        publishedAt = at;
    }

    /** The partner fixed what the auditor found: a new file (the same version number is allowed here only). */
    void resubmit(VersionNumber newNumber, String newChangeNotes, StoredDocument newFile, String partnerUser, Instant at) {
        expect(VersionStatus.CHANGES_REQUIRED);
        status = VersionStatus.SUBMITTED;
        accept(newNumber, newChangeNotes, newFile, partnerUser, at);
    }

    void withdraw() {
        expect(VersionStatus.CHANGES_REQUIRED);
        status = VersionStatus.WITHDRAWN;
        openExtension = null;
    }

    boolean isPublished() {
        return status == VersionStatus.APPROVED && publishedAt != null;
    }

    VersionNumber versionNumber() {
        return VersionNumber.parse(number).orElseThrow();
    }

    /** The findings of the last finished round, which the partner has to fix. */
    List<AuditFinding> lastRoundFindings() {
        return findings.stream().filter(finding -> finding.getRound() == auditRound).toList();
    }

    private void accept(VersionNumber newNumber, String newChangeNotes, StoredDocument newFile, String by, Instant at) {
        this.number = newNumber.toString();
        this.changeNotes = newChangeNotes;
        this.file = newFile;
        this.submittedBy = by;
        this.submittedAt = at;
        this.auditComment = null;
        this.decidedBy = null;
        this.decidedAt = null;
    }

    private void expect(VersionStatus expected) {
        if (status != expected) {
            throw BusinessRuleViolation.conflict("Версия " + number + " доработки «" + extension.getName() + "» сейчас в статусе "
                    + status + ", а для этого действия нужен статус " + expected + ".");
        }
    }

    public Long getId() {
        return id;
    }

    public Extension getExtension() {
        return extension;
    }

    public String getNumber() {
        return number;
    }

    public String getTargetApplicationVersion() {
        return targetApplicationVersion;
    }

    public String getChangeNotes() {
        return changeNotes;
    }

    public StoredDocument getFile() {
        return file;
    }

    public Distribution getDistribution() {
        return distribution;
    }

    public List<Subscriber> getRecipients() {
        return List.copyOf(recipients);
    }

    public VersionStatus getStatus() {
        return status;
    }

    public int getAuditRound() {
        return auditRound;
    }

    public Instant getAuditDueAt() {
        return auditDueAt;
    }

    public Instant getAuditOverdueAt() {
        return auditOverdueAt;
    }

    public String getAuditComment() {
        return auditComment;
    }

    public List<AuditFinding> getFindings() {
        return List.copyOf(findings);
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

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
