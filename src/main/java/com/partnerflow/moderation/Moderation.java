package com.partnerflow.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * One request to publish a configuration: the domain side of a {@code configuration-moderation} instance, whose
 * business key is its id. Round by round the moderator answers what was sent; it ends approved (published),
 * rejected or withdrawn. It moves its configuration's status along with it.
 */
@Entity
@Table(name = "configuration_moderation")
public class Moderation {

    static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "configuration_id")
    private Configuration configuration;

    /** The configuration while this moderation is open; a unique column, so two cannot race in. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "open_configuration_id")
    private Configuration openConfiguration;

    @OneToMany(mappedBy = "moderation", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("number")
    @Fetch(FetchMode.SUBSELECT)
    private List<ModerationRound> rounds = new ArrayList<>();

    @Column(name = "opened_by", nullable = false, length = 64)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** Who took the revision this moderation published out of the catalogue, when and why; {@code null} while it is there. */
    @Column(name = "unpublished_by", length = 64)
    private String unpublishedBy;

    @Column(name = "unpublished_at")
    private Instant unpublishedAt;

    @Column(name = "unpublished_by_moderator")
    private Boolean unpublishedByModerator;

    @Column(name = "unpublish_reason", length = COMMENT_MAX)
    private String unpublishReason;

    @Version
    private long version;

    protected Moderation() {
    }

    /** Sends the configuration's current content to the moderators, if it is complete and not already there. */
    static Moderation open(Configuration configuration, String by, Instant at) {
        configuration.enterModeration();
        Moderation moderation = new Moderation();
        moderation.configuration = configuration;
        moderation.openConfiguration = configuration;
        moderation.openedBy = by;
        moderation.openedAt = at;
        moderation.rounds.add(new ModerationRound(moderation, 1, configuration.getContent(), by, at));
        return moderation;
    }

    /** The moderator's answer to the current round; changes and a rejection need a comment the partner reads. */
    void decide(ReviewDecision decision, String comment, String by, Instant at) {
        if (decision == null) {
            throw BusinessRuleViolation.invalid("Выберите решение: одобрить, вернуть на доработку или отклонить.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text == null && decision == ReviewDecision.REQUEST_CHANGES) {
            throw BusinessRuleViolation.invalid("Напишите партнеру, что нужно доработать в конфигурации.");
        }
        if (text == null && decision == ReviewDecision.REJECT) {
            throw BusinessRuleViolation.invalid("Укажите причину отказа в публикации.");
        }
        if (text != null && text.length() > COMMENT_MAX) {
            throw BusinessRuleViolation.invalid("Комментарий длиннее " + COMMENT_MAX + " символов (" + text.length() + ").");
        }
        ModerationRound round = currentRound();
        if (!isOpen() || round.isDecided()) {
            throw BusinessRuleViolation.conflict("По этому раунду модерации решение уже принято.");
        }
        round.decide(decision, text, by, at);
        switch (decision) {
            case REQUEST_CHANGES -> configuration.changesRequested();
            case REJECT -> {
                configuration.rejected();
                close(at);
            }
            case APPROVE -> {
                // published by the next step of the process, in the same transaction
            }
        }
    }

    /** The approved round goes to the catalogue. */
    void publish(Instant at) {
        if (!isOpen() || currentRound().getDecision() != ReviewDecision.APPROVE) {
            throw BusinessRuleViolation.conflict("Конфигурацию можно опубликовать только после одобрения модератором.");
        }
        configuration.publish(currentRound(), at);
        close(at);
    }

    /**
     * The revision this moderation published leaves the catalogue: taken out by its publisher (a reason is optional)
     * or by a moderator (a reason is required, the partner reads it). The rounds stay as they were; the configuration
     * may be sent again later.
     */
    void unpublish(boolean byModerator, String reason, String by, Instant at) {
        if (isOpen() || configuration.getPublishedRound() != currentRound()) {
            throw BusinessRuleViolation.conflict("Конфигурация «" + configuration.displayName()
                    + "» не опубликована в каталоге по этой модерации: снимать с публикации нечего.");
        }
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text == null && byModerator) {
            throw BusinessRuleViolation.invalid("Укажите причину, по которой конфигурация снимается с публикации: ее прочтет партнер.");
        }
        if (text != null && text.length() > COMMENT_MAX) {
            throw BusinessRuleViolation.invalid("Причина длиннее " + COMMENT_MAX + " символов (" + text.length() + ").");
        }
        configuration.unpublish();
        unpublishedByModerator = byModerator;
        unpublishReason = text;
        unpublishedBy = by;
        unpublishedAt = at;
    }

    /** The partner revised the configuration: its current content is the next round. */
    void resubmit(String by, Instant at) {
        if (!isOpen()) {
            throw BusinessRuleViolation.conflict("Модерация конфигурации уже завершена.");
        }
        configuration.resubmit();
        rounds.add(new ModerationRound(this, rounds.size() + 1, configuration.getContent(), by, at));
    }

    void withdraw(Instant at) {
        if (!isOpen()) {
            throw BusinessRuleViolation.conflict("Модерация конфигурации уже завершена: отзывать нечего.");
        }
        configuration.withdraw();
        close(at);
    }

    private void close(Instant at) {
        openConfiguration = null;
        closedAt = at;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public ModerationRound currentRound() {
        return rounds.get(rounds.size() - 1);
    }

    /** The round before the current one, whose answer the partner revised the configuration for. */
    public Optional<ModerationRound> previousRound() {
        return rounds.size() < 2 ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 2));
    }

    public Long getId() {
        return id;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public List<ModerationRound> getRounds() {
        return List.copyOf(rounds);
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isUnpublished() {
        return unpublishedAt != null;
    }

    public String getUnpublishedBy() {
        return unpublishedBy;
    }

    public Instant getUnpublishedAt() {
        return unpublishedAt;
    }

    public boolean isUnpublishedByModerator() {
        return Boolean.TRUE.equals(unpublishedByModerator);
    }

    public String getUnpublishReason() {
        return unpublishReason;
    }
}
