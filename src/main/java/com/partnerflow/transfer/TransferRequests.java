package com.partnerflow.transfer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TransferRequests extends JpaRepository<TransferRequest, Long> {

    /** JPQL, not a derived query: see {@code PartnerMemberships#findByUserId}. */
    @Query("select t from TransferRequest t where t.openSubscriberId = :subscriberId")
    Optional<TransferRequest> findByOpenSubscriberId(Long subscriberId);

    /**
     * The ids of one page of the transfers a partner is involved in, newest first. Each side is read from its own
     * index ({@code V6}) and cut at the page's end before the two are merged: {@code from = ? or to = ?} would
     * make the database scan and sort every transfer of every partner.
     */
    @Query(nativeQuery = true, value = """
            select id from (
                (select id, created_at from transfer_request where from_partner_id = :partnerId
                 order by created_at desc, id desc fetch first :end rows only)
                union all
                (select id, created_at from transfer_request where to_partner_id = :partnerId
                 order by created_at desc, id desc fetch first :end rows only)
            ) involved
            order by created_at desc, id desc offset :offset rows fetch first :size rows only""")
    List<Long> findIdsInvolving(long partnerId, long offset, int size, long end);

    long countByFromPartnerId(Long partnerId);

    long countByToPartnerId(Long partnerId);

    /** Transfers with what their view shows, in one query instead of one per transfer and association. */
    @EntityGraph(attributePaths = {"subscriber", "fromPartner", "toPartner", "letter", "history"})
    List<TransferRequest> findByIdIn(Collection<Long> ids);

    @Query("select t from TransferRequest t order by t.createdAt desc, t.id desc")
    Page<TransferRequest> findAllNewestFirst(Pageable pageable);
}
