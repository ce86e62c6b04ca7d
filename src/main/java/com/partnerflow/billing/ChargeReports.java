package com.partnerflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.partner.Partner;
import com.partnerflow.security.Caller;
import com.partnerflow.system.BadParameter;

/**
 * What a partner is charged, month by month: the figures of its finance chart and the same charges as finance's CSV.
 * Readable by the partner's own employees and by whoever sees all billing ({@link SettlementService#billedPartner});
 * another partner's code is a 404. The months are {@code from}…{@code to}, at most {@link #MAX_MONTHS}; by default the
 * last {@link #DEFAULT_MONTHS} up to the current one (the business's clock).
 */
@Service
class ChargeReports {

    static final int MAX_MONTHS = 24;
    static final int DEFAULT_MONTHS = 6;
    /** Clients shown one by one; the others are one series, «Остальные клиенты». */
    static final int CLIENT_SERIES = 8;
    static final String OTHERS = "OTHERS";

    private final LicenseCharges charges;
    private final SettlementService settlements;
    private final Clock clock;

    ChargeReports(LicenseCharges charges, SettlementService settlements, Clock clock) {
        this.charges = charges;
        this.settlements = settlements;
        this.clock = clock;
    }

    /** The months asked for, checked: {@code from} not after {@code to}, at most {@link #MAX_MONTHS} of them. */
    record Months(YearMonth from, YearMonth to) {

        List<YearMonth> each() {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                months.add(month);
            }
            return months;
        }

        String label() {
            return from.equals(to) ? from.toString() : from + " – " + to;
        }
    }

    /**
     * {@code from}/{@code to} as typed, either may be null: {@code to} the current month, {@code from} {@link #DEFAULT_MONTHS}
     * months up to {@code to}. A wrong range is a 400 naming the parameter.
     */
    Months months(YearMonth from, YearMonth to) {
        YearMonth last = to == null ? YearMonth.now(clock) : to;
        YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1) : from;
        if (first.isAfter(last)) {
            throw new BadParameter("from", "Начальный месяц " + first + " позже конечного " + last + ".");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw new BadParameter("from", "Не больше " + MAX_MONTHS + " месяцев за один запрос: с " + first + " по " + last + " — больше.");
        }
        return new Months(first, last);
    }

    /** The partner's charges of the months, per month and per product or client. */
    @Transactional(readOnly = true)
    MonthlyCharges monthly(String partnerCode, Months months, MonthlyCharges.Breakdown by, Caller caller) {
        Partner partner = settlements.billedPartner(partnerCode, caller);
        List<LicenseCharge> found = charges.ofPartner(partner.getId(), months.from().toString(), months.to().toString());
        List<YearMonth> each = months.each();
        List<MonthlyCharges.Month> perMonth = each.stream().map(month -> {
            List<LicenseCharge> ofMonth = found.stream().filter(charge -> charge.getPeriod().equals(month.toString())).toList();
            return new MonthlyCharges.Month(month.toString(), Money.month(month.toString()), total(ofMonth), ofMonth.size());
        }).toList();
        List<MonthlyCharges.Series> series = by == MonthlyCharges.Breakdown.CLIENT ? perClient(found, each) : perProduct(found, each);
        return new MonthlyCharges(partner.getCode(), months.from().toString(), months.to().toString(), by, perMonth, series,
                total(found), found.size());
    }

    /** The partner's charges of the months as finance's CSV ({@link ChargesCsv}): its rows only, and their «Итого». */
    @Transactional(readOnly = true)
    SettlementService.CsvFile csv(String partnerCode, Months months, Caller caller) {
        Partner partner = settlements.billedPartner(partnerCode, caller);
        List<LicenseCharge> found = charges.ofPartner(partner.getId(), months.from().toString(), months.to().toString());
        byte[] content = ChargesCsv.write(months.label(), partner.getCode(), found, clock.getZone());
        return new SettlementService.CsvFile("charges-" + partner.getCode() + "-" + months.from()
                + (months.from().equals(months.to()) ? "" : "-" + months.to()) + ".csv", content);
    }

    /** One series per item of the price list that was charged in the months, in the price list's order. */
    private static List<MonthlyCharges.Series> perProduct(List<LicenseCharge> found, List<YearMonth> months) {
        Map<BillableItem, List<LicenseCharge>> byItem = found.stream().collect(Collectors.groupingBy(LicenseCharge::getItem));
        return Arrays.stream(BillableItem.values()).filter(byItem::containsKey)
                .map(item -> series(item.name(), item.label(), byItem.get(item), months))
                .toList();
    }

    /** The largest clients one by one (by their total, then number), the rest as one series. */
    private static List<MonthlyCharges.Series> perClient(List<LicenseCharge> found, List<YearMonth> months) {
        Map<String, List<LicenseCharge>> byClient = found.stream().collect(Collectors.groupingBy(
                charge -> charge.getSubscriber().getNumber(), LinkedHashMap::new, Collectors.toList()));
        List<MonthlyCharges.Series> clients = byClient.values().stream()
                .map(ofClient -> series(ofClient.get(0).getSubscriber().getNumber(),
                        ofClient.get(0).getSubscriber().getNumber() + " " + ofClient.get(0).getSubscriber().getName(), ofClient, months))
                .sorted(Comparator.comparing(MonthlyCharges.Series::total).reversed().thenComparing(MonthlyCharges.Series::key))
                .toList();
        if (clients.size() <= CLIENT_SERIES + 1) {
            return clients;
        }
        List<MonthlyCharges.Series> shown = new ArrayList<>(clients.subList(0, CLIENT_SERIES));
        Set<String> rest = clients.subList(CLIENT_SERIES, clients.size()).stream().map(MonthlyCharges.Series::key)
                .collect(Collectors.toSet());
        shown.add(series(OTHERS, "Остальные клиенты (" + rest.size() + ")",
                found.stream().filter(charge -> rest.contains(charge.getSubscriber().getNumber())).toList(), months));
        return shown;
    }

    private static MonthlyCharges.Series series(String key, String label, List<LicenseCharge> ofSeries, List<YearMonth> months) {
        Map<String, List<LicenseCharge>> byMonth = ofSeries.stream().collect(Collectors.groupingBy(LicenseCharge::getPeriod));
        List<BigDecimal> amounts = months.stream().map(month -> total(byMonth.getOrDefault(month.toString(), List.of()))).toList();
        return new MonthlyCharges.Series(key, label, amounts, total(ofSeries));
    }

    private static BigDecimal total(List<LicenseCharge> charges) {
        return sum(charges, LicenseCharge::getAmount);
    }

    private static BigDecimal sum(List<LicenseCharge> charges, Function<LicenseCharge, BigDecimal> amount) {
        return charges.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
