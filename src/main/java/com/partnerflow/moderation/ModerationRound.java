package com.partnerflow.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** One round of a moderation: the content exactly as sent, and the moderator's answer to it. */
@Entity
@Table(name = "configuration_moderation_round")
public class ModerationRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "moderation_id")
    private Moderation moderation;

    @Column(nullable = false)
    private int number;

    @Embedded
    private ConfigurationContent content;

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private ReviewDecision decision;

    @Column(name = "decision_comment", length = 2000)
    private String comment;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected ModerationRound() {
    }

    ModerationRound(Moderation moderation, int number, ConfigurationContent content, String submittedBy, Instant submittedAt) {
        this.moderation = moderation;
        this.number = number;
        this.content = content.copy();
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    void decide(ReviewDecision decision, String comment, String by, Instant at) {
        this.decision = decision;
        this.comment = comment;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public boolean isDecided() {
        return decision != null;
    }

    public Long getId() {
        return id;
    }

    Moderation getModeration() {
        return moderation;
    }

    public int getNumber() {
        return number;
    }

    public ConfigurationContent getContent() {
        return content;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public ReviewDecision getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
