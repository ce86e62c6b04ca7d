package com.partnerflow.billing;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.partnerflow.billing.ReconciliationView.ChargeView;
import com.partnerflow.partner.Partner;

/** A partner's charges of one month as {@code GET /api/partners/{code}/charges} shows them: the totals and every charge. */
@Schema(name = "MonthCharges", description = "Начисления партнеру за месяц, сверенные и еще нет")
record MonthChargesView(
        @Schema(example = "ALFA", requiredMode = Schema.RequiredMode.REQUIRED) String partnerCode,
        @Schema(description = "Месяц, ГГГГ-ММ", example = "2026-12", requiredMode = Schema.RequiredMode.REQUIRED) String period,
        @Schema(description = "Месяц по-русски", example = "декабрь 2026") String periodLabel,
        int chargeCount,
        @Schema(description = "Сумма по прайс-листу") BigDecimal listTotal,
        @Schema(description = "К оплате: со скидкой партнера и акциями") BigDecimal totalAmount,
        List<ChargeView> charges) {

    static MonthChargesView of(Partner partner, String period, List<LicenseCharge> charges) {
        BigDecimal listTotal = charges.stream().map(LicenseCharge::getListPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = charges.stream().map(LicenseCharge::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MonthChargesView(partner.getCode(), period, Money.month(period), charges.size(), listTotal, total,
                charges.stream().map(ReconciliationView::charge).toList());
    }
}
