package com.partnerflow.developer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.util.ReflectionTestUtils.setField;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.BusinessRuleViolation;

/** The authorization guards its own transitions: decided once, withdrawn only while active, reasons where the partner reads them. */
class DeveloperAuthorizationTest {

    static final Instant REQUESTED = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant DECIDED = REQUESTED.plusSeconds(3600);

    final DeveloperAuthorization authorization = DeveloperAuthorization.request(partner(), "dmitry", Set.of(Application.PAYROLL,
            Application.ACCOUNTING), "Доработки для клиентов", "anna", REQUESTED);

    @Test
    void aRequestIsOpenAndAuthorizesNobodyYet() {
        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.REQUESTED);
        assertThat(authorization.getRequestedAt()).isEqualTo(REQUESTED);
        assertThat(authorization.getApplications()).containsExactly(Application.ACCOUNTING, Application.PAYROLL);
        assertThat(authorization.isActiveAt(DECIDED)).isFalse();
    }

    @Test
    void anApprovalAuthorizesFromTheDecisionOn() {
        authorization.approve("vera", null, DECIDED);

        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.ACTIVE);
        assertThat(authorization.getDecidedBy()).isEqualTo("vera");
        assertThat(authorization.getDecidedAt()).isEqualTo(DECIDED);
        assertThat(authorization.getValidFrom()).isEqualTo(DECIDED);
        assertThat(authorization.isActiveAt(DECIDED)).isTrue();
        assertThat(authorization.isActiveAt(REQUESTED)).as("not before it is valid").isFalse();
    }

    @Test
    void aRejectionNeedsAReasonAndFreesTheEmployeeForANewRequest() {
        assertThatThrownBy(() -> authorization.reject("vera", " ", DECIDED)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Укажите причину отказа");
        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.REQUESTED);

        authorization.reject("vera", "Нет сертификата", DECIDED);

        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.REJECTED);
        assertThat(authorization.getDecisionComment()).isEqualTo("Нет сертификата");
        assertThat(authorization).extracting("openDeveloper").isNull();
    }

    @Test
    void aRequestIsDecidedOnlyOnce() {
        authorization.approve("vera", null, DECIDED);

        assertThatThrownBy(() -> authorization.reject("boss", "Передумали", DECIDED)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("уже рассмотрен").extracting(e -> ((BusinessRuleViolation) e).kind())
                .isEqualTo(BusinessRuleViolation.Kind.CONFLICT);
        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.ACTIVE);
    }

    @Test
    void onlyAnActiveAuthorizationIsWithdrawnAndOnlyWithAReason() {
        assertThatThrownBy(() -> authorization.withdraw("vera", "Уволился", DECIDED)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("отзывать нечего");
        authorization.approve("vera", null, DECIDED);
        assertThatThrownBy(() -> authorization.withdraw("vera", "", DECIDED)).hasMessageContaining("Укажите причину отзыва");

        authorization.withdraw("vera", "Уволился", DECIDED.plusSeconds(60));

        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.WITHDRAWN);
        assertThat(authorization.getWithdrawnAt()).isEqualTo(DECIDED.plusSeconds(60));
        assertThat(authorization.getWithdrawalReason()).isEqualTo("Уволился");
        assertThat(authorization.isActiveAt(DECIDED.plusSeconds(120))).isFalse();
        assertThatThrownBy(() -> authorization.withdraw("vera", "Еще раз", DECIDED)).hasMessageContaining("отзывать нечего");
    }

    @Test
    void applicationsAreStoredAsOneColumnInTheEnumsOrder() {
        ApplicationsConverter converter = new ApplicationsConverter();

        assertThat(converter.convertToDatabaseColumn(EnumSet.of(Application.ERP, Application.ACCOUNTING))).isEqualTo("ACCOUNTING,ERP");
        assertThat(converter.convertToEntityAttribute("ACCOUNTING, ERP")).containsExactly(Application.ACCOUNTING, Application.ERP);
    }

    private static Partner partner() {
        Partner partner = new Partner("ALFA", "Альфа-Софт", true, BigDecimal.TEN, "alfa@partners.example");
        setField(partner, "id", 1L);
        return partner;
    }
}
