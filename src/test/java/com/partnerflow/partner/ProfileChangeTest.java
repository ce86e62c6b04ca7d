package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.util.ReflectionTestUtils.setField;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.partnerflow.system.BusinessRuleViolation;

/** A request to change a partner's details guards its own transitions and keeps both sides of each change. */
class ProfileChangeTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final Partner alfa = partner();

    @Test
    void itKeepsTheValuesAskedForAndTheValuesWhenAsked() {
        ProfileChange change = ProfileChange.request(alfa, new PartnerDetails(null, "new@alfa.example", "+7 495 000-00-00", null),
                "Новый офис", "anna", NOW);
        alfa.changeDetails(new PartnerDetails("Альфа-Софт", "alfa@partners.example", "+7 495 999-99-99", "https://alfa.example"));

        assertThat(change.changes()).extracting(ProfileChange.Change::field).containsExactly("email", "phone");
        assertThat(change.changesText()).isEqualTo("Электронная почта: alfa@partners.example → new@alfa.example\n"
                + "Телефон: не указан → +7 495 000-00-00");
        assertThat(change.over(alfa.details())).as("only the fields asked for, over the details as they are then")
                .isEqualTo(new PartnerDetails("Альфа-Софт", "new@alfa.example", "+7 495 000-00-00", "https://alfa.example"));
        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.REQUESTED);
        assertThat(openKey(change)).isEqualTo(alfa.getId());
    }

    @Test
    void aRequestThatChangesNothingIsNoRequest() {
        assertThatThrownBy(() -> ProfileChange.request(alfa, new PartnerDetails(alfa.getName(), null, null, null), "x", "anna", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approvedThenAppliedOnceAndTheOpenKeyFreed() {
        ProfileChange change = requested();
        assertThatThrownBy(() -> change.applied(NOW)).as("not before the approval").isInstanceOf(IllegalStateException.class);

        change.approve("vera", null, NOW);
        assertThat(openKey(change)).as("open until applied").isEqualTo(alfa.getId());
        change.applied(NOW.plusSeconds(5));

        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.APPLIED);
        assertThat(change.getAppliedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(change.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(openKey(change)).isNull();
        assertThatThrownBy(() -> change.reject("vera", "поздно", NOW)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("уже рассмотрен");
    }

    @Test
    void aRefusalNeedsItsReasonAndClosesTheRequest() {
        ProfileChange change = requested();

        assertThatThrownBy(() -> change.reject("vera", " ", NOW)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Укажите причину отказа");
        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.REQUESTED);

        change.reject("vera", "Пришлите письмо на бланке", NOW);
        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.REJECTED);
        assertThat(change.getDecisionComment()).isEqualTo("Пришлите письмо на бланке");
        assertThat(openKey(change)).isNull();
        assertThatThrownBy(() -> change.approve("vera", null, NOW)).isInstanceOf(BusinessRuleViolation.class);
    }

    private ProfileChange requested() {
        return ProfileChange.request(alfa, new PartnerDetails(null, null, "+7 495 111-11-11", null), "Новый номер", "anna", NOW);
    }

    private static Object openKey(ProfileChange change) {
        return org.springframework.test.util.ReflectionTestUtils.getField(change, "openPartnerId");
    }

    private static Partner partner() {
        Partner partner = new Partner("ALFA", "Альфа-Софт", true, BigDecimal.TEN, "alfa@partners.example");
        setField(partner, "id", 1L);
        return partner;
    }
}
