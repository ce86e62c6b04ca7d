package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.util.ReflectionTestUtils.setField;

import java.time.Instant;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.BusinessRuleViolation.Kind;

/** {@link Moderation} round by round, and the status it moves its {@link Configuration} through. */
class ModerationTest {

    static final String PARTNER_USER = "user-ALFA";
    static final String MODERATOR = "moderator";
    static final Instant LATER = NOW.plusSeconds(3600);
    static final String NEW_TITLE = "Воронка продаж 2.0";

    final Partner alfa = partner(1, "ALFA");
    final Configuration configuration = configuration(5, account(10, alfa), alfa, completeDraft().content());

    // ---- sending

    @Test
    void sendingPutsTheContentAsSentIntoRoundOne() {
        Moderation moderation = send();

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
        assertThat(moderation.isOpen()).isTrue();
        assertThat(moderation.getConfiguration()).isSameAs(configuration);
        assertThat(moderation.getOpenedBy()).isEqualTo(PARTNER_USER);
        assertThat(moderation.getRounds()).singleElement().satisfies(round -> {
            assertThat(round.getNumber()).isEqualTo(1);
            assertThat(round.getContent().getTitle()).isEqualTo(TITLE);
            assertThat(round.getSubmittedBy()).isEqualTo(PARTNER_USER);
            assertThat(round.getSubmittedAt()).isEqualTo(NOW);
            assertThat(round.isDecided()).isFalse();
        });
        assertThat(moderation.previousRound()).isEmpty();
    }

    @Test
    void anIncompleteConfigurationIsNotSentAndTheMessageListsWhatIsMissing() {
        Configuration incomplete = configuration(6, configuration.getAccount(), alfa,
                emptyDraft().title("Склад").category("OTHER").content());

        BusinessRuleViolation refusal = refused(() -> Moderation.open(incomplete, PARTNER_USER, NOW), Kind.INVALID);

        assertThat(refusal).hasMessage("Конфигурацию «Склад» нельзя отправить на модерацию. Не заполнено: "
                + "хотя бы одна сущность в составе конфигурации, «Краткое описание», «Полное описание», «Отрасль», "
                + "«Скриншоты или ссылки» (хотя бы одна), «Цена» (или отметка «бесплатно»), «Контакт поддержки».");
        assertThat(incomplete.getStatus()).isEqualTo(ConfigurationStatus.DRAFT);
    }

    // ---- only certified partners send (seed 000: «Сертифицированные партнеры могут создавать свои конфигурации…»)

    @Test
    void anUncertifiedPartnersConfigurationIsNotSent() {
        Partner delta = uncertifiedPartner(4, "DELTA");
        Configuration uncertified = configuration(7, account(11, delta), delta, completeDraft().content());

        BusinessRuleViolation refusal = refused(() -> Moderation.open(uncertified, "user-DELTA", NOW), Kind.INVALID);

        assertThat(refusal).hasMessage("Отправлять конфигурации на модерацию для публикации в каталоге «Готовые решения» могут "
                + "только сертифицированные партнеры, а партнер Партнер DELTA не сертифицирован. Обратитесь к сотрудникам фирмы "
                + "по партнерской программе.");
        assertThat(uncertified.getStatus()).isEqualTo(ConfigurationStatus.DRAFT);
    }

    @Test
    void theCreatorsCertificationCountsNotTheAccountManagers() {
        Partner delta = uncertifiedPartner(4, "DELTA");
        ConfigurationAccount certifiedManagers = account(12, alfa, delta);
        Configuration deltas = configuration(8, certifiedManagers, delta, completeDraft().content());
        Partner epsilon = partner(5, "EPSILON");
        Configuration epsilons = configuration(9, account(13, uncertifiedPartner(6, "ZETA"), epsilon), epsilon, completeDraft().content());

        refused(() -> Moderation.open(deltas, "user-DELTA", NOW), Kind.INVALID);
        assertThat(Moderation.open(epsilons, "user-EPSILON", NOW).isOpen()).as("in an uncertified manager's account").isTrue();
    }

    @Test
    void aPartnerWhoseCertificationWasWithdrawnDoesNotSendAgainButMayWithdraw() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.REQUEST_CHANGES, "Добавьте скриншоты", MODERATOR, NOW);
        setField(alfa, "certifiedAt", null);

        refused(() -> moderation.resubmit(PARTNER_USER, LATER), Kind.INVALID);
        assertThat(moderation.getRounds()).hasSize(1);
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.CHANGES_REQUESTED);

        moderation.withdraw(LATER);
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.WITHDRAWN);
        refused(this::send, Kind.INVALID);
    }

    @Test
    void certificationIsCheckedBeforeCompleteness() {
        setField(alfa, "certifiedAt", null);
        Configuration incomplete = configuration(6, configuration.getAccount(), alfa, emptyDraft().title("Склад").content());

        assertThat(refused(() -> Moderation.open(incomplete, PARTNER_USER, NOW), Kind.INVALID))
                .hasMessageContaining("только сертифицированные партнеры").hasMessageNotContaining("Не заполнено");
    }

    @Test
    void aConfigurationInModerationIsNotSentTwice() {
        send();

        assertThat(refused(this::send, Kind.CONFLICT)).hasMessageContaining("уже на модерации");
    }

    @Test
    void aConfigurationSentBackForChangesIsAnsweredThroughItsModerationNotSentAnew() {
        send().decide(ReviewDecision.REQUEST_CHANGES, "Добавьте скриншоты", MODERATOR, NOW);

        assertThat(refused(this::send, Kind.CONFLICT)).hasMessageContaining("возвращена на доработку");
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.CHANGES_REQUESTED);
    }

    @Test
    void aRejectedConfigurationMayBeSentAgainInANewModeration() {
        send().decide(ReviewDecision.REJECT, "Дублирует решение вендора", MODERATOR, NOW);

        Moderation again = send();

        assertThat(again.isOpen()).isTrue();
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
    }

    // ---- the moderator's decision

    @ParameterizedTest
    @EnumSource(value = ReviewDecision.class, names = {"REQUEST_CHANGES", "REJECT"})
    void changesAndARejectionNeedAComment(ReviewDecision decision) {
        Moderation moderation = send();

        refused(() -> moderation.decide(decision, null, MODERATOR, NOW), Kind.INVALID);
        refused(() -> moderation.decide(decision, " \n ", MODERATOR, NOW), Kind.INVALID);

        assertThat(moderation.currentRound().isDecided()).isFalse();
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
    }

    @Test
    void anApprovalNeedsNoComment() {
        Moderation moderation = send();

        moderation.decide(ReviewDecision.APPROVE, "  ", MODERATOR, LATER);

        assertThat(moderation.currentRound().getDecision()).isEqualTo(ReviewDecision.APPROVE);
        assertThat(moderation.currentRound().getComment()).isNull();
        assertThat(moderation.currentRound().getDecidedBy()).isEqualTo(MODERATOR);
        assertThat(moderation.currentRound().getDecidedAt()).isEqualTo(LATER);
    }

    @Test
    void aDecisionMustBeChosen() {
        Moderation moderation = send();

        refused(() -> moderation.decide(null, "Комментарий", MODERATOR, NOW), Kind.INVALID);

        assertThat(moderation.currentRound().isDecided()).isFalse();
    }

    @Test
    void aCommentOfUpToTwoThousandCharactersIsAccepted() {
        Moderation moderation = send();
        assertThat(refused(() -> moderation.decide(ReviewDecision.REQUEST_CHANGES, "к".repeat(2001), MODERATOR, NOW), Kind.INVALID))
                .hasMessage("Комментарий длиннее 2000 символов (2001).");
        assertThat(moderation.currentRound().isDecided()).isFalse();

        moderation.decide(ReviewDecision.REQUEST_CHANGES, "к".repeat(2000), MODERATOR, NOW);

        assertThat(moderation.currentRound().getComment()).hasSize(2000);
    }

    @Test
    void aRoundIsDecidedOnlyOnce() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);

        refused(() -> moderation.decide(ReviewDecision.REJECT, "Передумал", MODERATOR, LATER), Kind.CONFLICT);

        assertThat(moderation.currentRound().getDecision()).isEqualTo(ReviewDecision.APPROVE);
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
    }

    @Test
    void changesRequestedAreNotDecidedAgain() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.REQUEST_CHANGES, "Добавьте скриншоты", MODERATOR, NOW);

        refused(() -> moderation.decide(ReviewDecision.APPROVE, null, MODERATOR, LATER), Kind.CONFLICT);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.CHANGES_REQUESTED);
    }

    @Test
    void aRejectionClosesTheModeration() {
        Moderation moderation = send();

        moderation.decide(ReviewDecision.REJECT, "Дублирует решение вендора", MODERATOR, LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.REJECTED);
        assertThat(moderation.isOpen()).isFalse();
        assertThat(moderation.getClosedAt()).isEqualTo(LATER);
        assertThat(configuration.isPublished()).isFalse();
    }

    // ---- publication

    @Test
    void onlyAnApprovedRoundIsPublished() {
        Moderation undecided = send();
        refused(() -> undecided.publish(NOW), Kind.CONFLICT);

        undecided.decide(ReviewDecision.REQUEST_CHANGES, "Добавьте скриншоты", MODERATOR, NOW);
        refused(() -> undecided.publish(NOW), Kind.CONFLICT);

        assertThat(configuration.isPublished()).isFalse();
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.CHANGES_REQUESTED);
    }

    @Test
    void anApprovedRoundIsPublished() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);

        moderation.publish(LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.PUBLISHED);
        assertThat(configuration.getPublishedRound()).isSameAs(moderation.currentRound());
        assertThat(configuration.getPublishedAt()).isEqualTo(LATER);
        assertThat(configuration.hasUnpublishedChanges()).isFalse();
        assertThat(moderation.isOpen()).isFalse();
        refused(() -> moderation.publish(LATER), Kind.CONFLICT);
    }

    // ---- revision

    @Test
    void aResubmissionIsRoundTwoWithItsOwnSnapshot() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.REQUEST_CHANGES, "Уточните название", MODERATOR, NOW);
        configuration.edit(completeDraft().title(NEW_TITLE).content(), PARTNER_USER, NOW);

        moderation.resubmit(PARTNER_USER, LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
        assertThat(moderation.getRounds()).extracting(ModerationRound::getNumber).containsExactly(1, 2);
        assertThat(moderation.currentRound().getContent().getTitle()).isEqualTo(NEW_TITLE);
        assertThat(moderation.currentRound().getSubmittedAt()).isEqualTo(LATER);
        assertThat(moderation.currentRound().isDecided()).isFalse();
        assertThat(moderation.previousRound()).hasValueSatisfying(first -> {
            assertThat(first.getContent().getTitle()).isEqualTo(TITLE);
            assertThat(first.getComment()).isEqualTo("Уточните название");
        });
    }

    @Test
    void aRoundsSnapshotDoesNotChangeWhenTheConfigurationIsEditedLater() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);
        moderation.publish(NOW);

        configuration.edit(completeDraft().title(NEW_TITLE).links("https://alfa.example.ru/new").entities(entity("REPORT", "Воронка"))
                .content(), PARTNER_USER, LATER);

        ConfigurationContent snapshot = moderation.currentRound().getContent();
        assertThat(snapshot.getTitle()).isEqualTo(TITLE);
        assertThat(snapshot.getLinks()).containsExactly(LINK);
        assertThat(snapshot.getEntities()).extracting(ConfigurationEntity::name).containsExactly("Обработка заявок", "Клиенты");
    }

    @Test
    void onlyAConfigurationSentBackForChangesIsResubmitted() {
        Moderation moderation = send();

        refused(() -> moderation.resubmit(PARTNER_USER, NOW), Kind.CONFLICT);

        assertThat(moderation.getRounds()).hasSize(1);
    }

    @Test
    void aResubmissionMustStillBeComplete() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.REQUEST_CHANGES, "Уточните описание", MODERATOR, NOW);
        configuration.edit(completeDraft().fullDescription(null).content(), PARTNER_USER, NOW);

        assertThat(refused(() -> moderation.resubmit(PARTNER_USER, LATER), Kind.INVALID))
                .hasMessageContaining("Не заполнено: «Полное описание».");

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.CHANGES_REQUESTED);
        assertThat(moderation.getRounds()).hasSize(1);
    }

    @Test
    void aConfigurationIsNotEditedWhileTheModeratorHasIt() {
        send();

        refused(() -> configuration.edit(completeDraft().title(NEW_TITLE).content(), PARTNER_USER, LATER), Kind.CONFLICT);

        assertThat(configuration.getContent().getTitle()).isEqualTo(TITLE);
        assertThat(configuration.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void aConfigurationSentBackForChangesIsEdited() {
        send().decide(ReviewDecision.REQUEST_CHANGES, "Уточните название", MODERATOR, NOW);

        configuration.edit(completeDraft().title(NEW_TITLE).content(), "user-BETA", LATER);

        assertThat(configuration.getContent().getTitle()).isEqualTo(NEW_TITLE);
        assertThat(configuration.getUpdatedBy()).isEqualTo("user-BETA");
        assertThat(configuration.getUpdatedAt()).isEqualTo(LATER);
    }

    // ---- withdrawal

    @Test
    void aConfigurationWaitingForTheModeratorIsWithdrawn() {
        Moderation moderation = send();

        moderation.withdraw(LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.WITHDRAWN);
        assertThat(moderation.isOpen()).isFalse();
        assertThat(moderation.getClosedAt()).isEqualTo(LATER);
        refused(() -> moderation.withdraw(LATER), Kind.CONFLICT);
    }

    @Test
    void aConfigurationWaitingForItsRevisionIsWithdrawn() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.REQUEST_CHANGES, "Добавьте скриншоты", MODERATOR, NOW);

        moderation.withdraw(LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.WITHDRAWN);
        assertThat(moderation.isOpen()).isFalse();
        refused(() -> moderation.resubmit(PARTNER_USER, LATER), Kind.CONFLICT);
    }

    @Test
    void aPublishedConfigurationIsNotWithdrawn() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);
        moderation.publish(NOW);

        refused(() -> moderation.withdraw(LATER), Kind.CONFLICT);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.PUBLISHED);
    }

    @Test
    void aRejectedConfigurationIsNotWithdrawn() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.REJECT, "Дублирует решение вендора", MODERATOR, NOW);

        refused(() -> moderation.withdraw(LATER), Kind.CONFLICT);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.REJECTED);
    }

    // ---- a new revision of a published configuration

    @Test
    void aPublishedConfigurationKeepsItsRevisionInTheCatalogueUntilTheNewOneIsApproved() {
        Moderation first = send();
        first.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);
        first.publish(NOW);
        ModerationRound firstRevision = configuration.getPublishedRound();

        configuration.edit(completeDraft().title(NEW_TITLE).content(), PARTNER_USER, LATER);
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.PUBLISHED);
        assertThat(configuration.hasUnpublishedChanges()).isTrue();

        Moderation second = Moderation.open(configuration, PARTNER_USER, LATER);
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
        assertThat(configuration.getPublishedRound()).isSameAs(firstRevision);
        assertThat(configuration.getPublishedRound().getContent().getTitle()).isEqualTo(TITLE);
        assertThat(configuration.hasUnpublishedChanges()).isTrue();

        second.decide(ReviewDecision.APPROVE, null, MODERATOR, LATER);
        assertThat(configuration.getPublishedRound()).as("not before its publication").isSameAs(firstRevision);
        second.publish(LATER);

        assertThat(configuration.getPublishedRound()).isSameAs(second.currentRound());
        assertThat(configuration.getPublishedRound().getContent().getTitle()).isEqualTo(NEW_TITLE);
        assertThat(configuration.getPublishedAt()).isEqualTo(LATER);
        assertThat(configuration.hasUnpublishedChanges()).isFalse();
    }

    @Test
    void aRejectedNewRevisionLeavesThePublishedOneInTheCatalogue() {
        Moderation first = send();
        first.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);
        first.publish(NOW);
        configuration.edit(completeDraft().title(NEW_TITLE).content(), PARTNER_USER, LATER);

        Moderation.open(configuration, PARTNER_USER, LATER).decide(ReviewDecision.REJECT, "Название вводит в заблуждение",
                MODERATOR, LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.REJECTED);
        assertThat(configuration.isPublished()).isTrue();
        assertThat(configuration.getPublishedRound().getContent().getTitle()).isEqualTo(TITLE);
        assertThat(configuration.hasUnpublishedChanges()).isTrue();
    }

    // ---- unpublishing

    @Test
    void thePublisherTakesItsConfigurationOutOfTheCatalogueAndTheRecordIsKept() {
        Moderation moderation = published();

        moderation.unpublish(false, null, PARTNER_USER, LATER);

        assertThat(configuration.isPublished()).isFalse();
        assertThat(configuration.getPublishedRound()).isNull();
        assertThat(configuration.getPublishedAt()).isNull();
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.UNPUBLISHED);
        assertThat(moderation.isUnpublished()).isTrue();
        assertThat(moderation.getUnpublishedBy()).isEqualTo(PARTNER_USER);
        assertThat(moderation.getUnpublishedAt()).isEqualTo(LATER);
        assertThat(moderation.isUnpublishedByModerator()).isFalse();
        assertThat(moderation.getUnpublishReason()).isNull();
        assertThat(moderation.getRounds()).singleElement().satisfies(round -> {
            assertThat(round.getDecision()).as("the rounds stay as decided").isEqualTo(ReviewDecision.APPROVE);
            assertThat(round.getContent().getTitle()).isEqualTo(TITLE);
        });
    }

    @Test
    void aModeratorUnpublishesWithAReasonOnly() {
        Moderation moderation = published();

        for (String noReason : new String[] {null, "", "   "}) {
            assertThat(refused(() -> moderation.unpublish(true, noReason, MODERATOR, LATER), Kind.INVALID))
                    .hasMessageContaining("Укажите причину");
        }
        refused(() -> moderation.unpublish(true, "П".repeat(2001), MODERATOR, LATER), Kind.INVALID);
        assertThat(configuration.isPublished()).as("refusals change nothing").isTrue();
        assertThat(moderation.isUnpublished()).isFalse();

        moderation.unpublish(true, "  Ссылки на скриншоты не открываются  ", MODERATOR, LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.UNPUBLISHED);
        assertThat(moderation.isUnpublishedByModerator()).isTrue();
        assertThat(moderation.getUnpublishReason()).isEqualTo("Ссылки на скриншоты не открываются");
        assertThat(moderation.getUnpublishedBy()).isEqualTo(MODERATOR);
    }

    @Test
    void onlyWhatIsInTheCatalogueIsUnpublishedAndOnlyOnce() {
        refused(configuration::publishingModeration, Kind.CONFLICT);
        Moderation waiting = send();
        refused(() -> waiting.unpublish(false, null, PARTNER_USER, NOW), Kind.CONFLICT);
        waiting.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);
        waiting.publish(NOW);
        waiting.unpublish(false, null, PARTNER_USER, LATER);

        assertThat(refused(() -> waiting.unpublish(true, "Еще раз", MODERATOR, LATER), Kind.CONFLICT))
                .hasMessageContaining("не опубликована в каталоге");
        assertThat(refused(configuration::publishingModeration, Kind.CONFLICT)).hasMessageContaining("снимать с публикации нечего");
        assertThat(waiting.getUnpublishedBy()).as("the first record stays").isEqualTo(PARTNER_USER);
    }

    @Test
    void anUnpublishedConfigurationIsSentAgainInANewModerationAndPublishedAgain() {
        Moderation first = published();
        first.unpublish(true, "Устарели скриншоты", MODERATOR, NOW);
        configuration.edit(completeDraft().title(NEW_TITLE).content(), PARTNER_USER, LATER);

        Moderation second = Moderation.open(configuration, PARTNER_USER, LATER);
        second.decide(ReviewDecision.APPROVE, null, MODERATOR, LATER);
        second.publish(LATER);

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.PUBLISHED);
        assertThat(configuration.getPublishedRound().getContent().getTitle()).isEqualTo(NEW_TITLE);
        assertThat(configuration.publishingModeration()).isSameAs(second);
        assertThat(first.getUnpublishReason()).as("the earlier record is kept").isEqualTo("Устарели скриншоты");
        assertThat(second.isUnpublished()).isFalse();
    }

    @Test
    void unpublishingWhileANewRevisionIsModeratedKeepsThatModerationGoing() {
        Moderation first = published();
        configuration.edit(completeDraft().title(NEW_TITLE).content(), PARTNER_USER, LATER);
        Moderation second = Moderation.open(configuration, PARTNER_USER, LATER);

        configuration.publishingModeration().unpublish(false, null, PARTNER_USER, LATER);

        assertThat(first.isUnpublished()).isTrue();
        assertThat(configuration.isPublished()).isFalse();
        assertThat(configuration.getStatus()).as("still with the moderator").isEqualTo(ConfigurationStatus.IN_MODERATION);
        refused(() -> second.unpublish(false, null, PARTNER_USER, LATER), Kind.CONFLICT);
        second.decide(ReviewDecision.APPROVE, null, MODERATOR, LATER);
        second.publish(LATER);
        assertThat(configuration.getPublishedRound().getContent().getTitle()).isEqualTo(NEW_TITLE);
    }

    private Moderation published() {
        Moderation moderation = send();
        moderation.decide(ReviewDecision.APPROVE, null, MODERATOR, NOW);
        moderation.publish(NOW);
        return moderation;
    }

    private Moderation send() {
        return Moderation.open(configuration, PARTNER_USER, NOW);
    }

    private static BusinessRuleViolation refused(ThrowingCallable action, Kind kind) {
        BusinessRuleViolation violation = catchThrowableOfType(BusinessRuleViolation.class, action);
        assertThat(violation).as("refused").isNotNull();
        assertThat(violation.kind()).isEqualTo(kind);
        return violation;
    }
}
