package com.partnerflow.reporting;

/**
 * Russian taxpayer numbers. ИНН: 10 digits for a legal entity, 12 for an individual entrepreneur,
 * the last one (or two) being control digits over weighted sums mod 11 (Federal Tax Service
 * algorithm). КПП: 9 characters, tax office code (4 digits), reason code (2 digits or capital Latin
 * letters, allowed since 2019) and a sequence number (3 digits); it has no control digit.
 */
final class TaxNumbers {

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private TaxNumbers() {
    }

    static boolean isValidInn(String inn) {
        if (inn == null || !inn.matches("\\d{10}|\\d{12}")) {
            return false;
        }
        if (inn.length() == 10) {
            return controlDigit(inn, INN10) == digit(inn, 9);
        }
        return controlDigit(inn, INN12_FIRST) == digit(inn, 10) && controlDigit(inn, INN12_SECOND) == digit(inn, 11);
    }

    static boolean isValidKpp(String kpp) {
        return kpp != null && kpp.matches("\\d{4}[0-9A-Z]{2}\\d{3}");
    }

    private static int controlDigit(String number, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(number, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String number, int index) {
        return number.charAt(index) - '0';
    }
}
