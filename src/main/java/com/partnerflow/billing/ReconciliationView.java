package com.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A reconciliation as {@code GET /api/reconciliations/{id}} shows it: totals, who did what, its charges and its invoice. */
record ReconciliationView(long id, String period, PartnerRef partner, ReconciliationStatus status, String statusLabel,
                          int chargeCount, BigDecimal listTotal, BigDecimal totalAmount, String financeNote,
                          String partnerReply, int sendBacks, Instant createdAt, String confirmedBy, Instant confirmedAt,
                          InvoiceView invoice, List<ChargeView> charges, String chargesCsv) {

    record PartnerRef(String code, String name) {
    }

    record ChargeView(long id, String subscriberNumber, String subscriberName, BillableItem item, String itemLabel,
                      BigDecimal listPrice, String promotion, BigDecimal promotionPercent, BigDecimal discountPercent,
                      BigDecimal amount, String source, Instant createdAt) {
    }

    static ReconciliationView of(Reconciliation r, List<LicenseCharge> charges, Invoice invoice) {
        return new ReconciliationView(r.getId(), r.getPeriod(), new PartnerRef(r.getPartner().getCode(), r.getPartner().getName()),
                r.getStatus(), r.getStatus().label(), r.getChargeCount(), r.getListTotal(), r.getTotalAmount(),
                r.getFinanceNote(), r.getPartnerReply(), r.getSendBacks(), r.getCreatedAt(), r.getConfirmedBy(),
                r.getConfirmedAt(), invoice == null ? null : InvoiceView.of(invoice),
                charges.stream().map(ReconciliationView::charge).toList(),
                "/api/reconciliations/" + r.getId() + "/charges.csv");
    }

    static ChargeView charge(LicenseCharge c) {
        return new ChargeView(c.getId(), c.getSubscriber().getNumber(), c.getSubscriber().getName(), c.getItem(), c.getItem().label(),
                c.getListPrice(), c.getPromotion(), c.getPromotionPercent(), c.getDiscountPercent(), c.getAmount(), c.getSource(),
                c.getCreatedAt());
    }
}
