package com.partnerflow.billing;

import java.util.List;

import org.springframework.stereotype.Component;

import com.partnerflow.portal.HomeContribution;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.CurrentCaller;

/** «Начисления за месяц» on a partner's «Главная»: the month so far, as {@code GET /api/partners/{code}/charges} reads it. */
@Component
class MonthChargesCard implements HomeContribution {

    private final SettlementService settlements;
    private final CurrentCaller caller;

    MonthChargesCard(SettlementService settlements, CurrentCaller caller) {
        this.settlements = settlements;
        this.caller = caller;
    }

    @Override
    public List<Card> cards(PortalUser user) {
        if (!user.partner() || user.partnerCode().isEmpty()) {
            return List.of();
        }
        MonthChargesView month = settlements.monthCharges(user.partnerCode().get(), null, caller.get());
        return List.of(new Card(10, "Начисления за " + month.periodLabel() + " на сегодня", Money.rubles(month.totalAmount()),
                "Начислений: " + month.chargeCount() + ", по прайс-листу " + Money.rubles(month.listTotal()), "/portal/finance"));
    }
}
