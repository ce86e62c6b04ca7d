package com.partnerflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.security.UserDirectory;
import com.partnerflow.subscriber.SubscriberService;

/** The Russian texts of an application's notifications: to the client's users (and the submitter) and to the partner. */
@Component
class ReportingMails {

    private final UserDirectory users;
    private final SubscriberService subscribers;

    ReportingMails(UserDirectory users, SubscriberService subscribers) {
        this.users = users;
        this.subscribers = subscribers;
    }

    static String topic(long applicationId) {
        return "reporting-application:" + applicationId;
    }

    List<Mail> enabled(ReportingApplication application) {
        String mode = application.getTier() == null
                ? "многопользовательский режим: Выключен"
                : "многопользовательский режим: Включен, вид расширения «" + application.getTier().label() + "»";
        String subject = "Заявление № " + application.getId() + " на подключение 1С-Отчетности обработано";
        String body = "Заявление № " + application.getId() + " для " + describe(application) + " обработано партнером.\n"
                + "В карточке организации на вкладке «Продукты»: 1С-Отчетность, " + mode + ".";
        return toClientAndPartner(application, subject, body);
    }

    List<Mail> rejected(ReportingApplication application) {
        String subject = "Заявление № " + application.getId() + " на подключение 1С-Отчетности отклонено";
        String body = "Заявление № " + application.getId() + " для " + describe(application) + " отклонено партнером.\n"
                + "Причина: " + application.getRejectionReason();
        return toClientAndPartner(application, subject, body);
    }

    private List<Mail> toClientAndPartner(ReportingApplication application, String subject, String body) {
        Set<String> recipients = new LinkedHashSet<>();
        subscribers.clientUsersOf(application.getSubscriber()).forEach(user -> users.notificationAddressOf(user).ifPresent(recipients::add));
        users.notificationAddressOf(application.getSubmittedBy()).ifPresent(recipients::add);
        recipients.add(application.getSubscriber().getPartner().getEmail());
        List<Mail> mails = new ArrayList<>();
        recipients.forEach(recipient -> mails.add(new Mail(recipient, subject, body)));
        return mails;
    }

    private static String describe(ReportingApplication application) {
        return "организации «" + application.getOrganizationName() + "» (ИНН " + application.getInn()
                + ", рег. номер " + application.getSubscriber().reportingRegNumber() + ")";
    }
}
