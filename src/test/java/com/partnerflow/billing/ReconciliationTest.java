package com.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.system.BusinessRuleViolation;

/** Every transition of a reconciliation, and the ones it refuses. */
class ReconciliationTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    Partner alfa;
    Reconciliation reconciliation;
    List<LicenseCharge> charges;

    @BeforeEach
    void aReconciliationOfTwoCharges() {
        alfa = new Partner("ALFA", "Альфа-Софт", true, new BigDecimal("50"), "alfa@partners.example");
        ReflectionTestUtils.setField(alfa, "id", 1L);
        Subscriber subscriber = new Subscriber("1001", "ООО «Ромашка»", "7707083893", SubscriberStatus.ACTIVE, alfa, NOW);
        Pricing pricing = new Pricing(PricingTest.PRICES, PricingTest.PROMOTIONS);
        charges = List.of(
                new LicenseCharge(alfa, subscriber, OCTOBER, pricing.price(BillableItem.REPORTING_MULTI_USER_2_9, OCTOBER,
                        alfa.getSublicenseDiscountPercent()), "test:1", NOW),
                new LicenseCharge(alfa, subscriber, OCTOBER, pricing.price(BillableItem.REPORTING_LICENSE, OCTOBER,
                        alfa.getSublicenseDiscountPercent()), "test:2", NOW));
        reconciliation = new Reconciliation(alfa, OCTOBER, charges, NOW);
    }

    @Test
    void opensAwaitingConfirmationWithTheTotalsOfItsCharges() {
        assertThat(reconciliation.getStatus()).isEqualTo(ReconciliationStatus.AWAITING_CONFIRMATION);
        assertThat(reconciliation.getPeriod()).isEqualTo("2026-10");
        assertThat(reconciliation.getChargeCount()).isEqualTo(2);
        assertThat(reconciliation.getListTotal()).isEqualByComparingTo("7500.00");
        // 3000 × 0.5 + 4500 × 0.5 × 0.5
        assertThat(reconciliation.getTotalAmount()).isEqualByComparingTo("2625.00");
        assertThat(charges).allMatch(LicenseCharge::isReconciled);
        assertThat(reconciliation.invoiceNumber()).isEqualTo("PF-2026-10-ALFA");
    }

    @Test
    void aChargeBelongsToOneReconciliationOnly() {
        assertThatThrownBy(() -> new Reconciliation(alfa, OCTOBER, charges, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Reconciliation(alfa, OCTOBER, List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sentBackAnsweredAndConfirmedThenInvoiced() {
        reconciliation.sendBack("  Проверьте начисление по 1001  ", "fedor", NOW);
        assertThat(reconciliation.getStatus()).isEqualTo(ReconciliationStatus.RETURNED_TO_PARTNER);
        assertThat(reconciliation.getFinanceNote()).isEqualTo("Проверьте начисление по 1001");

        reconciliation.answer("Все верно, клиент подключил 5 пользователей", "anna", NOW);
        assertThat(reconciliation.getStatus()).isEqualTo(ReconciliationStatus.AWAITING_CONFIRMATION);
        assertThat(reconciliation.getAnsweredBy()).isEqualTo("anna");

        reconciliation.confirm("fedor", NOW);
        assertThat(reconciliation.getStatus()).isEqualTo(ReconciliationStatus.CONFIRMED);
        Invoice invoice = Invoice.issue(reconciliation, NOW);
        assertThat(reconciliation.getStatus()).isEqualTo(ReconciliationStatus.INVOICED);
        assertThat(invoice.getNumber()).isEqualTo("PF-2026-10-ALFA");
        assertThat(invoice.getAmount()).isEqualByComparingTo("2625.00");
        assertThat(invoice.getStatus()).isEqualTo(Invoice.Status.ISSUED);
        assertThat(reconciliation.getSendBacks()).isEqualTo(1);
    }

    @Test
    void sendingBackNeedsANote() {
        assertThatThrownBy(() -> reconciliation.sendBack(" ", "fedor", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Укажите");
        assertThatThrownBy(() -> reconciliation.sendBack("x".repeat(2001), "fedor", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("2000");
        assertThat(reconciliation.getStatus()).isEqualTo(ReconciliationStatus.AWAITING_CONFIRMATION);
    }

    @Test
    void refusesEveryTransitionOutOfTurn() {
        Map<String, Runnable> outOfTurn = Map.of(
                "answer unasked", () -> reconciliation.answer("ответ", "anna", NOW),
                "invoice unconfirmed", () -> Invoice.issue(reconciliation, NOW));
        outOfTurn.forEach((name, action) -> assertThatThrownBy(action::run).as(name)
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("недоступно"));

        reconciliation.confirm("fedor", NOW);
        assertThatThrownBy(() -> reconciliation.confirm("fedor", NOW)).as("confirm twice")
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("подтверждена");
        assertThatThrownBy(() -> reconciliation.sendBack("поздно", "fedor", NOW)).isInstanceOf(BusinessRuleViolation.class);

        Invoice.issue(reconciliation, NOW);
        assertThatThrownBy(() -> Invoice.issue(reconciliation, NOW)).as("invoice twice").isInstanceOf(BusinessRuleViolation.class);
        assertThat(reconciliation.getStatus()).isEqualTo(ReconciliationStatus.INVOICED);
    }

    @Test
    void belongsToItsPartnerOnly() {
        Partner beta = new Partner("BETA", "Бета", false, new BigDecimal("30"), "beta@partners.example");
        ReflectionTestUtils.setField(beta, "id", 2L);
        assertThat(reconciliation.belongsTo(alfa)).isTrue();
        assertThat(reconciliation.belongsTo(beta)).isFalse();
    }
}
