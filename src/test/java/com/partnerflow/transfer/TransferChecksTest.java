package com.partnerflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.partnerflow.document.DocumentService;
import com.partnerflow.partner.ApplicationRestrictions;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/** The checks of the partner a letter asks for, without Spring: the partners' register is a mock. */
class TransferChecksTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T09:00:00Z"), ZoneId.of("Europe/Moscow"));

    final Partner own = new Partner("BETA", "Бета Консалт", false, BigDecimal.TEN, "beta@partners.test");
    final Partner other = new Partner("ALFA", "Альфа Сервис", false, BigDecimal.TEN, "alfa@partners.test");
    final PartnerService partners = mock(PartnerService.class);
    final TransferChecks checks = new TransferChecks(mock(SubscriberService.class), partners, mock(ApplicationRestrictions.class),
            mock(DocumentService.class),
            new TransferSettings(Period.ofDays(30), Duration.ofDays(5), "10 working days"), CLOCK);
    final Problems problems = new Problems();

    {
        when(partners.findByCode("BETA")).thenReturn(Optional.of(own));
        when(partners.findByCode("ALFA")).thenReturn(Optional.of(other));
        when(partners.findByCode("NOSUCH")).thenReturn(Optional.empty());
    }

    @Test
    void acceptsTheSubmittersOwnCode() {
        assertThat(checks.requestedPartner(letter(" ООО «Бета Консалт» ", "BETA"), own, problems))
                .isEqualTo(new RequestedPartner("ООО «Бета Консалт»", "BETA"));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void readsTheOwnCodeAsPartnersWriteIt() {
        assertThat(checks.requestedPartner(letter("Бета Консалт", "  beta "), own, problems))
                .isEqualTo(new RequestedPartner("Бета Консалт", "BETA"));
        assertThat(problems.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void acceptsALetterWithoutACode(String code) {
        assertThat(checks.requestedPartner(letter("Бета Консалт", code), own, problems))
                .isEqualTo(new RequestedPartner("Бета Консалт", null));
        assertThat(problems.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesALetterWithoutThePartnersName(String name) {
        assertThat(checks.requestedPartner(letter(name, "BETA"), own, problems)).isNull();
        assertRefused("не заполнено поле «название партнера в письме»");
    }

    @Test
    void refusesANameLongerThanTheColumn() {
        assertThat(checks.requestedPartner(letter("б".repeat(256), null), own, problems)).isNull();
        assertRefused("поле «название партнера в письме» длиннее 255 символов (256)");
    }

    @Test
    void refusesALetterThatAsksForAnotherPartner() {
        assertThat(checks.requestedPartner(letter("Альфа Сервис", "alfa"), own, problems)).isNull();
        assertRefused("письмо просит перевести абонента к партнеру с кодом ALFA, а не к вашей организации (код BETA): "
                + "по письму, адресованному другому партнеру, подать запрос нельзя");
    }

    @Test
    void refusesACodeNoPartnerHas() {
        assertThat(checks.requestedPartner(letter("Бета Консалт", "NOSUCH"), own, problems)).isNull();
        assertRefused("партнер с кодом «NOSUCH» не найден: укажите код так, как он написан в письме, или оставьте поле "
                + "пустым, если кода в письме нет");
    }

    @Test
    void refusesACodeLongerThanAnyPartnersWithoutLookingItUp() {
        assertThat(checks.requestedPartner(letter("Бета Консалт", "B".repeat(33)), own, problems)).isNull();
        assertRefused("поле «код партнера в письме» длиннее 32 символов (33)");
    }

    /** The partner's problems come in the same answer as those of the other fields. */
    @Test
    void namesEveryProblemAtOnce() {
        SubmitTransfer command = new SubmitTransfer("12a4", "ООО «Ромашка»", " ", "ALFA", "", "2025-03-11", null);

        checks.fields(command, false, problems);
        checks.requestedPartner(command, own, problems);

        assertThatThrownBy(() -> problems.refuseIfAny("Запрос не принят")).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("номер абонента должен состоять только из цифр")
                .hasMessageContaining("не заполнено поле «название партнера в письме»")
                .hasMessageContaining("письмо просит перевести абонента к партнеру с кодом ALFA")
                .hasMessageContaining("не заполнено поле «причина перехода»")
                .hasMessageContaining("дата письма не может быть в будущем");
    }

    private void assertRefused(String problem) {
        assertThatThrownBy(() -> problems.refuseIfAny("Запрос не принят")).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Запрос не принят: " + problem + ".");
    }

    private static SubmitTransfer letter(String partnerName, String partnerCode) {
        return new SubmitTransfer("1001", "ООО «Ромашка»", partnerName, partnerCode, "Переходим к партнеру, который ведет бухгалтерию",
                "2025-03-07", null);
    }
}
