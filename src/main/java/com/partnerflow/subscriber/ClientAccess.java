package com.partnerflow.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A client user who acts for a subscriber's organization (group {@code client-<NUMBER>}). */
@Entity
@Table(name = "client_access")
class ClientAccess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    protected ClientAccess() {
    }

    ClientAccess(String userId, Subscriber subscriber) {
        this.userId = userId;
        this.subscriber = subscriber;
    }

    String getUserId() {
        return userId;
    }
}
