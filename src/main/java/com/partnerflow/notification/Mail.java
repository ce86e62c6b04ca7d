package com.partnerflow.notification;

/** An e-mail to write to the outbox. */
public record Mail(String recipient, String subject, String body) {
}
