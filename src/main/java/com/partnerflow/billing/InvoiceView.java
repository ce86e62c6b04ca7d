package com.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** An invoice as the API shows it. */
record InvoiceView(String number, String partnerCode, String period, BigDecimal amount, Invoice.Status status,
                   Instant issuedAt, String reconciliation) {

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.getNumber(), invoice.getPartner().getCode(), invoice.getPeriod(), invoice.getAmount(),
                invoice.getStatus(), invoice.getIssuedAt(), "/api/reconciliations/" + invoice.getReconciliationId());
    }
}
