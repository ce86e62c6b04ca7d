package com.partnerflow.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Reconciliations extends JpaRepository<Reconciliation, Long> {

    List<Reconciliation> findByPeriodOrderById(String period);

    /** Reconciliations of one partner, or of all when {@code partnerId} is null; each filter ignored when null. */
    @Query("""
            select r from Reconciliation r
            where (:partnerId is null or r.partner.id = :partnerId)
              and (:status is null or r.status = :status)
              and (:period is null or r.period = :period)
            """)
    Page<Reconciliation> findMatching(Long partnerId, ReconciliationStatus status, String period, Pageable page);

    boolean existsByPartnerIdAndPeriod(Long partnerId, String period);

    Optional<Reconciliation> findBySettlementBranch(String settlementBranch);
}
