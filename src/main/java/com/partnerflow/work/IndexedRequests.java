package com.partnerflow.work;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface IndexedRequests extends JpaRepository<IndexedRequest, Long>, JpaSpecificationExecutor<IndexedRequest> {

    /** JPQL, not a derived query: see {@code PartnerMemberships#findByUserId} (on the REST calls of a transfer, issue 23). */
    @Query("select r from IndexedRequest r where r.kind = ?1 and r.requestId = ?2")
    Optional<IndexedRequest> findByKindAndRequestId(RequestKind kind, String requestId);

    @Query("select r.requestId from IndexedRequest r where r.kind = ?1")
    List<String> findRequestIdsByKind(RequestKind kind);
}
