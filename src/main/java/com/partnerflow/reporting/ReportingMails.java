package com.partnerflow.reporting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.notification.TaskWaiting;
import com.partnerflow.security.UserDirectory;
import com.partnerflow.subscriber.SubscriberService;

/**
 * Who receives an application's mails, from the templates in {@code mail/reporting/}: the client's users (and the
 * submitter) and the servicing partner; and what the partner's processing task asks of it.
 */
@Component
class ReportingMails {

    private final UserDirectory users;
    private final SubscriberService subscribers;
    private final MailTemplates templates;

    ReportingMails(UserDirectory users, SubscriberService subscribers, MailTemplates templates) {
        this.users = users;
        this.subscribers = subscribers;
        this.templates = templates;
    }

    static String topic(long applicationId) {
        return "reporting-application:" + applicationId;
    }

    List<Mail> enabled(ReportingApplication application) {
        String mode = application.getTier() == null
                ? "многопользовательский режим: Выключен"
                : "многопользовательский режим: Включен, вид расширения «" + application.getTier().label() + "»";
        return templates.mails(clientAndPartner(application), "reporting/enabled",
                Map.of("application", application, "organization", describe(application), "mode", mode));
    }

    List<Mail> rejected(ReportingApplication application) {
        return templates.mails(clientAndPartner(application), "reporting/rejected",
                Map.of("application", application, "organization", describe(application)));
    }

    /** What the servicing partner's task asks; nothing forces it, the client waits for its multi-user mode. */
    TaskWaiting processing(ReportingApplication application) {
        String requested = application.isRequestedMultiUser()
                ? "многопользовательский режим, вид расширения «" + application.getRequestedTier().label() + "»"
                : "без многопользовательского режима";
        return new TaskWaiting("Обработайте заявление № " + application.getId() + " клиента «"
                + application.getOrganizationName() + "» на подключение 1С-Отчетности",
                "Ваш клиент просит подключить 1С-Отчетность. Проверьте заявление и подключите ее (при ошибке клиента "
                        + "можно изменить режим и вид расширения) или отклоните, указав причину.",
                List.of("Организация: " + describe(application),
                        "Абонент: " + application.getSubscriber().getNumber(),
                        "Запрошено: " + requested + "; пользователей: " + application.getUsers().size()),
                null, "1С-Отчетность клиенту не подключена");
    }

    private List<String> clientAndPartner(ReportingApplication application) {
        Set<String> recipients = new LinkedHashSet<>();
        subscribers.clientUsersOf(application.getSubscriber()).forEach(user -> users.notificationAddressOf(user).ifPresent(recipients::add));
        users.notificationAddressOf(application.getSubmittedBy()).ifPresent(recipients::add);
        recipients.add(application.getSubscriber().getPartner().getEmail());
        return List.copyOf(recipients);
    }

    private static String describe(ReportingApplication application) {
        return "«" + application.getOrganizationName() + "» (ИНН " + application.getInn()
                + ", рег. номер " + application.getSubscriber().reportingRegNumber() + ")";
    }
}
