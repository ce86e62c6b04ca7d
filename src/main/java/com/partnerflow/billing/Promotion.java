package com.partnerflow.billing;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A promotional discount of the vendor («акция»), from {@code partnerflow.billing.promotions}.
 *
 * @param percent discount in percent of the list price, more than 0 and less than 100
 * @param from    first month it applies to; none = since always
 * @param until   last month it applies to; none = until further notice
 */
public record Promotion(String name, BigDecimal percent, YearMonth from, YearMonth until) {

    public Promotion {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A promotion needs a name");
        }
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("Promotion «" + name + "» must have a percent within (0, 100): " + percent);
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("Promotion «" + name + "» ends before it starts");
        }
    }

    /** A promotion without an end (one constructor only: the configuration binds to it). */
    public static Promotion always(String name, BigDecimal percent) {
        return new Promotion(name, percent, null, null);
    }

    public boolean activeIn(YearMonth period) {
        return (from == null || !period.isBefore(from)) && (until == null || !period.isAfter(until));
    }
}
