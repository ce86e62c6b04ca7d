package com.partnerflow.partner;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.security.UserDirectory;

/**
 * Who receives the outcome of a request to change a partner's details, from the templates in {@code mail/partner/}:
 * the employee who asked and the partner's mailbox — after a change of the mailbox, the old one and the new one, so a
 * change nobody at the partner expected does not go unnoticed.
 */
@Component
class ProfileChangeMails {

    private final UserDirectory users;
    private final MailTemplates templates;

    ProfileChangeMails(UserDirectory users, MailTemplates templates) {
        this.users = users;
        this.templates = templates;
    }

    static String topic(long changeId) {
        return PartnerProfileChangeProcess.KEY + ":" + changeId;
    }

    List<Mail> applied(ProfileChange change) {
        return toPartner(change, "partner/profile-applied");
    }

    List<Mail> rejected(ProfileChange change) {
        return toPartner(change, "partner/profile-rejected");
    }

    private List<Mail> toPartner(ProfileChange change, String template) {
        Set<String> recipients = new LinkedHashSet<>();
        users.notificationAddressOf(change.getRequestedBy()).ifPresent(recipients::add);
        recipients.add(change.getOldEmail());
        recipients.add(change.getPartner().getEmail());
        Map<String, Object> model = new HashMap<>();
        model.put("change", change);
        model.put("partnerName", change.getPartner().getName());
        model.put("changes", change.changesText());
        model.put("changeLines", change.changesText().lines().toList());
        String comment = change.getDecisionComment();
        model.put("comment", comment == null || comment.isBlank() ? null : comment);
        return templates.mails(recipients, template, model);
    }
}
