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

/** A subscriber's data area (область данных, информационная база): one application the organization works in. */
@Entity
@Table(name = "data_area")
public class DataArea {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    /** The area's number within the subscriber, as the service shows it. */
    @Column(nullable = false)
    private int number;

    /** «Бухгалтерия предприятия», «Зарплата и управление персоналом»… */
    @Column(name = "application_name", nullable = false, length = 150)
    private String applicationName;

    @Column(name = "application_version", nullable = false, length = 40)
    private String applicationVersion;

    protected DataArea() {
    }

    public DataArea(Subscriber subscriber, int number, String applicationName, String applicationVersion) {
        this.subscriber = subscriber;
        this.number = number;
        this.applicationName = applicationName;
        this.applicationVersion = applicationVersion;
    }

    public boolean belongsTo(Subscriber candidate) {
        return subscriber.getId().equals(candidate.getId());
    }

    public Long getId() {
        return id;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public int getNumber() {
        return number;
    }

    public String getApplicationName() {
        return applicationName;
    }

    public String getApplicationVersion() {
        return applicationVersion;
    }
}
