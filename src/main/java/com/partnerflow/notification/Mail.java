package com.partnerflow.notification;

/**
 * An e-mail to write to the outbox: its text part and, beside it, the same content as HTML (the two parts of a
 * multipart/alternative message). Made by {@link MailTemplates} from the templates in {@code classpath:/mail/}.
 *
 * @param html {@code null} for a text-only mail
 */
public record Mail(String recipient, String subject, String text, String html) {
}
