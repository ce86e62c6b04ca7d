package com.partnerflow.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The billing configuration, checked when the application starts: a price missing or not positive
 * stops it, rather than charging someone 0 ₽ months later.
 *
 * @param priceList      monthly list price in RUB per item ({@code partnerflow.billing.price-list.<ITEM>})
 * @param promotions     the vendor's promotions; they never apply to items that do not admit them
 * @param settlementCron when the monthly settlement starts by itself (Quartz-like cron of Camunda:
 *                       seconds minutes hours day-of-month month day-of-week)
 */
@ConfigurationProperties("partnerflow.billing")
public record BillingSettings(
        Map<BillableItem, BigDecimal> priceList,
        List<Promotion> promotions,
        @DefaultValue("0 0 3 1 * ?") String settlementCron) {

    public BillingSettings {
        priceList = priceList == null ? Map.of() : Map.copyOf(priceList);
        List<String> problems = new ArrayList<>();
        for (BillableItem item : BillableItem.values()) {
            BigDecimal price = priceList.get(item);
            if (price == null) {
                problems.add("partnerflow.billing.price-list." + item.name() + " is missing");
            } else if (price.signum() <= 0) {
                problems.add("partnerflow.billing.price-list." + item.name() + " must be > 0, is " + price);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Billing price list is incomplete: " + String.join("; ", problems));
        }
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
        if (settlementCron == null || settlementCron.isBlank()) {
            throw new IllegalStateException("partnerflow.billing.settlement-cron must not be blank");
        }
    }

    Pricing pricing() {
        return new Pricing(priceList, promotions);
    }
}
