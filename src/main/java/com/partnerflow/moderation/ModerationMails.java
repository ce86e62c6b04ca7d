package com.partnerflow.moderation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.security.UserDirectory;

/**
 * The Russian texts of a moderation's notifications, to the partner who sent the configuration; and of the
 * invitations into a configuration account, to the invited partner.
 */
@Component
class ModerationMails {

    private final UserDirectory users;

    ModerationMails(UserDirectory users) {
        this.users = users;
    }

    static String topic(long moderationId) {
        return "configuration-moderation:" + moderationId;
    }

    /** The mails of a configuration account, sent outside any process. */
    static String accountTopic(long accountId) {
        return "configuration-account:" + accountId;
    }

    List<Mail> invited(Invitation invitation) {
        ConfigurationAccount account = invitation.getAccount();
        return List.of(new Mail(invitation.getPartner().getEmail(),
                "Приглашение в аккаунт «" + account.getName() + "» типа «Партнерская конфигурация»",
                "Партнер " + account.getManager().getName() + " приглашает вас в аккаунт «" + account.getName()
                        + "» типа «Партнерская конфигурация»: приняв приглашение, ваши сотрудники смогут входить в аккаунт, "
                        + "создавать в нем конфигурации и видеть конфигурации других приглашенных партнеров.\n"
                        + "Принять: POST /api/configuration-invitations/" + invitation.getId() + "/acceptance\n"
                        + "Отклонить: POST /api/configuration-invitations/" + invitation.getId() + "/refusal\n"
                        + "Ваши приглашения: GET /api/configuration-invitations"));
    }

    /** A moderator took the configuration out of the catalogue; the partner reads why. */
    List<Mail> unpublished(Moderation moderation) {
        String title = title(moderation);
        return toPartner(moderation, "Конфигурация «" + title + "» снята с публикации в каталоге «Готовые решения»",
                "Модератор снял конфигурацию «" + title + "» с публикации в каталоге «Готовые решения».\nПричина: "
                        + moderation.getUnpublishReason()
                        + "\nИсправьте конфигурацию и отправьте ее на модерацию снова, чтобы она вернулась в каталог.");
    }

    List<Mail> published(Moderation moderation) {
        return toPartner(moderation, "Конфигурация «" + title(moderation) + "» опубликована в каталоге «Готовые решения»",
                "Модератор одобрил конфигурацию «" + title(moderation) + "», она опубликована в каталоге «Готовые решения»: "
                        + "/api/catalogue/" + moderation.getConfiguration().getId() + "." + comment(moderation));
    }

    List<Mail> changesRequested(Moderation moderation) {
        return toPartner(moderation, "Конфигурация «" + title(moderation) + "»: модератор просит доработать",
                "Модератор вернул конфигурацию «" + title(moderation) + "» на доработку." + comment(moderation)
                        + "\nИсправьте ее и отправьте снова (задача «Доработать конфигурацию» в Tasklist) или отзовите с модерации.");
    }

    List<Mail> rejected(Moderation moderation) {
        return toPartner(moderation, "Конфигурация «" + title(moderation) + "» не допущена к публикации",
                "Модератор отклонил публикацию конфигурации «" + title(moderation) + "»." + comment(moderation)
                        + (moderation.getConfiguration().isPublished() ? "\nВ каталоге остается ранее опубликованная редакция." : ""));
    }

    private List<Mail> toPartner(Moderation moderation, String subject, String body) {
        Set<String> recipients = new LinkedHashSet<>();
        users.notificationAddressOf(moderation.currentRound().getSubmittedBy()).ifPresent(recipients::add);
        recipients.add(moderation.getConfiguration().getCreator().getEmail());
        return recipients.stream().map(recipient -> new Mail(recipient, subject, body)).toList();
    }

    private static String title(Moderation moderation) {
        return moderation.currentRound().getContent().getTitle();
    }

    private static String comment(Moderation moderation) {
        String comment = moderation.currentRound().getComment();
        return comment == null ? "" : "\nКомментарий модератора: " + comment;
    }
}
