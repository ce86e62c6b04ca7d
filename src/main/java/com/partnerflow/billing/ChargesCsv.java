package com.partnerflow.billing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The charges of a reconciliation as a CSV file that Excel opens correctly in a Russian locale:
 * UTF-8 with a byte order mark, {@code ;} between cells, CRLF, decimal commas. Text cells that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, carriage return at the start) get a
 * leading apostrophe, so a subscriber named {@code =HYPERLINK(...)} stays text.
 */
final class ChargesCsv {

    static final String BOM = "\uFEFF";
    static final List<String> HEADERS = List.of("Период", "Код партнера", "Номер абонента", "Абонент", "ИНН", "Услуга",
            "Цена по прайс-листу, руб.", "Акция", "Скидка по акции, %", "Скидка партнера, %", "Сумма, руб.", "Начислено");

    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(';')
            .setQuote('"')
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private ChargesCsv() {
    }

    static byte[] write(Reconciliation reconciliation, List<LicenseCharge> charges, ZoneId zone) {
        return write(reconciliation.getPeriod(), reconciliation.getPartner().getCode(), charges, reconciliation.getListTotal(),
                reconciliation.getTotalAmount(), zone);
    }

    /**
     * A partner's charges of several months in the same file: the same columns and «Итого» row, summed over the charges,
     * its period cell naming the months ({@code 2026-05 – 2026-10}).
     */
    static byte[] write(String periods, String partnerCode, List<LicenseCharge> charges, ZoneId zone) {
        return write(periods, partnerCode, charges, sum(charges, LicenseCharge::getListPrice), sum(charges, LicenseCharge::getAmount), zone);
    }

    private static BigDecimal sum(List<LicenseCharge> charges, java.util.function.Function<LicenseCharge, BigDecimal> amount) {
        return charges.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static byte[] write(String periods, String partnerCode, List<LicenseCharge> charges, BigDecimal listTotal,
                                BigDecimal total, ZoneId zone) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(HEADERS);
            for (LicenseCharge charge : charges) {
                csv.printRecord(text(charge.getPeriod()), text(charge.getPartner().getCode()),
                        text(charge.getSubscriber().getNumber()), text(charge.getSubscriber().getName()),
                        text(charge.getSubscriber().getInn()), text(charge.getItem().label()),
                        number(charge.getListPrice()), text(charge.getPromotion()), number(charge.getPromotionPercent()),
                        number(charge.getDiscountPercent()), number(charge.getAmount()),
                        DATE_TIME.format(charge.getCreatedAt().atZone(zone)));
            }
            csv.printRecord(text(periods), text(partnerCode), "", "Итого", "", "", number(listTotal), "", "", "", number(total), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A text cell, defused if a spreadsheet would read it as a formula. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** A number cell: we write these ourselves, so they are never formulas. */
    static String number(BigDecimal value) {
        return value == null ? "" : Money.decimal(value);
    }
}
