package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;

/**
 * Runs as a settlement starts, by the monthly timer (no variables: the previous month) or by finance's
 * start form: decides the month and makes it the business key. A bad month throws, and so does a month with nothing
 * to reconcile when a person starts it: finance's start is rolled back whole and the form shows the reason
 * («Нечего сверять»). The timer has no person behind it; its empty month ends at «Нечего сверять».
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
        if (Actor.authenticated(execution).isPresent()) {
            settlements.requireSomethingToReconcile(period);
        }
        execution.setProcessBusinessKey(period.toString());
        PERIOD.on(execution, period.toString());
        log.info("Settlement {} started, month {}", period, requested == null ? "of the timer (the previous one)" : "requested");
    }
}
