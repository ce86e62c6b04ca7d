package com.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A reconciliation as its list shows it: totals and where it stands, without its charges; {@code href} reads it whole
 * ({@link ReconciliationView}).
 */
record ReconciliationListView(long id, String period, ReconciliationView.PartnerRef partner, ReconciliationStatus status,
                              String statusLabel, int chargeCount, BigDecimal listTotal, BigDecimal totalAmount,
                              Instant createdAt, String confirmedBy, Instant confirmedAt, String href,
                              @Schema(description = "Открытая задача партнера «Ответить на замечание по сверке» (только в статусе "
                                      + "RETURNED_TO_PARTNER): POST /api/tasks/{id}/reconciliation-answer или Tasklist")
                              String answerTask) {

    static ReconciliationListView of(Reconciliation r, String answerTask) {
        return new ReconciliationListView(r.getId(), r.getPeriod(),
                new ReconciliationView.PartnerRef(r.getPartner().getCode(), r.getPartner().getName()), r.getStatus(),
                r.getStatus().label(), r.getChargeCount(), r.getListTotal(), r.getTotalAmount(), r.getCreatedAt(),
                r.getConfirmedBy(), r.getConfirmedAt(), "/api/reconciliations/" + r.getId(), answerTask);
    }
}
