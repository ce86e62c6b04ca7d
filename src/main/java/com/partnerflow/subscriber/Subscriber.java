package com.partnerflow.subscriber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import com.partnerflow.partner.Partner;

/**
 * A client's account in the cloud service (абонент), served by exactly one partner at a time.
 * Every change of the servicing partner is kept in {@link #getAssignments() the history}, every change of its status
 * in {@link #getStatusChanges() another}.
 */
@Entity
@Table(name = "subscriber")
public class Subscriber extends AbstractAggregateRoot<Subscriber> {

    /** The subscriber number is digits only (номер абонента). */
    public static final String NUMBER_PATTERN = "\\d{1,12}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 12)
    private String number;

    @Column(nullable = false)
    private String name;

    @Column(length = 12)
    private String inn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private SubscriberStatus status;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @OneToMany(mappedBy = "subscriber", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("since ASC, id ASC")
    private List<SubscriberAssignment> assignments = new ArrayList<>();

    @OneToMany(mappedBy = "subscriber", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("changedAt ASC, id ASC")
    private List<StatusChange> statusChanges = new ArrayList<>();

    @Version
    private long version;

    protected Subscriber() {
    }

    public Subscriber(String number, String name, String inn, SubscriberStatus status, Partner partner, Instant since) {
        if (number == null || !number.matches(NUMBER_PATTERN)) {
            throw new IllegalArgumentException("Subscriber number must be 1-12 digits: " + number);
        }
        this.number = number;
        this.name = name;
        this.inn = inn;
        this.status = status;
        this.partner = partner;
        this.assignments.add(new SubscriberAssignment(this, partner, since, null));
    }

    /**
     * Re-assigns the subscriber to another partner, closing the current assignment and opening
     * a new one that records the transfer it came from. Saving the subscriber then publishes
     * {@link SubscriberTransferred}.
     */
    public void transferTo(Partner newPartner, Long transferId, Instant at) {
        if (newPartner.getId().equals(partner.getId())) {
            throw new IllegalStateException("Subscriber " + number + " is already served by " + newPartner.getCode());
        }
        if (status == SubscriberStatus.INACTIVE) {
            throw new IllegalStateException("Subscriber " + number + " is inactive and cannot be transferred");
        }
        currentAssignment().end(at);
        registerEvent(new SubscriberTransferred(number, partner.group(), newPartner.group()));
        this.partner = newPartner;
        this.assignments.add(new SubscriberAssignment(this, newPartner, at, transferId));
    }

    /**
     * Vendor staff change the status (seed 003), always with a reason; the change is kept in the history. A status is
     * never «changed» to itself.
     */
    public void changeStatus(SubscriberStatus newStatus, String reason, String changedBy, Instant at) {
        if (newStatus == status) {
            throw new IllegalStateException("Subscriber " + number + " is already " + status);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A status change needs a reason");
        }
        statusChanges.add(new StatusChange(this, status, newStatus, reason.strip(), changedBy, at));
        this.status = newStatus;
    }

    /** Why the subscriber cannot apply, install or be charged now, or empty when it is active. */
    public Optional<String> whyNotWorking() {
        return status.isActive() ? Optional.empty()
                : Optional.of("абонент " + number + " " + status.whyNotWorking());
    }

    public boolean isActive() {
        return status.isActive();
    }

    /** Whether the name written in a letter designates this subscriber (case and spacing ignored). */
    public boolean isNamed(String nameInLetter) {
        return nameInLetter != null && normalize(nameInLetter).equals(normalize(name));
    }

    private static String normalize(String value) {
        return value.replace('«', '"').replace('»', '"').replaceAll("\\s+", " ").trim().toLowerCase();
    }

    /** How people read it in a task's name or a list: {@code 1001 «ООО «Ромашка»»}. */
    public String label() {
        return number + " «" + name + "»";
    }

    /** The Camunda group of the organization's own users: {@code client-<NUMBER>}. */
    public String clientGroup() {
        return "client-" + number;
    }

    /** Registration number in the cloud reporting service: {@code FR} + subscriber number (seed 002), never typed. */
    public String reportingRegNumber() {
        return "FR" + number;
    }

    private SubscriberAssignment currentAssignment() {
        return assignments.get(assignments.size() - 1);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public String getInn() {
        return inn;
    }

    public SubscriberStatus getStatus() {
        return status;
    }

    public Partner getPartner() {
        return partner;
    }

    public List<SubscriberAssignment> getAssignments() {
        return Collections.unmodifiableList(assignments);
    }

    public List<StatusChange> getStatusChanges() {
        return Collections.unmodifiableList(statusChanges);
    }
}
