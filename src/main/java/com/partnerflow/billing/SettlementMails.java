package com.partnerflow.billing;

import java.util.List;

import com.partnerflow.notification.Mail;

/** The Russian text of the settlement's mail and who receives it. */
final class SettlementMails {

    private SettlementMails() {
    }

    static String topic(long reconciliationId) {
        return "reconciliation:" + reconciliationId;
    }

    static List<Mail> invoiceIssued(Invoice invoice, Reconciliation reconciliation) {
        String month = Money.month(invoice.getPeriod());
        return List.of(new Mail(invoice.getPartner().getEmail(),
                "Счет " + invoice.getNumber() + " за " + month,
                "Сверка за " + month + " подтверждена финансовой службой, выставлен счет № " + invoice.getNumber() + ".\n"
                        + "Начислений: " + reconciliation.getChargeCount() + ", по прайс-листу "
                        + Money.rubles(reconciliation.getListTotal()) + ", к оплате " + Money.rubles(invoice.getAmount()) + ".\n"
                        + "Начисления сверки: /api/reconciliations/" + reconciliation.getId() + "/charges.csv"));
    }
}
