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
            csv.printRecord(text(reconciliation.getPeriod()), text(reconciliation.getPartner().getCode()), "", "Итого", "", "",
                    number(reconciliation.getListTotal()), "", "", "", number(reconciliation.getTotalAmount()), "");
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
