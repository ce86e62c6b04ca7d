package com.partnerflow.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.util.ReflectionTestUtils;

import com.partnerflow.partner.Partner;

class SubscriberTest {

    static final Instant SINCE = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant FIRST_MOVE = Instant.parse("2025-02-01T10:00:00Z");
    static final Instant SECOND_MOVE = Instant.parse("2025-06-01T10:00:00Z");

    final Partner alfa = partner("ALFA", 1L);
    final Partner beta = partner("BETA", 2L);
    final Partner gamma = partner("GAMMA", 3L);

    @ParameterizedTest
    @ValueSource(strings = {"1", "1001", "123456789012"})
    void acceptsANumberOfOneToTwelveDigits(String number) {
        assertThat(subscriber(number, "ООО «Ромашка»", SubscriberStatus.ACTIVE).getNumber()).isEqualTo(number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a4", "1234567890123", " 1001", "1001 ", "-1", "10.01", "١٢٣"})
    void refusesANumberThatIsNotOneToTwelveDigits(String number) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscriber(number, "ООО «Ромашка»", SubscriberStatus.ACTIVE))
                .withMessageContaining("1-12 digits");
    }

    @Test
    void vendorStaffChangeTheStatusWithAReasonAndEveryChangeIsKept() {
        Subscriber subscriber = subscriber("1001", "ООО «Ромашка»", SubscriberStatus.ACTIVE);

        subscriber.changeStatus(SubscriberStatus.SUSPENDED, "  Неоплата услуг  ", "olga", FIRST_MOVE);
        subscriber.changeStatus(SubscriberStatus.ACTIVE, "Оплата получена", "olga", SECOND_MOVE);

        assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(subscriber.getStatusChanges())
                .extracting(StatusChange::getFrom, StatusChange::getTo, StatusChange::getReason, StatusChange::getChangedAt)
                .containsExactly(tuple(SubscriberStatus.ACTIVE, SubscriberStatus.SUSPENDED, "Неоплата услуг", FIRST_MOVE),
                        tuple(SubscriberStatus.SUSPENDED, SubscriberStatus.ACTIVE, "Оплата получена", SECOND_MOVE));
    }

    @Test
    void aStatusChangeNeedsAReasonAndAnotherStatus() {
        Subscriber subscriber = subscriber("1001", "ООО «Ромашка»", SubscriberStatus.ACTIVE);

        assertThatIllegalArgumentException().isThrownBy(() -> subscriber.changeStatus(SubscriberStatus.SUSPENDED, " ", "olga", FIRST_MOVE));
        assertThatIllegalStateException().isThrownBy(() -> subscriber.changeStatus(SubscriberStatus.ACTIVE, "Так", "olga", FIRST_MOVE));
        assertThat(subscriber.getStatusChanges()).isEmpty();
        assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING_CONFIRMATION", "SUSPENDED", "INACTIVE"})
    void onlyAnActiveSubscriberWorksAndTheOthersSayWhyNot(SubscriberStatus status) {
        assertThat(subscriber("1001", "ООО «Ромашка»", SubscriberStatus.ACTIVE).whyNotWorking()).isEmpty();
        assertThat(subscriber("1001", "ООО «Ромашка»", status).whyNotWorking()).hasValueSatisfying(why ->
                assertThat(why).startsWith("абонент 1001 ").doesNotContain("null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ООО «Ромашка»", "ооо «ромашка»", "ООО «РОМАШКА»", "  ООО   «Ромашка»  ", "ООО\t«Ромашка»",
            "ООО \"Ромашка\"", "ооо \"РОМАШКА\" "})
    void recognizesItsNameWhateverTheCaseSpacingOrQuotes(String nameInLetter) {
        assertThat(subscriber("1001", "ООО «Ромашка»", SubscriberStatus.ACTIVE).isNamed(nameInLetter)).isTrue();
    }

    @Test
    void recognizesAGuillemetNameWhenTheRegisterUsesStraightQuotes() {
        assertThat(subscriber("1001", "ООО \"Ромашка\"", SubscriberStatus.ACTIVE).isNamed("ООО «Ромашка»")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ООО «Ромашка-2»", "ООО Ромашка", "АО «Ромашка»", "ООО «Ромашка» и партнеры", "ОООРомашка"})
    void doesNotRecognizeAnotherName(String nameInLetter) {
        assertThat(subscriber("1001", "ООО «Ромашка»", SubscriberStatus.ACTIVE).isNamed(nameInLetter)).isFalse();
    }

    @Test
    void refusesATransferToThePartnerAlreadyServingIt() {
        Subscriber subscriber = subscriber("1001", "ООО «Ромашка»", SubscriberStatus.ACTIVE);

        assertThatIllegalStateException().isThrownBy(() -> subscriber.transferTo(partner("ALFA", 1L), 7L, FIRST_MOVE))
                .withMessageContaining("already served by ALFA");
        assertThat(subscriber.getPartner()).isSameAs(alfa);
        assertThat(subscriber.getAssignments()).singleElement()
                .satisfies(assignment -> assertThat(assignment.getEndedAt()).isNull());
    }

    @Test
    void refusesToTransferAnInactiveSubscriber() {
        Subscriber subscriber = subscriber("1001", "ООО «Ромашка»", SubscriberStatus.INACTIVE);

        assertThatIllegalStateException().isThrownBy(() -> subscriber.transferTo(beta, 7L, FIRST_MOVE))
                .withMessageContaining("inactive");
        assertThat(subscriber.getPartner()).isSameAs(alfa);
        assertThat(subscriber.getAssignments()).hasSize(1);
    }

    @Test
    void keepsEveryServicingPartnerInItsHistory() {
        Subscriber subscriber = subscriber("1001", "ООО «Ромашка»", SubscriberStatus.SUSPENDED);

        subscriber.transferTo(beta, 7L, FIRST_MOVE);
        subscriber.transferTo(gamma, 8L, SECOND_MOVE);

        assertThat(subscriber.getPartner()).isSameAs(gamma);
        assertThat(subscriber.getAssignments())
                .extracting(SubscriberAssignment::getPartner, SubscriberAssignment::getSince,
                        SubscriberAssignment::getEndedAt, SubscriberAssignment::getTransferId)
                .containsExactly(
                        tuple(alfa, SINCE, FIRST_MOVE, null),
                        tuple(beta, FIRST_MOVE, SECOND_MOVE, 7L),
                        tuple(gamma, SECOND_MOVE, null, 8L));
        assertThatThrownBy(() -> subscriber.getAssignments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private Subscriber subscriber(String number, String name, SubscriberStatus status) {
        return new Subscriber(number, name, "7707083893", status, alfa, SINCE);
    }

    private static Partner partner(String code, long id) {
        Partner partner = new Partner(code, "Партнер " + code, false, BigDecimal.TEN, code.toLowerCase() + "@partners.test");
        ReflectionTestUtils.setField(partner, "id", id);
        return partner;
    }
}
