package com.partnerflow.billing;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A partner's charges month by month, split by product or by client: what its finance chart draws and its table lists.
 * {@code series[i].amounts[j]} is series i's amount in {@code months[j]}; every month of {@code from}…{@code to} is
 * listed, a month without charges at zero.
 */
@Schema(description = "Начисления партнера по месяцам, по продуктам или по клиентам")
record MonthlyCharges(
        @Schema(example = "ALFA") String partnerCode,
        @Schema(description = "Первый месяц, ГГГГ-ММ", example = "2026-05") String from,
        @Schema(description = "Последний месяц, ГГГГ-ММ", example = "2026-10") String to,
        @Schema(description = "PRODUCT — по продуктам (услугам прайс-листа), CLIENT — по клиентам") Breakdown by,
        List<Month> months,
        @Schema(description = "Продукты или клиенты; клиенты — самые крупные, остальные одной строкой") List<Series> series,
        @Schema(description = "Сумма за все месяцы, руб.") BigDecimal total,
        @Schema(description = "Число начислений за все месяцы") int chargeCount) {

    /** How the charges of a month are split. */
    enum Breakdown { PRODUCT, CLIENT }

    @Schema(description = "Месяц: сумма и число начислений")
    record Month(@Schema(example = "2026-10") String period, @Schema(example = "октябрь 2026") String label, BigDecimal amount,
                 int chargeCount) {
    }

    @Schema(description = "Продукт или клиент: сумма по каждому месяцу (в порядке months) и за все месяцы")
    record Series(@Schema(description = "Код продукта, номер абонента или OTHERS", example = "REPORTING_LICENSE") String key,
                  @Schema(example = "Лицензия 1С-Отчетности") String label, List<BigDecimal> amounts, BigDecimal total) {
    }
}
