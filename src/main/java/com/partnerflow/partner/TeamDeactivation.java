package com.partnerflow.partner;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record of an employee's deactivation (ADR 0047): who, when, by whom; and who took them back, if anyone did. */
@Entity
@Table(name = "team_deactivation")
class TeamDeactivation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_code", nullable = false, length = 32)
    private String partnerCode;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "deactivated_by", nullable = false, length = 64)
    private String deactivatedBy;

    @Column(name = "deactivated_at", nullable = false)
    private Instant deactivatedAt;

    @Column(name = "reactivated_by", length = 64)
    private String reactivatedBy;

    @Column(name = "reactivated_at")
    private Instant reactivatedAt;

    protected TeamDeactivation() {
    }

    TeamDeactivation(String partnerCode, String userId, String deactivatedBy, Instant deactivatedAt) {
        this.partnerCode = partnerCode;
        this.userId = userId;
        this.deactivatedBy = deactivatedBy;
        this.deactivatedAt = deactivatedAt;
    }

    void reactivate(String by, Instant at) {
        reactivatedBy = by;
        reactivatedAt = at;
    }

    String getUserId() {
        return userId;
    }

    String getDeactivatedBy() {
        return deactivatedBy;
    }

    Instant getDeactivatedAt() {
        return deactivatedAt;
    }
}
