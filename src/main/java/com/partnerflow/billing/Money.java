package com.partnerflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How amounts and months read in Russian: {@code 12 345,67 ₽}, «октябрь 2026». */
final class Money {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", RUSSIAN);

    private Money() {
    }

    /** With a space between thousands and a decimal comma. */
    static String rubles(BigDecimal amount) {
        String plain = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        String sign = plain.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? plain : plain.substring(1);
        int dot = digits.indexOf('.');
        StringBuilder whole = new StringBuilder(digits.substring(0, dot));
        for (int i = whole.length() - 3; i > 0; i -= 3) {
            whole.insert(i, ' ');
        }
        return sign + whole + "," + digits.substring(dot + 1) + " ₽";
    }

    /** A decimal comma and no grouping, as a spreadsheet in a Russian locale reads a number. */
    static String decimal(BigDecimal amount) {
        return amount.toPlainString().replace('.', ',');
    }

    static String month(String period) {
        return MONTH.format(YearMonth.parse(period));
    }
}
