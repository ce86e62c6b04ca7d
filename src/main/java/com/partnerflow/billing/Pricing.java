package com.partnerflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a partner pays for an item in a month: the list price, less the best promotion active that
 * month — only where the item admits promotions (never the multi-user extension, seed 001) — less
 * the partner's sublicense discount. Pure: no clock, no database. Money has 2 decimals, HALF_UP,
 * rounded once at the end.
 */
final class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<BillableItem, BigDecimal> priceList;
    private final List<Promotion> promotions;

    Pricing(Map<BillableItem, BigDecimal> priceList, List<Promotion> promotions) {
        this.priceList = Map.copyOf(priceList);
        this.promotions = List.copyOf(promotions);
    }

    Price price(BillableItem item, YearMonth period, BigDecimal partnerDiscountPercent) {
        BigDecimal listPrice = priceList.get(item);
        if (listPrice == null) {
            throw new IllegalStateException("No list price for " + item);
        }
        Optional<Promotion> promotion = bestPromotion(item, period);
        BigDecimal amount = listPrice;
        if (promotion.isPresent()) {
            amount = amount.multiply(remainder(promotion.get().percent()));
        }
        amount = amount.multiply(remainder(partnerDiscountPercent)).setScale(2, RoundingMode.HALF_UP);
        return new Price(item, listPrice.setScale(2, RoundingMode.HALF_UP), promotion.orElse(null),
                partnerDiscountPercent, amount);
    }

    /** The rule of seed 001: promotions never apply to an item that does not admit them. */
    Optional<Promotion> bestPromotion(BillableItem item, YearMonth period) {
        if (!item.promotionsApply()) {
            return Optional.empty();
        }
        return promotions.stream().filter(p -> p.activeIn(period)).max(Comparator.comparing(Promotion::percent));
    }

    private static BigDecimal remainder(BigDecimal percent) {
        return HUNDRED.subtract(percent).divide(HUNDRED);
    }

    /** A computed charge; {@code promotion} is null when none applied. */
    record Price(BillableItem item, BigDecimal listPrice, Promotion promotion, BigDecimal partnerDiscountPercent,
                 BigDecimal amount) {
    }
}
