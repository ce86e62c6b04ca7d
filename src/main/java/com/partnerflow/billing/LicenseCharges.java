package com.partnerflow.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

interface LicenseCharges extends JpaRepository<LicenseCharge, Long> {

    Optional<LicenseCharge> findBySource(String source);

    @Query("select distinct c.partner from LicenseCharge c where c.period = :period and c.reconciliation is null")
    List<Partner> partnersWithUnreconciledCharges(String period);

    @Query("select c from LicenseCharge c where c.partner = :partner and c.period = :period and c.reconciliation is null order by c.id")
    List<LicenseCharge> unreconciled(Partner partner, String period);

    @Query("select c from LicenseCharge c where c.partner = :partner and c.subscriber = :subscriber and c.period = :period "
            + "and c.reconciliation is null")
    List<LicenseCharge> unreconciledOf(Partner partner, Subscriber subscriber, String period);

    @Query("select c from LicenseCharge c where c.partner = :partner and c.period = :period order by c.subscriber.number, c.id")
    List<LicenseCharge> ofPartnerAndPeriod(Partner partner, String period);

    @Query("select c from LicenseCharge c where c.reconciliation.id = :reconciliationId order by c.subscriber.number, c.id")
    List<LicenseCharge> ofReconciliation(Long reconciliationId);
}
