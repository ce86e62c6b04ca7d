package com.partnerflow.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, Long> {

    List<Invoice> findByPartnerIdOrderByPeriodDescIdDesc(Long partnerId);

    /** A partner's invoices, of one month when {@code period} is given ({@code invoice_partner} index). */
    @Query("select i from Invoice i where i.partner.id = :partnerId and (:period is null or i.period = :period)")
    Page<Invoice> findOfPartner(Long partnerId, String period, Pageable page);

    @Query("select i from Invoice i where i.reconciliation.id = :reconciliationId")
    Optional<Invoice> ofReconciliation(Long reconciliationId);
}
