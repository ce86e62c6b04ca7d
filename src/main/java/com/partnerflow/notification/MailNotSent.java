package com.partnerflow.notification;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;

/**
 * The SMTP server did not take a mail. Its message is what an operator reads in the incident (after the
 * process, the request and the step): which mail, which server, and why, e.g. «Письмо 7 «Абонент 1001
 * переведен» для anna@alfa.example не отправлено: SMTP-сервер mail.example:25 недоступен (ConnectException:
 * Connection refused)».
 */
class MailNotSent extends RuntimeException {

    MailNotSent(Notification notification, String server, MailException failure) {
        super("Письмо %d «%s» для %s не отправлено: SMTP-сервер %s %s".formatted(notification.getId(),
                notification.getSubject(), notification.getRecipient(), server, reason(failure)), failure);
    }

    private static String reason(MailException failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        boolean unreachable = cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException;
        return (unreachable ? "недоступен" : "не принял письмо") + " (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + ")";
    }
}
