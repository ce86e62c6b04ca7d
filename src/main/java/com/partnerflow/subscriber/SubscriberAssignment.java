package com.partnerflow.subscriber;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.partnerflow.partner.Partner;

/** One period during which a partner served the subscriber; part of the subscriber's history. */
@Entity
@Table(name = "subscriber_assignment")
public class SubscriberAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "ended_at")
    private Instant endedAt;

    /** The transfer request that brought the subscriber to this partner; null for the first one. */
    @Column(name = "transfer_id")
    private Long transferId;

    protected SubscriberAssignment() {
    }

    SubscriberAssignment(Subscriber subscriber, Partner partner, Instant since, Long transferId) {
        this.subscriber = subscriber;
        this.partner = partner;
        this.since = since;
        this.transferId = transferId;
    }

    void end(Instant at) {
        this.endedAt = at;
    }

    public Partner getPartner() {
        return partner;
    }

    public Instant getSince() {
        return since;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Long getTransferId() {
        return transferId;
    }
}
