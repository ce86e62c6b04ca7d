package com.partnerflow.moderation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.notification.TaskWaiting;
import com.partnerflow.security.UserDirectory;

/**
 * Who receives a moderation's mails, from the templates in {@code mail/moderation/}: the partner who sent the
 * configuration (the employee and the creator's mailbox); and an invitation into a configuration account, to the
 * invited partner.
 */
@Component
class ModerationMails {

    private final UserDirectory users;
    private final MailTemplates templates;

    ModerationMails(UserDirectory users, MailTemplates templates) {
        this.users = users;
        this.templates = templates;
    }

    static String topic(long moderationId) {
        return "configuration-moderation:" + moderationId;
    }

    /** The mails of a configuration account, sent outside any process. */
    static String accountTopic(long accountId) {
        return "configuration-account:" + accountId;
    }

    List<Mail> invited(Invitation invitation) {
        return templates.mails(List.of(invitation.getPartner().getEmail()), "moderation/invited",
                Map.of("invitation", invitation, "account", invitation.getAccount()));
    }

    /** A moderator took the configuration out of the catalogue; the partner reads why. */
    List<Mail> unpublished(Moderation moderation) {
        return toPartner(moderation, "moderation/unpublished");
    }

    List<Mail> published(Moderation moderation) {
        return toPartner(moderation, "moderation/published");
    }

    List<Mail> changesRequested(Moderation moderation) {
        return toPartner(moderation, "moderation/changes-requested");
    }

    List<Mail> rejected(Moderation moderation) {
        return toPartner(moderation, "moderation/rejected");
    }

    /** What the revision task asks of the partner; nothing forces it, the configuration waits outside the catalogue. */
    TaskWaiting revision(Moderation moderation) {
        String comment = moderation.currentRound().getComment();
        return new TaskWaiting("Доработайте конфигурацию «" + title(moderation) + "»",
                "Модератор вернул конфигурацию на доработку. Исправьте ее и отправьте снова или отзовите с модерации.",
                comment == null ? List.of("Конфигурация «" + title(moderation) + "»")
                        : List.of("Конфигурация «" + title(moderation) + "»", "Комментарий модератора: " + comment),
                null, moderation.getConfiguration().isPublished()
                        ? "в каталоге «Готовые решения» остается ранее опубликованная редакция"
                        : "конфигурация не появится в каталоге «Готовые решения»");
    }

    private List<Mail> toPartner(Moderation moderation, String template) {
        Set<String> recipients = new LinkedHashSet<>();
        users.notificationAddressOf(moderation.currentRound().getSubmittedBy()).ifPresent(recipients::add);
        recipients.add(moderation.getConfiguration().getCreator().getEmail());
        Map<String, Object> model = new HashMap<>();
        model.put("moderation", moderation);
        model.put("title", title(moderation));
        model.put("comment", moderation.currentRound().getComment());
        model.put("configurationId", moderation.getConfiguration().getId());
        model.put("stillPublished", moderation.getConfiguration().isPublished());
        return templates.mails(recipients, template, model);
    }

    private static String title(Moderation moderation) {
        return moderation.currentRound().getContent().getTitle();
    }
}
