package com.partnerflow.billing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Reconciliations extends JpaRepository<Reconciliation, Long> {

    List<Reconciliation> findByPeriodOrderById(String period);

    boolean existsByPartnerIdAndPeriod(Long partnerId, String period);
}
