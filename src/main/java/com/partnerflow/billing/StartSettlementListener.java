package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs as a settlement starts, by the monthly timer (no variables: the previous month) or by finance's
 * start form: decides the month and makes it the business key. A bad month throws, so finance's start
 * is rolled back whole and the form shows the reason.
 */
@Component("startSettlementListener")
class StartSettlementListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StartSettlementListener.class);

    private final SettlementService settlements;

    StartSettlementListener(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requested = PERIOD.optionalFrom(execution).orElse(null);
        YearMonth period = settlements.periodToSettle(requested);
        execution.setProcessBusinessKey(period.toString());
        PERIOD.on(execution, period.toString());
        log.info("Settlement {} started, month {}", period, requested == null ? "of the timer (the previous one)" : "requested");
    }
}
