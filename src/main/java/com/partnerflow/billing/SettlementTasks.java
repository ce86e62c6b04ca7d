package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.partnerflow.system.Deadlines;
import com.partnerflow.security.Groups;
import com.partnerflow.security.TasklistColumns;
import com.partnerflow.system.TaskCard;
import com.partnerflow.system.TaskText;
import com.partnerflow.system.TaskTexts;

/**
 * What the tasks of a monthly settlement say in Tasklist: the partner and the month in the name, the reconciliation's
 * totals and what follows in the description. Read from the reconciliation the branch is bound to and the month of the
 * business key.
 */
@Component
class SettlementTasks implements TaskTexts, TasklistColumns {

    private final SettlementService settlements;

    SettlementTasks(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** The card columns of these tasks in the filters of the groups that work them. */
    @Override
    public void contribute(Columns columns) {
        columns.show(Groups.FINANCE, TaskCard.PARTNER, "Партнер");
        columns.show(Groups.FINANCE, TaskCard.MONTH, "Месяц");
        columns.show(Groups.PARTNERS, TaskCard.MONTH, "Месяц");
    }

    @Override
    public TaskText of(DelegateTask task) {
        SettlementService.Summary summary = settlements.summary(branch(task));
        String month = Deadlines.month(period(task));
        String totals = "начислений: " + summary.chargeCount() + ", к оплате " + summary.totalAmount() + " (по прайс-листу "
                + summary.listTotal() + ")";
        TaskText text = switch (task.getTaskDefinitionKey()) {
            case Elements.CONFIRM_RECONCILIATION -> new TaskText(summary.partnerLabel() + " за " + month,
                    "Сверка партнера " + summary.partnerLabel() + " за " + month + ": " + totals + ". Проверьте начисления и "
                            + "подтвердите сверку — после этого партнеру выставляется счет — или верните ее партнеру с замечанием. "
                            + "Срок не установлен, но счет за месяц не будет выставлен, пока сверка не подтверждена.");
            case Elements.ANSWER_RECONCILIATION -> new TaskText("за " + month,
                    "Финансовая служба вернула вашу сверку за " + month + " (" + totals + ") с замечанием"
                            + (summary.financeNote() == null ? "" : ": «" + summary.financeNote().strip() + "»")
                            + ". Ответьте на замечание; после ответа сверка снова уходит на подтверждение. Срок не установлен, "
                            + "но счет за месяц не будет выставлен, пока вы не ответите.");
            default -> throw new IllegalArgumentException("No text for the task " + task.getTaskDefinitionKey());
        };
        return text.with(TaskCard.PARTNER, summary.partnerLabel()).with(TaskCard.MONTH, month);
    }
}
