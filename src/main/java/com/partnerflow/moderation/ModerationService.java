package com.partnerflow.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.notification.NotificationService;
import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.work.RequestChanges;
import com.partnerflow.work.RequestKind;

/**
 * The moderation of a configuration, round by round: sending, the moderator's answer, publication, the
 * partner's revision or withdrawal, and the notifications. Each method is one transaction (the engine's,
 * when a process step calls it).
 */
@Service
class ModerationService {

    private static final Logger log = LoggerFactory.getLogger(ModerationService.class);

    private final Moderations moderations;
    private final ConfigurationService configurations;
    private final NotificationService notifications;
    private final ModerationMails mails;
    private final RequestChanges requests;
    private final Clock clock;

    ModerationService(Moderations moderations, ConfigurationService configurations, NotificationService notifications,
                      ModerationMails mails, RequestChanges requests, Clock clock) {
        this.moderations = moderations;
        this.configurations = configurations;
        this.notifications = notifications;
        this.mails = mails;
        this.requests = requests;
        this.clock = clock;
    }

    /** The creator's partner sends a complete configuration that is not already with the moderators. */
    @Transactional
    Moderation submit(Long configurationId, String userId) {
        if (configurationId == null) {
            throw BusinessRuleViolation.invalid("Выберите конфигурацию, которую нужно отправить на модерацию.");
        }
        Moderation moderation = Moderation.open(configurations.ownedBy(configurationId, userId), userId, clock.instant());
        try {
            return moderations.saveAndFlush(moderation);
        } catch (DataIntegrityViolationException alreadySent) {
            throw BusinessRuleViolation.conflict("Конфигурация уже отправлена на модерацию.");
        }
    }

    /**
     * The start form's door: the configuration as the partner filled it in, made anew in the account or the chosen one
     * edited, by the methods {@code POST /api/configuration-accounts/{id}/configurations} and {@code PUT
     * /api/configurations/{id}} use, then sent. A refusal (a field missing for publication) rolls the edit back too.
     */
    @Transactional
    Moderation submit(Long configurationId, Long accountId, ConfigurationDraft filled, Caller caller) {
        Configuration configuration;
        if (accountId != null) {
            configuration = configurations.create(accountId, filled, caller);
        } else if (configurationId != null) {
            configuration = configurations.edit(configurationId, filled, caller);
        } else {
            throw BusinessRuleViolation.invalid("Выберите конфигурацию или аккаунт, в котором создать новую.");
        }
        return submit(configuration.getId(), caller.userId());
    }

    @Transactional
    Moderation recordReview(long moderationId, ReviewDecision decision, String comment, String moderator) {
        Moderation moderation = byId(moderationId);
        moderation.decide(decision, comment, moderator, clock.instant());
        switch (moderation.getConfiguration().getStatus()) {
            case CHANGES_REQUESTED -> notifications.enqueue(ModerationMails.topic(moderationId), mails.changesRequested(moderation));
            case REJECTED -> notifications.enqueue(ModerationMails.topic(moderationId), mails.rejected(moderation));
            default -> {
                // approved: the publication step notifies
            }
        }
        return moderation;
    }

    /** The approved round replaces what the catalogue showed, and the partner is told. */
    @Transactional
    Moderation publish(long moderationId) {
        Moderation moderation = byId(moderationId);
        moderation.publish(clock.instant());
        notifications.enqueue(ModerationMails.topic(moderationId), mails.published(moderation));
        return moderation;
    }

    /**
     * The partner answers requested changes: sends the configuration again, with the revised settings when the
     * task form brought them ({@code draft} without entities keeps the entities), or withdraws it.
     */
    @Transactional
    Moderation revise(long moderationId, RevisionAction action, ConfigurationDraft draft, String userId) {
        Moderation moderation = byId(moderationId);
        Configuration configuration = configurations.ownedBy(moderation.getConfiguration().getId(), userId);
        if (action == null) {
            throw BusinessRuleViolation.invalid("Выберите: отправить конфигурацию снова или отозвать ее с модерации.");
        }
        if (action == RevisionAction.WITHDRAW) {
            moderation.withdraw(clock.instant());
            return moderation;
        }
        if (draft != null) {
            configuration.edit(ConfigurationContent.of(keepingEntities(draft, configuration.getContent())), userId, clock.instant());
        }
        moderation.resubmit(userId, clock.instant());
        return moderation;
    }

    /** The creator's partner takes its configuration back while the moderators have it or it waits for revision. */
    @Transactional
    Moderation withdraw(long configurationId, String userId) {
        Configuration configuration = configurations.ownedBy(configurationId, userId);
        Moderation moderation = open(configuration).orElseThrow(() -> BusinessRuleViolation.conflict(
                "Конфигурация «" + configuration.displayName() + "» не на модерации: отзывать нечего."));
        moderation.withdraw(clock.instant());
        return moderation;
    }

    /**
     * Takes a configuration out of the public catalogue: its publisher (the creator's partner) or a moderator, who
     * gives a reason the partner is mailed. The moderation that published it keeps who, when and why.
     */
    @Transactional
    Moderation unpublish(long configurationId, String reason, Caller caller) {
        boolean byModerator = caller.moderatesConfigurations();
        if (!byModerator && caller.readsAllConfigurations()) {
            throw BusinessRuleViolation.forbidden("Снимать конфигурации с публикации могут опубликовавший их партнер и модераторы.");
        }
        Configuration configuration = byModerator ? configurations.find(configurationId, caller)
                : configurations.publishedBy(configurationId, caller.userId());
        Moderation moderation = configuration.publishingModeration();
        moderation.unpublish(byModerator, reason, caller.userId(), clock.instant());
        // outside the process, which ended with the publication: the list of requests and the webhooks learn it here
        requests.changed(RequestKind.CONFIGURATIONS, String.valueOf(configurationId));
        if (byModerator) {
            notifications.enqueueAndSendAfterCommit(ModerationMails.topic(moderation.getId()), mails.unpublished(moderation));
        }
        log.info("Configuration moderation {}: configuration {} taken out of the catalogue by {}{}", moderation.getId(),
                configurationId, caller.userId(), byModerator ? " (moderator)" : "");
        return moderation;
    }

    /** The latest time the configuration was taken out of the catalogue, if ever. */
    @Transactional(readOnly = true)
    Optional<Moderation> lastUnpublished(Configuration configuration) {
        return moderations.findFirstByConfigurationAndUnpublishedAtIsNotNullOrderByUnpublishedAtDesc(configuration);
    }

    /** The open moderation of a configuration the user owns, if any. */
    @Transactional(readOnly = true)
    Optional<Moderation> openModeration(long configurationId, String userId) {
        return open(configurations.ownedBy(configurationId, userId));
    }

    @Transactional(readOnly = true)
    Optional<Moderation> latest(Configuration configuration) {
        return moderations.findFirstByConfigurationOrderByIdDesc(configuration);
    }

    void sendNotifications(long moderationId) {
        notifications.dispatch(ModerationMails.topic(moderationId));
    }

    @Transactional(readOnly = true)
    Moderation byId(long moderationId) {
        return moderations.findById(moderationId)
                .orElseThrow(() -> new IllegalStateException("No configuration moderation " + moderationId));
    }

    private Optional<Moderation> open(Configuration configuration) {
        return moderations.findFirstByConfigurationOrderByIdDesc(configuration).filter(Moderation::isOpen);
    }

    private static ConfigurationDraft keepingEntities(ConfigurationDraft draft, ConfigurationContent current) {
        if (draft.entities() != null) {
            return draft;
        }
        return new ConfigurationDraft(draft.title(), draft.shortDescription(), draft.fullDescription(), draft.category(),
                draft.industry(), draft.links(), draft.free(), draft.price(), draft.supportContact(), current.entityDrafts());
    }
}
