package com.partnerflow.moderation;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * A partner configuration (seed 000): made in a configuration account by a partner it stays bound to, its
 * working content, and the revision the public catalogue shows once a moderator approved one. A published
 * configuration may be edited and sent again; the catalogue keeps the old revision until the new one is approved.
 * DRAFT → IN_MODERATION → PUBLISHED / CHANGES_REQUESTED (→ IN_MODERATION) / REJECTED, or WITHDRAWN while waiting;
 * PUBLISHED → UNPUBLISHED when the publisher or a moderator takes it out of the catalogue. Only a certified creator
 * sends it (again).
 */
@Entity
@Table(name = "configuration")
public class Configuration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    private ConfigurationAccount account;

    /** Never changes (seed 000: «Конфигурация остается привязанной к тому партнёру, который её создал»). */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "creator_id", updatable = false)
    private Partner creator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ConfigurationStatus status;

    @Embedded
    private ConfigurationContent content;

    /** The approved round the catalogue shows; {@code null} until one is approved. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "published_round_id")
    private ModerationRound publishedRound;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Configuration() {
    }

    public Configuration(ConfigurationAccount account, Partner creator, ConfigurationContent content, String by, Instant at) {
        if (!account.admits(creator)) {
            throw BusinessRuleViolation.forbidden("Создавать конфигурации в аккаунте «" + account.getName()
                    + "» могут только управляющий аккаунтом и приглашенные в него партнеры.");
        }
        this.account = account;
        this.creator = creator;
        this.content = content;
        this.status = ConfigurationStatus.DRAFT;
        this.createdBy = by;
        this.createdAt = at;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** A new working content; not while a moderator has the configuration, whose round shows what was sent. */
    void edit(ConfigurationContent newContent, String by, Instant at) {
        if (status == ConfigurationStatus.IN_MODERATION) {
            throw BusinessRuleViolation.conflict("Конфигурация «" + displayName() + "» на модерации: изменить ее можно "
                    + "после решения модератора или после отзыва с модерации.");
        }
        this.content = newContent;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void enterModeration() {
        switch (status) {
            case IN_MODERATION -> throw BusinessRuleViolation.conflict(
                    "Конфигурация «" + displayName() + "» уже на модерации: повторно отправить ее нельзя.");
            case CHANGES_REQUESTED -> throw BusinessRuleViolation.conflict("Конфигурация «" + displayName()
                    + "» возвращена на доработку: отправьте ее снова в задаче «Доработать конфигурацию» или через "
                    + "POST /api/configurations/" + id + "/moderation.");
            default -> {
                requireCertifiedCreator();
                requireComplete();
            }
        }
        status = ConfigurationStatus.IN_MODERATION;
    }

    void resubmit() {
        require(ConfigurationStatus.CHANGES_REQUESTED, "отправить снова");
        requireCertifiedCreator();
        requireComplete();
        status = ConfigurationStatus.IN_MODERATION;
    }

    void changesRequested() {
        require(ConfigurationStatus.IN_MODERATION, "вернуть на доработку");
        status = ConfigurationStatus.CHANGES_REQUESTED;
    }

    void rejected() {
        require(ConfigurationStatus.IN_MODERATION, "отклонить");
        status = ConfigurationStatus.REJECTED;
    }

    void withdraw() {
        if (status != ConfigurationStatus.IN_MODERATION && status != ConfigurationStatus.CHANGES_REQUESTED) {
            throw BusinessRuleViolation.conflict("Конфигурация «" + displayName() + "» не на модерации ("
                    + status.label().toLowerCase() + "): отзывать нечего.");
        }
        status = ConfigurationStatus.WITHDRAWN;
    }

    /** The approved round becomes the catalogue's revision, replacing an earlier one. */
    void publish(ModerationRound round, Instant at) {
        require(ConfigurationStatus.IN_MODERATION, "опубликовать");
        this.publishedRound = round;
        this.publishedAt = at;
        this.status = ConfigurationStatus.PUBLISHED;
    }

    /**
     * The catalogue's revision is taken out (by the moderation that published it, which keeps the record). A
     * configuration that waits for a new revision's moderation keeps that status.
     */
    void unpublish() {
        publishingModeration();
        publishedRound = null;
        publishedAt = null;
        if (status == ConfigurationStatus.PUBLISHED) {
            status = ConfigurationStatus.UNPUBLISHED;
        }
    }

    /** The moderation whose approved round the catalogue shows; refused when nothing of it is in the catalogue. */
    Moderation publishingModeration() {
        if (!isPublished()) {
            throw BusinessRuleViolation.conflict("Конфигурация «" + displayName() + "» не опубликована в каталоге: снимать с публикации нечего.");
        }
        return publishedRound.getModeration();
    }

    /** Seed 000: «Сертифицированные партнеры могут создавать свои конфигурации» for the catalogue. */
    private void requireCertifiedCreator() {
        if (!creator.isCertified()) {
            throw BusinessRuleViolation.invalid("Отправлять конфигурации на модерацию для публикации в каталоге «Готовые решения» "
                    + "могут только сертифицированные партнеры, а партнер " + creator.getName() + " не сертифицирован. "
                    + "Обратитесь к сотрудникам фирмы по партнерской программе.");
        }
    }

    private void requireComplete() {
        List<String> missing = content.missingForPublication();
        if (!missing.isEmpty()) {
            throw BusinessRuleViolation.invalid("Конфигурацию «" + displayName() + "» нельзя отправить на модерацию. Не заполнено: "
                    + String.join(", ", missing) + ".");
        }
    }

    private void require(ConfigurationStatus expected, String action) {
        if (status != expected) {
            throw BusinessRuleViolation.conflict("Конфигурацию «" + displayName() + "» нельзя " + action + ": она "
                    + status.label().toLowerCase() + ".");
        }
    }

    public boolean isCreatedBy(Partner partner) {
        return creator.getId().equals(partner.getId());
    }

    public boolean isPublished() {
        return publishedRound != null;
    }

    /** Whether the working content differs from the revision in the catalogue. */
    public boolean hasUnpublishedChanges() {
        return isPublished() && !content.changesSince(publishedRound.getContent()).isEmpty();
    }

    /** The title, or the number while the partner has not given one. */
    public String displayName() {
        return content.getTitle() != null ? content.getTitle() : "№ " + id;
    }

    public Long getId() {
        return id;
    }

    public ConfigurationAccount getAccount() {
        return account;
    }

    public Partner getCreator() {
        return creator;
    }

    public ConfigurationStatus getStatus() {
        return status;
    }

    public ConfigurationContent getContent() {
        return content;
    }

    public ModerationRound getPublishedRound() {
        return publishedRound;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
