package com.partnerflow.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Reconciliations extends JpaRepository<Reconciliation, Long> {

    List<Reconciliation> findByPeriodOrderById(String period);

    boolean existsByPartnerIdAndPeriod(Long partnerId, String period);

    Optional<Reconciliation> findBySettlementBranch(String settlementBranch);
}
