package com.partnerflow.transfer;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TransferRequests extends JpaRepository<TransferRequest, Long> {

    Optional<TransferRequest> findByOpenSubscriberId(Long subscriberId);

    @Query("""
            select t from TransferRequest t
            where t.fromPartner.id = :partnerId or t.toPartner.id = :partnerId
            order by t.createdAt desc, t.id desc""")
    Page<TransferRequest> findInvolving(Long partnerId, Pageable pageable);

    @Query("select t from TransferRequest t order by t.createdAt desc, t.id desc")
    Page<TransferRequest> findAllNewestFirst(Pageable pageable);
}
