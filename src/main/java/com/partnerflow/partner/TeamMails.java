package com.partnerflow.partner;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.notification.PublicLinks;

/** The mail of a partner's team (ADR 0047): a new employee's invitation, from {@code mail/team/}. */
@Component
class TeamMails {

    private final MailTemplates templates;
    private final PublicLinks links;

    TeamMails(MailTemplates templates, PublicLinks links) {
        this.templates = templates;
        this.links = links;
    }

    /** The invitation with its single-use link; the only place the link's secret ever appears. */
    Mail invitation(String recipient, String name, String userId, String partnerName, String invitedBy, String secret,
                    Instant expiresAt) {
        return templates.mail(recipient, "team/invitation", Map.of("name", name, "userId", userId, "partnerName", partnerName,
                "invitedBy", invitedBy, "link", links.of(InvitationPage.PATH + secret), "expiresAt", expiresAt));
    }
}
