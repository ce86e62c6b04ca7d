package com.partnerflow.billing;

import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

import com.partnerflow.portal.HomeContribution;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.CurrentCaller;

/** «Начисления за месяц» on a partner's «Главная»: the month so far, as {@code GET /api/partners/{code}/charges/monthly} reads it. */
@Component
class MonthChargesCard implements HomeContribution {

    private final ChargeReports reports;
    private final CurrentCaller caller;

    MonthChargesCard(ChargeReports reports, CurrentCaller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @Override
    public List<Card> cards(PortalUser user) {
        // the month so far, as GET /api/partners/{code}/charges/monthly answers it for this month alone
        YearMonth current = reports.months(null, null).to();
        MonthlyCharges.Month month = reports.monthly(user.partnerCode().get(), new ChargeReports.Months(current, current),
                MonthlyCharges.Breakdown.PRODUCT, caller.get()).months().get(0);
        return List.of(new Card(10, "Начисления за " + month.label() + " на сегодня", Money.rubles(month.amount()),
                "Начислений: " + month.chargeCount(), "/portal/finance"));
    }
}
