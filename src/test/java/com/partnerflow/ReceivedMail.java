package com.partnerflow;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The parts of a mail GreenMail received: every mail is multipart/alternative, a text part and an HTML part
 * (NotificationService); one written before templates is text only.
 */
public final class ReceivedMail {

    private ReceivedMail() {
    }

    /** The text part (the whole body of a text-only mail), with the line ends the template wrote. */
    public static String text(MimeMessage message) throws MessagingException, IOException {
        return part(message, "text/plain").replace("\r\n", "\n");
    }

    /** The HTML part; empty for a text-only mail. */
    public static String html(MimeMessage message) throws MessagingException, IOException {
        return message.isMimeType("multipart/alternative") ? part(message, "text/html") : "";
    }

    private static String part(MimeMessage message, String type) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/*")) {
            return message.isMimeType(type) ? message.getContent().toString() : "";
        }
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("No " + type + " part in the mail «" + message.getSubject() + "»");
    }

    /** Whether a mail is the two-part kind every template makes: text first, HTML last. */
    public static boolean isTextAndHtml(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/alternative")) {
            return false;
        }
        Multipart parts = (Multipart) message.getContent();
        return parts.getCount() == 2 && parts.getBodyPart(0).isMimeType("text/plain") && parts.getBodyPart(1).isMimeType("text/html");
    }
}
