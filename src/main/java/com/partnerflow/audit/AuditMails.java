package com.partnerflow.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.security.UserDirectory;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;

/** The Russian texts of an audit's notifications: to the developing partner and, on publication, to the clients. */
@Component
class AuditMails {

    private final UserDirectory users;
    private final SubscriberService subscribers;

    AuditMails(UserDirectory users, SubscriberService subscribers) {
        this.users = users;
        this.subscribers = subscribers;
    }

    static String topic(long versionId) {
        return "extension-version:" + versionId;
    }

    /** To the partner, and to every client user of the clients who may now install the version. */
    List<Mail> published(ExtensionVersion version, Collection<Subscriber> clients) {
        String subject = "Доработка «" + version.getExtension().getName() + "» " + version.getNumber() + " прошла аудит";
        String partnerBody = describe(version) + " прошла аудит и опубликована. Доступ предоставлен: "
                + version.getDistribution().label().toLowerCase() + "." + findings(version);
        String clientBody = describe(version) + " доступна вашей организации. Установить ее в информационную базу можно "
                + "в Tasklist («Установить доработку в информационную базу»).";
        List<Mail> mails = new java.util.ArrayList<>(toPartner(version, subject, partnerBody));
        Set<String> clientAddresses = new LinkedHashSet<>();
        clients.forEach(client -> subscribers.clientUsersOf(client)
                .forEach(user -> users.notificationAddressOf(user).ifPresent(clientAddresses::add)));
        clientAddresses.forEach(address -> mails.add(new Mail(address, subject, clientBody)));
        return mails;
    }

    List<Mail> changesRequired(ExtensionVersion version) {
        return toPartner(version, "Доработка «" + version.getExtension().getName() + "» " + version.getNumber()
                        + ": аудитор требует исправлений",
                describe(version) + " возвращена на исправление." + comment(version) + findings(version)
                        + "\nИсправьте файл и отправьте версию снова (задача «Исправить версию доработки» в Tasklist) или отзовите ее.");
    }

    List<Mail> rejected(ExtensionVersion version) {
        return toPartner(version, "Доработка «" + version.getExtension().getName() + "» " + version.getNumber()
                + " отклонена аудитором", describe(version) + " отклонена." + comment(version) + findings(version));
    }

    private List<Mail> toPartner(ExtensionVersion version, String subject, String body) {
        Set<String> recipients = new LinkedHashSet<>();
        users.notificationAddressOf(version.getSubmittedBy()).ifPresent(recipients::add);
        recipients.add(version.getExtension().maintainer().getEmail());
        return recipients.stream().map(recipient -> new Mail(recipient, subject, body)).toList();
    }

    private static String describe(ExtensionVersion version) {
        Extension extension = version.getExtension();
        return extension.getKind().label() + " «" + extension.getName() + "» версии " + version.getNumber()
                + " для программы «" + extension.getTargetApplication() + "» " + version.getTargetApplicationVersion();
    }

    private static String comment(ExtensionVersion version) {
        return version.getAuditComment() == null ? "" : "\nКомментарий аудитора: " + version.getAuditComment();
    }

    static String findings(ExtensionVersion version) {
        List<AuditFinding> findings = version.lastRoundFindings();
        if (findings.isEmpty()) {
            return "";
        }
        return "\nЗамечания аудита:\n" + findings.stream()
                .map(finding -> "- " + finding.getCategory().label() + " (" + finding.getSeverity().label().toLowerCase() + "): "
                        + finding.getDescription())
                .collect(Collectors.joining("\n"));
    }
}
