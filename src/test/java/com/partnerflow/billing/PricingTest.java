package com.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Prices and the rule of seed 001: promotions never apply to the multi-user extension. */
class PricingTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Map<BillableItem, BigDecimal> PRICES = Map.of(
            BillableItem.REPORTING_MULTI_USER_2_9, new BigDecimal("3000.00"),
            BillableItem.REPORTING_MULTI_USER_10_PLUS, new BigDecimal("6000.00"),
            BillableItem.REPORTING_LICENSE, new BigDecimal("4500.00"));
    static final List<Promotion> PROMOTIONS = List.of(
            Promotion.always("Добро пожаловать!", new BigDecimal("30")),
            Promotion.always("Welcome!", new BigDecimal("20")),
            Promotion.always("СуперХод", new BigDecimal("50")));

    final Pricing pricing = new Pricing(PRICES, PROMOTIONS);

    @ParameterizedTest
    @EnumSource(value = BillableItem.class, names = {"REPORTING_MULTI_USER_2_9", "REPORTING_MULTI_USER_10_PLUS"})
    void promotionsNeverApplyToTheMultiUserExtension(BillableItem multiUser) {
        assertThat(multiUser.promotionsApply()).isFalse();
        Pricing.Price price = pricing.price(multiUser, OCTOBER, new BigDecimal("30"));

        assertThat(price.promotion()).isNull();
        assertThat(price.amount()).isEqualByComparingTo(PRICES.get(multiUser).multiply(new BigDecimal("0.70")));
    }

    @Test
    void theBestActivePromotionAppliesToTheReportingLicenseBeforeThePartnerDiscount() {
        assertThat(BillableItem.REPORTING_LICENSE.promotionsApply()).isTrue();
        Pricing.Price price = pricing.price(BillableItem.REPORTING_LICENSE, OCTOBER, new BigDecimal("30"));

        assertThat(price.promotion().name()).isEqualTo("СуперХод");
        // 4500 − 50 % = 2250, − 30 % = 1575
        assertThat(price.amount()).isEqualByComparingTo("1575.00");
        assertThat(price.listPrice()).isEqualByComparingTo("4500.00");
    }

    @Test
    void onlyPromotionsActiveInTheMonthCount() {
        Pricing limited = new Pricing(PRICES, List.of(
                new Promotion("СуперХод", new BigDecimal("50"), YearMonth.of(2026, 1), YearMonth.of(2026, 3)),
                new Promotion("Welcome!", new BigDecimal("20"), YearMonth.of(2026, 9), null)));

        assertThat(limited.bestPromotion(BillableItem.REPORTING_LICENSE, OCTOBER)).get()
                .extracting(Promotion::name).isEqualTo("Welcome!");
        assertThat(limited.bestPromotion(BillableItem.REPORTING_LICENSE, YearMonth.of(2026, 2))).get()
                .extracting(Promotion::name).isEqualTo("СуперХод");
        assertThat(limited.bestPromotion(BillableItem.REPORTING_LICENSE, YearMonth.of(2026, 6))).isEmpty();
    }

    @Test
    void withoutPromotionsOnlyThePartnerDiscountApplies() {
        Pricing none = new Pricing(PRICES, List.of());
        assertThat(none.price(BillableItem.REPORTING_LICENSE, OCTOBER, new BigDecimal("25")).amount())
                .isEqualByComparingTo("3375.00");
    }

    @Test
    void amountsHaveTwoDecimalsRoundedHalfUp() {
        Map<BillableItem, BigDecimal> odd = new EnumMap<>(PRICES);
        odd.put(BillableItem.REPORTING_MULTI_USER_2_9, new BigDecimal("99.99"));
        Pricing.Price price = new Pricing(odd, PROMOTIONS).price(BillableItem.REPORTING_MULTI_USER_2_9, OCTOBER,
                new BigDecimal("33.33"));
        // 99.99 × 0.6667 = 66.663333 → 66.66
        assertThat(price.amount()).isEqualTo(new BigDecimal("66.66"));
        Pricing.Price half = new Pricing(Map.of(BillableItem.REPORTING_LICENSE, new BigDecimal("0.10")), List.of())
                .price(BillableItem.REPORTING_LICENSE, OCTOBER, new BigDecimal("50"));
        // 0.05 stays, 0.005 would round up
        assertThat(half.amount()).isEqualTo(new BigDecimal("0.05"));
        Pricing.Price up = new Pricing(Map.of(BillableItem.REPORTING_LICENSE, new BigDecimal("0.01")), List.of())
                .price(BillableItem.REPORTING_LICENSE, OCTOBER, new BigDecimal("50"));
        assertThat(up.amount()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void theConfigurationMustPriceEveryItemAboveZero() {
        Map<BillableItem, BigDecimal> missing = new EnumMap<>(PRICES);
        missing.remove(BillableItem.REPORTING_LICENSE);
        assertThatThrownBy(() -> new BillingSettings(missing, PROMOTIONS, "0 0 3 1 * ?"))
                .hasMessageContaining("REPORTING_LICENSE is missing");

        Map<BillableItem, BigDecimal> zero = new EnumMap<>(PRICES);
        zero.put(BillableItem.REPORTING_MULTI_USER_2_9, BigDecimal.ZERO);
        assertThatThrownBy(() -> new BillingSettings(zero, PROMOTIONS, "0 0 3 1 * ?"))
                .hasMessageContaining("REPORTING_MULTI_USER_2_9 must be > 0");

        assertThat(new BillingSettings(PRICES, null, "0 0 3 1 * ?").promotions()).isEmpty();
    }

    @Test
    void aPromotionNeedsAPercentBetweenZeroAndHundred() {
        assertThatThrownBy(() -> Promotion.always("Даром", new BigDecimal("100"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Promotion.always("Наценка", new BigDecimal("-5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Promotion.always(" ", new BigDecimal("5"))).isInstanceOf(IllegalArgumentException.class);
    }
}
