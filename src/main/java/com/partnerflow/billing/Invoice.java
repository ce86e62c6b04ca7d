package com.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Instant;

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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import com.partnerflow.partner.Partner;

/** The invoice of a confirmed reconciliation: one per reconciliation, numbered {@code PF-<YYYY-MM>-<CODE>}. */
@Entity
@Table(name = "invoice")
public class Invoice {

    public enum Status {
        ISSUED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String number;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reconciliation_id", unique = true)
    private Reconciliation reconciliation;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @Column(nullable = false, length = 7)
    private String period;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected Invoice() {
    }

    /** Issues the invoice of a confirmed reconciliation and marks the reconciliation invoiced. */
    static Invoice issue(Reconciliation reconciliation, Instant at) {
        reconciliation.invoiced(at);
        Invoice invoice = new Invoice();
        invoice.number = reconciliation.invoiceNumber();
        invoice.reconciliation = reconciliation;
        invoice.partner = reconciliation.getPartner();
        invoice.period = reconciliation.getPeriod();
        invoice.amount = reconciliation.getTotalAmount();
        invoice.status = Status.ISSUED;
        invoice.issuedAt = at;
        return invoice;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getReconciliationId() {
        return reconciliation.getId();
    }

    public Partner getPartner() {
        return partner;
    }

    public String getPeriod() {
        return period;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
