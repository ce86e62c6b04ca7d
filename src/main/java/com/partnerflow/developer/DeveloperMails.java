package com.partnerflow.developer;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.security.UserDirectory;

/** The Russian texts of a developer authorization's notifications: to the partner, its requester and the employee. */
@Component
class DeveloperMails {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserDirectory users;

    DeveloperMails(UserDirectory users) {
        this.users = users;
    }

    static String topic(long authorizationId) {
        return DeveloperAuthorizationProcess.KEY + ":" + authorizationId;
    }

    static String applications(DeveloperAuthorization authorization) {
        return authorization.getApplications().stream().map(Application::label).collect(Collectors.joining(", "));
    }

    List<Mail> approved(DeveloperAuthorization authorization) {
        return toPartner(authorization, "Сотрудник " + authorization.getDeveloper() + " авторизован как разработчик",
                "Фирма авторизовала сотрудника " + authorization.getDeveloper() + " партнера «" + authorization.getPartner().getName()
                        + "» как разработчика доработок для приложений: " + applications(authorization) + ".\n"
                        + "Авторизация действует с " + DATE.format(authorization.getValidFrom()) + ": сотрудник может отправлять версии доработок на аудит."
                        + comment("Комментарий фирмы", authorization.getDecisionComment()));
    }

    List<Mail> rejected(DeveloperAuthorization authorization) {
        return toPartner(authorization, "Отказ в авторизации разработчика " + authorization.getDeveloper(),
                "Фирма отказала в авторизации сотрудника " + authorization.getDeveloper() + " партнера «"
                        + authorization.getPartner().getName() + "» как разработчика доработок."
                        + comment("Причина отказа", authorization.getDecisionComment()));
    }

    List<Mail> withdrawn(DeveloperAuthorization authorization) {
        return toPartner(authorization, "Авторизация разработчика " + authorization.getDeveloper() + " отозвана",
                "Фирма отозвала авторизацию сотрудника " + authorization.getDeveloper() + " партнера «"
                        + authorization.getPartner().getName() + "» как разработчика доработок. Отправлять версии доработок "
                        + "на аудит он больше не может; уже опубликованные версии остаются."
                        + comment("Причина отзыва", authorization.getWithdrawalReason()));
    }

    private List<Mail> toPartner(DeveloperAuthorization authorization, String subject, String body) {
        Set<String> recipients = new LinkedHashSet<>();
        if (authorization.getRequestedBy() != null) {
            users.notificationAddressOf(authorization.getRequestedBy()).ifPresent(recipients::add);
        }
        users.notificationAddressOf(authorization.getDeveloper()).ifPresent(recipients::add);
        recipients.add(authorization.getPartner().getEmail());
        return recipients.stream().map(recipient -> new Mail(recipient, subject, body)).toList();
    }

    private static String comment(String heading, String text) {
        return text == null || text.isBlank() ? "" : "\n" + heading + ": " + text;
    }
}
