package com.partnerflow.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, Long> {

    List<Invoice> findByPartnerIdOrderByPeriodDescIdDesc(Long partnerId);

    @Query("select i from Invoice i where i.reconciliation.id = :reconciliationId")
    Optional<Invoice> ofReconciliation(Long reconciliationId);
}
