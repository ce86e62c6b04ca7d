package com.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberStatus;

/** The export opens in Excel with a Russian locale, and a hostile subscriber name stays text. */
class ChargesCsvTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Instant AT = Instant.parse("2026-10-15T09:30:00Z");

    @Test
    void excelFriendlyUtf8WithBomSemicolonsCrlfAndDecimalCommas() {
        String csv = csv("ООО «Ромашка»; филиал \"Юг\"");

        assertThat(csv).startsWith("\uFEFFПериод;Код партнера;Номер абонента;Абонент;ИНН;Услуга;");
        assertThat(csv.split("\r\n", -1)).hasSize(4).endsWith("");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
        assertThat(csv).contains(";3000,00;", ";1500,00;", ";50,00;");
        assertThat(csv).contains("\"ООО «Ромашка»; филиал \"\"Юг\"\"\"");
        assertThat(csv).contains("15.10.2026 12:30");

        List<CSVRecord> records = parse(csv);
        assertThat(records.get(1).get(3)).isEqualTo("ООО «Ромашка»; филиал \"Юг\"");
        assertThat(records.get(1).get(5)).isEqualTo(BillableItem.REPORTING_MULTI_USER_2_9.label());
        assertThat(records.get(2).get(3)).isEqualTo("Итого");
        assertThat(records.get(2).get(10)).isEqualTo("1500,00");
    }

    @Test
    void cellsThatLookLikeFormulasGetALeadingApostrophe() {
        for (String hostile : List.of("=HYPERLINK(\"http://evil\";\"x\")", "+7 495", "-1+1", "@SUM(A1)", "\tTab")) {
            List<CSVRecord> records = parse(csv(hostile));
            assertThat(records.get(1).get(3)).as(hostile).isEqualTo("'" + hostile);
        }
        assertThat(ChargesCsv.text("ООО =Ромашка")).isEqualTo("ООО =Ромашка");
        assertThat(ChargesCsv.text(null)).isEmpty();
    }

    private static String csv(String subscriberName) {
        Partner alfa = new Partner("ALFA", "Альфа-Софт", true, new BigDecimal("50"), "alfa@partners.example");
        ReflectionTestUtils.setField(alfa, "id", 1L);
        Subscriber subscriber = new Subscriber("1001", subscriberName, "7707083893", SubscriberStatus.ACTIVE, alfa, AT);
        LicenseCharge charge = new LicenseCharge(alfa, subscriber, OCTOBER,
                new Pricing(PricingTest.PRICES, PricingTest.PROMOTIONS).price(BillableItem.REPORTING_MULTI_USER_2_9,
                        OCTOBER, alfa.getSublicenseDiscountPercent()), "csv:1", AT);
        Reconciliation reconciliation = new Reconciliation(alfa, OCTOBER, List.of(charge), AT);
        byte[] bytes = ChargesCsv.write(reconciliation, List.of(charge), ZoneId.of("Europe/Moscow"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.Builder.create().setDelimiter(';').get().parse(new StringReader(csv.substring(1))).getRecords();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
