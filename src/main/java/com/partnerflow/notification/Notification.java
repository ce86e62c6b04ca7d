package com.partnerflow.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An e-mail in the outbox. It is written in the same transaction as the decision it reports and
 * sent later by an asynchronous process step (or, for a decision outside any process, after the commit and then on
 * the outbox's schedule until it goes), so a decision never exists without its mail and a mail server outage never
 * loses one.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public enum Status {
        PENDING,
        SENT,
        /** No mail host is configured (a developer's machine): the mail was written to the log instead. */
        LOGGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** What the mail is about, e.g. {@code transfer:42}; the dispatching step sends by it. */
    @Column(name = "topic", nullable = false, length = 100)
    private String topic;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    /** The text part. */
    @Column(nullable = false, length = 32000)
    private String body;

    /** The HTML part, the same content; {@code null} in mails written before templates (sent as text only). */
    @Column(name = "html_body", length = 100000)
    private String html;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** Written by a decision outside any process: no async step retries it, the outbox's schedule does. */
    @Column(name = "outside_process", nullable = false)
    private boolean outsideProcess;

    protected Notification() {
    }

    Notification(String topic, Mail mail, Instant createdAt, boolean outsideProcess) {
        this.outsideProcess = outsideProcess;
        this.topic = topic;
        this.recipient = mail.recipient();
        this.subject = mail.subject();
        this.body = mail.text();
        this.html = mail.html();
        this.createdAt = createdAt;
    }

    void markDelivered(Status result, Instant at) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Notification " + id + " was already " + status);
        }
        this.status = result;
        this.sentAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getTopic() {
        return topic;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getHtml() {
        return html;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
