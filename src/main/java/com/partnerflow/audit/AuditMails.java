package com.partnerflow.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.notification.TaskWaiting;
import com.partnerflow.security.UserDirectory;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;

/**
 * Who receives an audit's mails, from the templates in {@code mail/audit/}: the developing partner (the employee who
 * submitted and the extension's maintainer) and, on publication, the users of the clients who may install it.
 */
@Component
class AuditMails {

    private final UserDirectory users;
    private final SubscriberService subscribers;
    private final MailTemplates templates;

    AuditMails(UserDirectory users, SubscriberService subscribers, MailTemplates templates) {
        this.users = users;
        this.subscribers = subscribers;
        this.templates = templates;
    }

    static String topic(long versionId) {
        return "extension-version:" + versionId;
    }

    /** To the partner, and to every client user of the clients who may now install the version. */
    List<Mail> published(ExtensionVersion version, Collection<Subscriber> clients) {
        Map<String, Object> model = model(version);
        List<Mail> mails = new ArrayList<>(templates.mails(partner(version), "audit/published-partner", model));
        Set<String> clientAddresses = new LinkedHashSet<>();
        clients.forEach(client -> subscribers.clientUsersOf(client)
                .forEach(user -> users.notificationAddressOf(user).ifPresent(clientAddresses::add)));
        mails.addAll(templates.mails(clientAddresses, "audit/published-client", model));
        return mails;
    }

    List<Mail> changesRequired(ExtensionVersion version) {
        return templates.mails(partner(version), "audit/changes-required", model(version));
    }

    List<Mail> rejected(ExtensionVersion version) {
        return templates.mails(partner(version), "audit/rejected", model(version));
    }

    /** What the revision task asks of the developing partner; nothing forces it, the version waits unpublished. */
    TaskWaiting revision(ExtensionVersion version) {
        List<String> about = new ArrayList<>(List.of(describe(version)));
        if (version.getAuditComment() != null) {
            about.add("Комментарий аудитора: " + version.getAuditComment());
        }
        version.lastRoundFindings().forEach(finding -> about.add("Замечание: " + finding(finding)));
        return new TaskWaiting("Исправьте версию " + version.getNumber() + " доработки «" + version.getExtension().getName() + "»",
                "Аудитор вернул версию на исправление. Загрузите исправленный файл и отправьте версию на аудит снова "
                        + "или отзовите ее.", about, null, "версия не публикуется и клиентам недоступна");
    }

    private static Map<String, Object> model(ExtensionVersion version) {
        Map<String, Object> model = new HashMap<>();
        model.put("version", version);
        model.put("description", describe(version));
        model.put("distribution", version.getDistribution().label().toLowerCase());
        model.put("comment", version.getAuditComment());
        model.put("findings", version.lastRoundFindings().stream().map(AuditMails::finding).toList());
        return model;
    }

    private List<String> partner(ExtensionVersion version) {
        Set<String> recipients = new LinkedHashSet<>();
        users.notificationAddressOf(version.getSubmittedBy()).ifPresent(recipients::add);
        recipients.add(version.getExtension().maintainer().getEmail());
        return List.copyOf(recipients);
    }

    /** «Дополнительная обработка «Загрузка выписок» версии 1.0.1 для программы «Бухгалтерия предприятия» 3.0». */
    private static String describe(ExtensionVersion version) {
        Extension extension = version.getExtension();
        return extension.getKind().label() + " «" + extension.getName() + "» версии " + version.getNumber()
                + " для программы «" + extension.getTargetApplication() + "» " + version.getTargetApplicationVersion();
    }

    private static String finding(AuditFinding finding) {
        return finding.getCategory().label() + " (" + finding.getSeverity().label().toLowerCase() + "): " + finding.getDescription();
    }

    /** The last round's findings as the audit report's text (the revision form shows it). */
    static String findings(ExtensionVersion version) {
        List<AuditFinding> findings = version.lastRoundFindings();
        if (findings.isEmpty()) {
            return "";
        }
        return "\nЗамечания аудита:\n" + findings.stream().map(finding -> "- " + finding(finding)).collect(Collectors.joining("\n"));
    }
}
