package com.partnerflow.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One remark of an auditor on one version, in one audit round. */
@Embeddable
public class AuditFinding {

    @Column(nullable = false)
    private int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private FindingCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FindingSeverity severity;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected AuditFinding() {
    }

    AuditFinding(int round, Finding finding, String recordedBy, Instant recordedAt) {
        this.round = round;
        this.category = finding.category();
        this.severity = finding.severity();
        this.description = finding.description();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public int getRound() {
        return round;
    }

    public FindingCategory getCategory() {
        return category;
    }

    public FindingSeverity getSeverity() {
        return severity;
    }

    public String getDescription() {
        return description;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
