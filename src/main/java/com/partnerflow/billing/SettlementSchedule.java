package com.partnerflow.billing;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

/**
 * When the settlement starts by itself and which month a start form suggests:
 * {@code ${settlementSchedule.cron()}} in the timer start event. The engine evaluates that expression
 * while it deploys, before the domain services exist, so this bean needs nothing but the configuration
 * and the clock. Public: JUEL calls only public methods of public classes.
 */
@Component("settlementSchedule")
public class SettlementSchedule {

    private final BillingSettings settings;
    private final Clock clock;

    SettlementSchedule(BillingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Camunda's cron (seconds first): the 1st of every month at 03:00 unless configured otherwise. */
    public String cron() {
        return settings.settlementCron();
    }

    /** The month just closed, {@code YYYY-MM}: what the monthly run settles and the start form suggests. */
    public String previousPeriod() {
        return YearMonth.now(clock).minusMonths(1).toString();
    }
}
