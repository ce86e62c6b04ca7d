package com.partnerflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionNumberTest {

    @ParameterizedTest
    @CsvSource({"1.10, 1.9", "2, 1.99.99", "1.0.1, 1.0", "1.0.0.1, 1.0.0", "10.0, 9.9.9.9"})
    void comparesNumberByNumber(String newer, String older) {
        assertThat(parse(newer).isNewerThan(parse(older))).isTrue();
        assertThat(parse(older).isNewerThan(parse(newer))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1.2, 1.2.0", "1, 1.0.0.0", "01.2, 1.2"})
    void trailingZerosAndLeadingZerosDoNotMakeANewVersion(String left, String right) {
        assertThat(parse(left)).isEqualTo(parse(right)).hasSameHashCodeAs(parse(right));
        assertThat(parse(left).isNewerThan(parse(right))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "один", "1..2", "1.2.3.4.5", "v1.0", "1.0-beta", "-1", "1234567.0", "1,2"})
    void refusesWhatIsNotOneToFourNumbers(String text) {
        assertThat(VersionNumber.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"' 1.0.3 ', 1.0.3", "007, 7", "3.0.150.21, 3.0.150.21"})
    void printsTheNumbersWithoutPadding(String text, String printed) {
        assertThat(parse(text)).hasToString(printed);
    }

    private static VersionNumber parse(String text) {
        return VersionNumber.parse(text).orElseThrow();
    }
}
