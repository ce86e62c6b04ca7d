package com.partnerflow.developer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface DeveloperAuthorizations extends JpaRepository<DeveloperAuthorization, Long> {

    /** The employee's open request or active authorization: JPQL, translated once (see PartnerMemberships). */
    @Query("select a from DeveloperAuthorization a where a.openDeveloper = :developer")
    Optional<DeveloperAuthorization> findOpen(String developer);

    @Query("select a from DeveloperAuthorization a where a.partner = :partner order by a.id desc")
    List<DeveloperAuthorization> findByPartner(Partner partner);

    @Query("select a from DeveloperAuthorization a order by a.id desc")
    List<DeveloperAuthorization> findAllNewestFirst();
}
