package com.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * A partner's monthly reconciliation (сверка за месяц): the month's charges, which finance confirms
 * before the invoice goes out (seed 001: «счета выставляются после завершения сверки за предыдущий
 * месяц»). One per partner and month, backed by a unique constraint. It guards its own life cycle:
 * AWAITING_CONFIRMATION ⇄ RETURNED_TO_PARTNER, then CONFIRMED, then INVOICED; anything else is refused.
 */
@Entity
@Table(name = "reconciliation", uniqueConstraints = @UniqueConstraint(name = "reconciliation_partner_period",
        columnNames = {"partner_id", "period"}))
public class Reconciliation {

    static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    /** {@code YYYY-MM}. */
    @Column(nullable = false, length = 7)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ReconciliationStatus status;

    @Column(name = "charge_count", nullable = false)
    private int chargeCount;

    @Column(name = "list_total", nullable = false, precision = 14, scale = 2)
    private BigDecimal listTotal;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalAmount;

    /** Finance's note of the last send-back. */
    @Column(name = "finance_note", length = MAX_TEXT)
    private String financeNote;

    /** The partner's reply to it. */
    @Column(name = "partner_reply", length = MAX_TEXT)
    private String partnerReply;

    /** How often finance sent it back. */
    @Column(name = "send_backs", nullable = false)
    private int sendBacks;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "returned_by", length = 64)
    private String returnedBy;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "answered_by", length = 64)
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "confirmed_by", length = 64)
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "invoiced_at")
    private Instant invoicedAt;

    /** The execution of the settlement's «Сверка с партнером» that settles it; bound once, when that branch starts. */
    @Column(name = "settlement_branch", length = 64)
    private String settlementBranch;

    @Version
    private long version;

    protected Reconciliation() {
    }

    /** Opens the reconciliation of a partner's month over its not yet reconciled charges. */
    Reconciliation(Partner partner, YearMonth period, List<LicenseCharge> charges, Instant at) {
        if (charges.isEmpty()) {
            throw new IllegalArgumentException("Nothing to reconcile for " + partner + " in " + period);
        }
        this.partner = partner;
        this.period = period.toString();
        this.status = ReconciliationStatus.AWAITING_CONFIRMATION;
        this.chargeCount = charges.size();
        this.listTotal = charges.stream().map(LicenseCharge::getListPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.totalAmount = charges.stream().map(LicenseCharge::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.createdAt = at;
        charges.forEach(charge -> charge.reconcileIn(this));
    }

    /** Binds the settlement's branch that settles it; a reconciliation is settled in one branch only. */
    void settleIn(String branch) {
        if (settlementBranch != null && !settlementBranch.equals(branch)) {
            throw new IllegalStateException("Reconciliation " + id + " is settled in branch " + settlementBranch + ", not in " + branch);
        }
        this.settlementBranch = branch;
    }

    /** Finance sends it back to the partner; the note says what to check and is required. */
    void sendBack(String note, String actor, Instant at) {
        expect(ReconciliationStatus.AWAITING_CONFIRMATION);
        this.financeNote = required(note, "Укажите, что партнеру нужно проверить или пояснить.");
        this.returnedBy = actor;
        this.returnedAt = at;
        this.sendBacks++;
        this.status = ReconciliationStatus.RETURNED_TO_PARTNER;
    }

    /** The partner answers finance's note; it goes back to finance. */
    void answer(String reply, String actor, Instant at) {
        expect(ReconciliationStatus.RETURNED_TO_PARTNER);
        this.partnerReply = required(reply, "Напишите ответ финансовой службе.");
        this.answeredBy = actor;
        this.answeredAt = at;
        this.status = ReconciliationStatus.AWAITING_CONFIRMATION;
    }

    void confirm(String actor, Instant at) {
        expect(ReconciliationStatus.AWAITING_CONFIRMATION);
        this.confirmedBy = actor;
        this.confirmedAt = at;
        this.status = ReconciliationStatus.CONFIRMED;
    }

    /** Only a confirmed reconciliation is invoiced, once. */
    void invoiced(Instant at) {
        expect(ReconciliationStatus.CONFIRMED);
        this.invoicedAt = at;
        this.status = ReconciliationStatus.INVOICED;
    }

    /** The deterministic number of its invoice, e.g. {@code PF-2026-10-ALFA}. */
    String invoiceNumber() {
        return "PF-" + period + "-" + partner.getCode();
    }

    public boolean belongsTo(Partner candidate) {
        return partner.getId().equals(candidate.getId());
    }

    private void expect(ReconciliationStatus allowed) {
        if (status != allowed) {
            throw BusinessRuleViolation.conflict("Сверка № " + id + " партнера " + partner.getCode() + " за " + period
                    + " " + status.label() + ": это действие сейчас недоступно.");
        }
    }

    private static String required(String text, String message) {
        if (text == null || text.isBlank()) {
            throw BusinessRuleViolation.invalid(message);
        }
        if (text.strip().length() > MAX_TEXT) {
            throw BusinessRuleViolation.invalid("Текст длиннее " + MAX_TEXT + " символов.");
        }
        return text.strip();
    }

    public Long getId() {
        return id;
    }

    public Partner getPartner() {
        return partner;
    }

    public String getPeriod() {
        return period;
    }

    public ReconciliationStatus getStatus() {
        return status;
    }

    public int getChargeCount() {
        return chargeCount;
    }

    public BigDecimal getListTotal() {
        return listTotal;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public String getFinanceNote() {
        return financeNote;
    }

    public String getPartnerReply() {
        return partnerReply;
    }

    public int getSendBacks() {
        return sendBacks;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getReturnedBy() {
        return returnedBy;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    /** The settlement's branch that settles it, or null before that branch started. */
    String getSettlementBranch() {
        return settlementBranch;
    }

    public Instant getInvoicedAt() {
        return invoicedAt;
    }
}
