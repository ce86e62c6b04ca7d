package com.partnerflow.transfer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TransferRequests extends JpaRepository<TransferRequest, Long>, TransferListing {

    /** JPQL, not a derived query: see {@code PartnerMemberships#findByUserId}. */
    @Query("select t from TransferRequest t where t.openSubscriberId = :subscriberId")
    Optional<TransferRequest> findByOpenSubscriberId(Long subscriberId);

    /** Transfers with what their view shows, in one query instead of one per transfer and association. */
    @EntityGraph(attributePaths = {"subscriber", "fromPartner", "toPartner", "letter", "history"})
    List<TransferRequest> findByIdIn(Collection<Long> ids);
}
