package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Opens the month's reconciliations, one per partner with unreconciled charges. */
@Component("reconcilePeriodDelegate")
class ReconcilePeriodDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReconcilePeriodDelegate.class);

    private final SettlementService settlements;

    ReconcilePeriodDelegate(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth period = period(execution);
        List<Long> opened = settlements.reconcile(period);
        RECONCILIATION_IDS.on(execution, opened);
        log.info("Settlement {}: {} reconciliations opened {}", period, opened.size(), opened);
    }
}
