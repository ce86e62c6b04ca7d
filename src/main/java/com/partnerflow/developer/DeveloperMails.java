package com.partnerflow.developer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.security.UserDirectory;

/**
 * Who receives a developer authorization's mails, from the templates in {@code mail/developer/}: the partner's mailbox,
 * the employee who requested it and the employee authorized.
 */
@Component
class DeveloperMails {

    private final UserDirectory users;
    private final MailTemplates templates;

    DeveloperMails(UserDirectory users, MailTemplates templates) {
        this.users = users;
        this.templates = templates;
    }

    static String topic(long authorizationId) {
        return DeveloperAuthorizationProcess.KEY + ":" + authorizationId;
    }

    static String applications(DeveloperAuthorization authorization) {
        return authorization.getApplications().stream().map(Application::label).collect(Collectors.joining(", "));
    }

    List<Mail> approved(DeveloperAuthorization authorization) {
        return toPartner(authorization, "developer/approved");
    }

    List<Mail> rejected(DeveloperAuthorization authorization) {
        return toPartner(authorization, "developer/rejected");
    }

    List<Mail> withdrawn(DeveloperAuthorization authorization) {
        return toPartner(authorization, "developer/withdrawn");
    }

    private List<Mail> toPartner(DeveloperAuthorization authorization, String template) {
        Set<String> recipients = new LinkedHashSet<>();
        if (authorization.getRequestedBy() != null) {
            users.notificationAddressOf(authorization.getRequestedBy()).ifPresent(recipients::add);
        }
        users.notificationAddressOf(authorization.getDeveloper()).ifPresent(recipients::add);
        recipients.add(authorization.getPartner().getEmail());
        Map<String, Object> model = new HashMap<>();
        model.put("authorization", authorization);
        model.put("applications", applications(authorization));
        model.put("validFrom", authorization.getValidFrom());
        model.put("comment", blankToNull(authorization.getDecisionComment()));
        model.put("withdrawalReason", blankToNull(authorization.getWithdrawalReason()));
        return templates.mails(recipients, template, model);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
