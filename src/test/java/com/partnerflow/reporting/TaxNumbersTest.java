package com.partnerflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ИНН control digits (Federal Tax Service algorithm) and the КПП format. Every valid number below
 * was checked by hand: weighted sum of the digits mod 11, then mod 10.
 */
class TaxNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "7707083893", // ПАО Сбербанк: sum mod 11 = 3
            "7736207543", // ООО «Яндекс»: 3
            "7702070139", // Банк ВТБ: 9
            "7710140679", // АО «Тинькофф Банк»: 9
            "7728168971", // АО «Альфа-Банк»: 1
            "7830002293", // 3
            "7707000030"  // sum mod 11 = 10, so the control digit is 0
    })
    void acceptsALegalEntityInnWithTheRightControlDigit(String inn) {
        assertThat(TaxNumbers.isValidInn(inn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "500100732259", // control sums mod 11: 5, 9
            "330500938709", // 10 → 0, 9
            "770700000970"  // 7, 10 → 0
    })
    void acceptsAnIndividualEntrepreneurInnWithBothControlDigitsRight(String inn) {
        assertThat(TaxNumbers.isValidInn(inn)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "7707083894, control digit off by one",
            "7707083890, control digit 0",
            "7707083899, control digit 9",
            "7707000031, remainder 10 taken as 1 instead of 0",
            "7707038893, two digits of the body swapped",
            "1707083893, first digit changed",
            "7707083803, last digit of the body changed"
    })
    void refusesALegalEntityInnWithAWrongControlDigit(String inn, String why) {
        assertThat(TaxNumbers.isValidInn(inn)).as(why).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "500100732269, first control digit (11th) wrong",
            "500100732258, second control digit (12th) wrong",
            "500100732295, control digits swapped",
            "330500938719, first control digit 1 where the remainder 10 gives 0",
            "770700000971, second control digit 1 where the remainder 10 gives 0",
            "600100732259, first digit of the body changed",
            "500100732359, last digit of the body changed"
    })
    void refusesAnIndividualEntrepreneurInnWithAWrongControlDigit(String inn, String why) {
        assertThat(TaxNumbers.isValidInn(inn)).as(why).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"770708389", "77070838931", "5001007322590", "770708389a", "77070838９3", "7707O83893",
            " 7707083893", "7707083893 ", "7707-083893", "+707083893", "50010073225", "١٢٣٤٥٦٧٨٩٠"})
    void refusesAnInnThatIsNotTenOrTwelveDigits(String inn) {
        assertThat(TaxNumbers.isValidInn(inn)).isFalse();
    }

    @Test
    void elevenDigitsAreNeitherKindEvenWithAValidTenDigitPrefix() {
        assertThat(TaxNumbers.isValidInn("77070838930")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"770701001", "7707AB001", "773601001", "7736ZZ999", "000000000", "77070A001"})
    void acceptsAKppOfTaxOfficeReasonCodeAndNumber(String kpp) {
        assertThat(TaxNumbers.isValidKpp(kpp)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"77070100", "7707010011", "7707ab001", "7707Ab001", "77A701001", "770701A01", "7707АБ001",
            " 770701001", "770701001 ", "7707-1001", "770701 01"})
    void refusesAKppOfAnyOtherShape(String kpp) {
        assertThat(TaxNumbers.isValidKpp(kpp)).isFalse();
    }
}
