package com.partnerflow.partner;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamDeactivations extends JpaRepository<TeamDeactivation, Long> {

    /** The partner's employees deactivated and not taken back. */
    @Query("select d from TeamDeactivation d where d.partnerCode = :partnerCode and d.reactivatedAt is null")
    List<TeamDeactivation> findCurrent(String partnerCode);

    @Query("select d from TeamDeactivation d where d.partnerCode = :partnerCode and d.userId = :userId and d.reactivatedAt is null")
    Optional<TeamDeactivation> findCurrent(String partnerCode, String userId);
}
