package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.partnerflow.system.Deadlines;

/**
 * When a reconciliation task is created: clears its decision — as a variable local to this
 * reconciliation's subprocess, so that parallel reconciliations never see or overwrite each other's
 * decisions and notes — and puts the reconciliation's summary on the task for the form to show.
 */
@Component("prepareSettlementTaskListener")
class PrepareSettlementTaskListener implements TaskListener {

    private final SettlementService settlements;

    PrepareSettlementTaskListener(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public void notify(DelegateTask task) {
        SettlementService.Summary summary = settlements.summary(branch(task));
        task.setVariableLocal(PERIOD_LABEL.name(), Deadlines.month(period(task)));
        task.setVariableLocal(PARTNER_NAME.name(), summary.partnerName());
        task.setVariableLocal(CHARGE_COUNT.name(), summary.chargeCount());
        task.setVariableLocal(LIST_TOTAL.name(), summary.listTotal());
        task.setVariableLocal(TOTAL_AMOUNT.name(), summary.totalAmount());
    }
}
