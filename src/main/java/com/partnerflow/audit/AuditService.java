package com.partnerflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.notification.NotificationService;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * The audit of a submitted version: rounds with their due dates, the auditor's findings and decision,
 * publication with access per distribution, and the notifications. Each method is one transaction
 * (the engine's, when a process step calls it).
 */
@Service
class AuditService {

    static final int MAX_TEXT = 2000;

    private final ExtensionService extensions;
    private final AccessGrants grants;
    private final SubscriberService subscribers;
    private final NotificationService notifications;
    private final AuditMails mails;
    private final Clock clock;

    AuditService(ExtensionService extensions, AccessGrants grants, SubscriberService subscribers,
                 NotificationService notifications, AuditMails mails, Clock clock) {
        this.extensions = extensions;
        this.grants = grants;
        this.subscribers = subscribers;
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
    }

    /** The audit task exists: a new round, due when the engine's working-days calendar says. */
    @Transactional
    ExtensionVersion startAudit(long versionId, Instant dueAt) {
        ExtensionVersion version = extensions.byId(versionId);
        version.startAudit(dueAt);
        return version;
    }

    @Transactional
    void recordOverdue(long versionId) {
        extensions.byId(versionId).markOverdue(clock.instant());
    }

    /**
     * Records what the auditor found and decided. A category with a severity needs its description; the
     * version itself refuses an approval with a critical finding.
     */
    @Transactional
    ExtensionVersion recordAudit(long versionId, AuditResult result, String auditor) {
        if (result.decision() == null) {
            throw BusinessRuleViolation.invalid("Выберите решение: одобрить, вернуть на исправление или отклонить.");
        }
        Problems problems = new Problems();
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : result.findings()) {
            String description = finding.description() == null ? "" : finding.description().strip();
            if (description.isEmpty()) {
                problems.add("опишите замечание в разделе «" + finding.category().label() + "»");
            } else if (description.length() > MAX_TEXT) {
                problems.add("замечание в разделе «" + finding.category().label() + "» длиннее " + MAX_TEXT + " символов");
            } else {
                findings.add(new Finding(finding.category(), finding.severity(), description));
            }
        }
        String comment = result.comment() == null || result.comment().isBlank() ? null : result.comment().strip();
        if (comment != null && comment.length() > MAX_TEXT) {
            problems.add("комментарий длиннее " + MAX_TEXT + " символов");
        }
        problems.refuseIfAny("Результат аудита не сохранен");
        ExtensionVersion version = extensions.byId(versionId);
        version.recordAudit(result.decision(), findings, comment, auditor, clock.instant());
        if (version.getStatus() == VersionStatus.CHANGES_REQUIRED) {
            notifications.enqueue(AuditMails.topic(versionId), mails.changesRequired(version));
        } else if (version.getStatus() == VersionStatus.REJECTED) {
            notifications.enqueue(AuditMails.topic(versionId), mails.rejected(version));
        }
        return version;
    }

    /**
     * Publishes an approved version and grants access per its distribution: a client-owned extension is its
     * owner's at once; the named clients, or every client the partner serves, get a grant. The partner and
     * the clients who may install it are notified.
     */
    @Transactional
    ExtensionVersion publish(long versionId) {
        ExtensionVersion version = extensions.byId(versionId);
        Instant now = clock.instant();
        version.publish(now);
        Collection<Subscriber> clients = switch (version.getDistribution()) {
            case ALL -> {
                Partner maintainer = version.getExtension().maintainer();
                grants.save(AccessGrant.toAllClientsOf(version, maintainer, now));
                yield new ArrayList<>(subscribers.servedBy(maintainer));
            }
            case ONE, SEVERAL -> {
                version.getRecipients().forEach(client -> grants.save(AccessGrant.to(version, client, now)));
                yield new ArrayList<>(version.getRecipients());
            }
        };
        Subscriber owner = version.getExtension().getOwnerSubscriber();
        if (owner != null && clients.stream().noneMatch(client -> client.getId().equals(owner.getId()))) {
            clients.add(owner);
        }
        notifications.enqueue(AuditMails.topic(versionId), mails.published(version, clients));
        return version;
    }

    void sendNotifications(long versionId) {
        notifications.dispatch(AuditMails.topic(versionId));
    }

    /** Where the process goes after an audit or a revision: the domain's status, never a variable. */
    @Transactional(readOnly = true)
    VersionStatus status(long versionId) {
        return extensions.byId(versionId).getStatus();
    }

    @Transactional(readOnly = true)
    String developerGroup(long versionId) {
        return extensions.byId(versionId).getExtension().maintainer().group();
    }
}
