package com.partnerflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.util.ReflectionTestUtils;

import com.partnerflow.document.StoredDocument;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberAssignment;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.transfer.TransferEvent.Step;

/** The life cycle of a transfer request without Spring or the engine: every transition and every guard. */
class TransferRequestTest {

    static final Instant SUBMITTED = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant LATER = Instant.parse("2025-03-04T10:00:00Z");
    static final Instant LATEST = Instant.parse("2025-03-05T11:00:00Z");

    final Partner current = partner("ALFA", 1L);
    final Partner next = partner("BETA", 2L);
    final Subscriber subscriber = subscriber(current);
    final StoredDocument scan = mock(StoredDocument.class);
    final TransferRequest transfer = submitted();

    @Test
    void submittingOpensTheRequestInLetterReviewWithASubmittedEvent() {
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.LETTER_REVIEW);
        assertThat(transfer.getHistory()).containsExactly(new TransferEvent(Step.SUBMITTED, null, "boris", SUBMITTED));
        assertThat(transfer.getFromPartner()).isSameAs(current);
        assertThat(transfer.getToPartner()).isSameAs(next);
        assertThat(transfer.getSubscriberNameInLetter()).isEqualTo("ООО «Ромашка»");
        assertThat(transfer.getRequestedPartner()).contains(new RequestedPartner("ООО «Бета»", "BETA"));
        assertThat(transfer.getLetterDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(transfer.getLetter()).isSameAs(scan);
        assertThat(transfer.getSubmittedBy()).isEqualTo("boris");
        assertThat(transfer.getCreatedAt()).isEqualTo(SUBMITTED);
        assertThat(openSlot()).isEqualTo(10L);
    }

    @Test
    void forwardingTheLetterAsksTheCurrentPartner() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.AWAITING_CURRENT_PARTNER);
        assertThat(transfer.getHistory()).last().isEqualTo(new TransferEvent(Step.LETTER_FORWARDED, null, "vera", LATER));
        assertThat(transfer.getUpdatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesToReturnTheLetterWithoutSayingWhatToCorrect(String comment) {
        assertThatThrownBy(() -> transfer.reviewLetter(LetterDecision.RETURN, comment, "vera", LATER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID))
                .hasMessage("Укажите, что нужно исправить.");
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.LETTER_REVIEW);
        assertThat(transfer.getHistory()).hasSize(1);
    }

    @Test
    void aReturnedRequestGoesBackToLetterReviewOnceCorrected() {
        transfer.reviewLetter(LetterDecision.RETURN, "  Нет подписи директора ", "vera", LATER);
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.RETURNED_FOR_CORRECTION);
        assertThat(transfer.getHistory()).last().extracting(TransferEvent::comment).isEqualTo("Нет подписи директора");

        StoredDocument signed = mock(StoredDocument.class);
        transfer.correct(new TransferLetter("ООО \"Ромашка\"", new RequestedPartner("Бета", null), "Подписанное письмо",
                LocalDate.of(2025, 3, 4), signed), "boris", LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.LETTER_REVIEW);
        assertThat(transfer.getHistory()).last().isEqualTo(new TransferEvent(Step.CORRECTED, null, "boris", LATEST));
        assertThat(transfer.getLetter()).isSameAs(signed);
        assertThat(transfer.getReason()).isEqualTo("Подписанное письмо");
        assertThat(transfer.getLetterDate()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(transfer.getRequestedPartner()).contains(new RequestedPartner("Бета", null));
    }

    @Test
    void aRejectedLetterClosesTheRequestWithTheReviewersReason() {
        assertThatThrownBy(() -> transfer.reviewLetter(LetterDecision.REJECT, " ", "vera", LATER))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("Укажите причину отклонения.");

        transfer.reviewLetter(LetterDecision.REJECT, "Письмо подписано не руководителем", "vera", LATER);
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.LETTER_REVIEW);
        transfer.reject(LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.REJECTED);
        assertThat(transfer.rejectionReason()).isEqualTo("Письмо подписано не руководителем");
        assertThat(transfer.getHistory()).extracting(TransferEvent::step)
                .containsExactly(Step.SUBMITTED, Step.LETTER_REJECTED, Step.CLOSED_REJECTED);
        assertThat(transfer.getHistory()).last().extracting(TransferEvent::comment)
                .isEqualTo("Письмо подписано не руководителем");
        assertThat(openSlot()).as("a closed request frees the subscriber for a new one").isNull();
        assertThat(subscriber.getPartner()).isSameAs(current);
    }

    @Test
    void theCurrentPartnersAgreementLetsTheApprovalReassignTheSubscriber() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        transfer.answerAsCurrentPartner(PartnerAnswer.AGREE, null, "anna", LATER);
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.AWAITING_CURRENT_PARTNER);

        transfer.approve(LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.APPROVED);
        assertThat(transfer.getHistory()).last().extracting(TransferEvent::step).isEqualTo(Step.SUBSCRIBER_TRANSFERRED);
        assertThat(openSlot()).isNull();
        assertThat(transfer.rejectionReason()).isNull();
        assertThat(subscriber.getPartner()).isSameAs(next);
        assertThat(subscriber.getAssignments())
                .extracting(SubscriberAssignment::getPartner, SubscriberAssignment::getEndedAt, SubscriberAssignment::getTransferId)
                .containsExactly(tuple(current, LATEST, null), tuple(next, null, 7L));
    }

    @Test
    void anObjectionNeedsAReasonAndPassesTheDecisionToTheVendor() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        assertThatThrownBy(() -> transfer.answerAsCurrentPartner(PartnerAnswer.OBJECT, null, "anna", LATER))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("Укажите причину возражения.");
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.AWAITING_CURRENT_PARTNER);

        transfer.answerAsCurrentPartner(PartnerAnswer.OBJECT, "Есть задолженность", "anna", LATER);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.VENDOR_DECISION);
        assertThat(transfer.getHistory()).last()
                .isEqualTo(new TransferEvent(Step.PARTNER_OBJECTED, "Есть задолженность", "anna", LATER));
    }

    @Test
    void theCurrentPartnersSilencePassesTheDecisionToTheVendor() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        transfer.noAnswerFromCurrentPartner(LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.VENDOR_DECISION);
        assertThat(transfer.getHistory()).last().isEqualTo(new TransferEvent(Step.PARTNER_SILENT, null, "system", LATEST));
    }

    @Test
    void theVendorsApprovalLetsTheApprovalReassignTheSubscriber() {
        atVendorDecision();
        transfer.decideAsVendor(VendorDecision.APPROVE, null, "vera", LATEST);
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.VENDOR_DECISION);

        transfer.approve(LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.APPROVED);
        assertThat(subscriber.getPartner()).isSameAs(next);
        assertThat(openSlot()).isNull();
    }

    /** Found by an outside tester: the approval of a subscriber closed meanwhile failed with an English 500. */
    @Test
    void aSubscriberClosedWhileTheRequestWasOpenCanOnlyBeRefused() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        subscriber.changeStatus(SubscriberStatus.INACTIVE, "Организация ликвидирована", "vera", LATER);

        assertThatThrownBy(() -> transfer.answerAsCurrentPartner(PartnerAnswer.AGREE, null, "anna", LATER))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("неактивен").hasMessageContaining("возразите");
        transfer.answerAsCurrentPartner(PartnerAnswer.OBJECT, "Клиент ликвидирован", "anna", LATER);
        assertThatThrownBy(() -> transfer.decideAsVendor(VendorDecision.APPROVE, null, "vera", LATEST))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("можно только отклонить");
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.VENDOR_DECISION);

        transfer.decideAsVendor(VendorDecision.REJECT, "Клиент ликвидирован", "vera", LATEST);
        assertThat(subscriber.getPartner()).isSameAs(current);
    }

    @Test
    void theVendorsRejectionNeedsAReasonAndClosesTheRequest() {
        atVendorDecision();
        assertThatThrownBy(() -> transfer.decideAsVendor(VendorDecision.REJECT, "", "vera", LATEST))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("Укажите причину отклонения.");

        transfer.decideAsVendor(VendorDecision.REJECT, "Возражение обосновано", "vera", LATEST);
        transfer.reject(LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.REJECTED);
        assertThat(transfer.rejectionReason()).isEqualTo("Возражение обосновано");
        assertThat(openSlot()).isNull();
        assertThat(subscriber.getPartner()).isSameAs(current);
        assertThat(subscriber.getAssignments()).hasSize(1);
    }

    @Test
    void theSubmitterWithdrawsAtAnyStepBeforeADecisionAndFreesTheSubscriber() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);

        transfer.withdraw("boris", LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.WITHDRAWN);
        assertThat(transfer.getHistory()).last().isEqualTo(new TransferEvent(Step.WITHDRAWN, null, "boris", LATEST));
        assertThat(transfer.reachedTheCurrentPartner()).isTrue();
        assertThat(transfer.isOpen()).isFalse();
        assertThat(openSlot()).isNull();
        assertThatThrownBy(() -> transfer.withdraw("boris", LATEST)).as("once").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDecidedRequestIsNotWithdrawn() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        transfer.answerAsCurrentPartner(PartnerAnswer.AGREE, null, "anna", LATER);

        assertThatThrownBy(() -> transfer.withdraw("boris", LATEST)).isInstanceOf(IllegalStateException.class);
        assertThat(transfer.isOpen()).isTrue();
    }

    @Test
    void aRequestNotCorrectedInTimeIsClosed() {
        assertThatThrownBy(() -> transfer.closeUncorrected(LATER)).as("only while it waits for the correction")
                .isInstanceOf(IllegalStateException.class);
        transfer.reviewLetter(LetterDecision.RETURN, "Нет подписи", "vera", LATER);

        transfer.closeUncorrected(LATEST);

        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.EXPIRED);
        assertThat(transfer.getHistory()).last().isEqualTo(new TransferEvent(Step.CORRECTION_OVERDUE, null, "system", LATEST));
        assertThat(transfer.reachedTheCurrentPartner()).isFalse();
        assertThat(openSlot()).isNull();
    }

    @Test
    void refusesTransitionsTheCurrentStatusDoesNotAllow() {
        assertThatThrownBy(() -> transfer.approve(LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LETTER_REVIEW");
        assertThatThrownBy(() -> transfer.answerAsCurrentPartner(PartnerAnswer.AGREE, null, "anna", LATER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.decideAsVendor(VendorDecision.APPROVE, null, "vera", LATER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.reject(LATER))
                .as("nobody rejected the letter yet").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected one of [LETTER_REJECTED, VENDOR_REJECTED]");

        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        assertThatThrownBy(() -> transfer.correct(letter(), "boris", LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.approve(LATER))
                .as("the current partner has not agreed").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected one of [PARTNER_AGREED, VENDOR_APPROVED]");
        assertThat(transfer.getHistory()).hasSize(2);
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.AWAITING_CURRENT_PARTNER);
    }

    @Test
    void refusesEveryStepOnceTheSubscriberIsTransferred() {
        atVendorDecision();
        assertThatThrownBy(() -> transfer.approve(LATEST)).as("objection, no vendor approval")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected one of [PARTNER_AGREED, VENDOR_APPROVED]");
        transfer.decideAsVendor(VendorDecision.APPROVE, null, "vera", LATEST);
        transfer.approve(LATEST);

        assertThatThrownBy(() -> transfer.approve(LATEST)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.reject(LATEST)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.reviewLetter(LetterDecision.REJECT, "поздно", "vera", LATEST))
                .isInstanceOf(IllegalStateException.class);
        assertThat(subscriber.getAssignments()).hasSize(2);
    }

    @Test
    void involvesOnlyTheCurrentAndTheNewPartner() {
        assertThat(transfer.involves(partner("ALFA", 1L))).isTrue();
        assertThat(transfer.involves(next)).isTrue();
        assertThat(transfer.involves(partner("GAMMA", 3L))).isFalse();
    }

    private void atVendorDecision() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        transfer.answerAsCurrentPartner(PartnerAnswer.OBJECT, "Есть задолженность", "anna", LATER);
    }

    private TransferRequest submitted() {
        TransferRequest request = new TransferRequest(subscriber, next, letter(), "boris", SUBMITTED);
        ReflectionTestUtils.setField(request, "id", 7L);
        return request;
    }

    private TransferLetter letter() {
        return new TransferLetter("ООО «Ромашка»", new RequestedPartner("ООО «Бета»", "BETA"), "Переходим к партнеру, который ведет бухгалтерию",
                LocalDate.of(2025, 3, 1), scan);
    }

    private Object openSlot() {
        return ReflectionTestUtils.getField(transfer, "openSubscriberId");
    }

    private static Partner partner(String code, long id) {
        Partner partner = new Partner(code, "Партнер " + code, false, BigDecimal.TEN, code.toLowerCase() + "@partners.test");
        ReflectionTestUtils.setField(partner, "id", id);
        return partner;
    }

    private static Subscriber subscriber(Partner servedBy) {
        Subscriber subscriber = new Subscriber("1001", "ООО «Ромашка»", "7707083893", SubscriberStatus.ACTIVE, servedBy,
                Instant.parse("2024-01-01T00:00:00Z"));
        ReflectionTestUtils.setField(subscriber, "id", 10L);
        return subscriber;
    }

    @Test
    void answersEachQuestionOnlyOnce() {
        transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER);
        transfer.answerAsCurrentPartner(PartnerAnswer.AGREE, null, "anna", LATER);

        assertThatThrownBy(() -> transfer.answerAsCurrentPartner(PartnerAnswer.OBJECT, "передумали", "anna", LATER))
                .as("a second answer").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.noAnswerFromCurrentPartner(LATER))
                .as("silence after an answer").isInstanceOf(IllegalStateException.class);
        assertThat(transfer.getHistory()).extracting(TransferEvent::step)
                .containsExactly(TransferEvent.Step.SUBMITTED, TransferEvent.Step.LETTER_FORWARDED, TransferEvent.Step.PARTNER_AGREED);
    }

    @Test
    void rejectedLetterCannotBeForwardedAfterwards() {
        transfer.reviewLetter(LetterDecision.REJECT, "нет печати", "vera", LATER);

        assertThatThrownBy(() -> transfer.reviewLetter(LetterDecision.FORWARD, null, "vera", LATER))
                .isInstanceOf(IllegalStateException.class);
        transfer.reject(LATER);
        assertThat(transfer.getStatus()).isEqualTo(TransferStatus.REJECTED);
    }
}
