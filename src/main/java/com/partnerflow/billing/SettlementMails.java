package com.partnerflow.billing;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.notification.TaskWaiting;

/** The settlement's mail to the partner, from the templates in {@code mail/billing/}, and what its answer task asks. */
@Component
class SettlementMails {

    private final MailTemplates templates;

    SettlementMails(MailTemplates templates) {
        this.templates = templates;
    }

    static String topic(long reconciliationId) {
        return "reconciliation:" + reconciliationId;
    }

    List<Mail> invoiceIssued(Invoice invoice, Reconciliation reconciliation) {
        return templates.mails(List.of(invoice.getPartner().getEmail()), "billing/invoice-issued", Map.of(
                "invoice", invoice, "reconciliation", reconciliation, "month", Money.month(invoice.getPeriod()),
                "listTotal", Money.rubles(reconciliation.getListTotal()), "amount", Money.rubles(invoice.getAmount())));
    }

    /** What the partner's answer to finance's note asks; nothing forces it, the month's invoice waits for it. */
    TaskWaiting answer(Reconciliation reconciliation) {
        String month = Money.month(reconciliation.getPeriod());
        return new TaskWaiting("Ответьте на замечание финансовой службы по сверке за " + month,
                "Финансовая служба вернула вам сверку начислений за " + month + " с замечанием. Ответьте на него; "
                        + "затем финансовая служба проверит сверку снова.",
                List.of("Замечание финансовой службы: " + reconciliation.getFinanceNote(),
                        "Начислений: " + reconciliation.getChargeCount() + ", к оплате " + Money.rubles(reconciliation.getTotalAmount())),
                null, "счет за " + month + " не выставляется");
    }
}
