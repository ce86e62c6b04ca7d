package com.partnerflow.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

    /** JPQL, translated once (see PartnerMemberships): every request with a token runs it. */
    @Query("select t from ApiToken t where t.secretHash = :hash")
    Optional<ApiToken> findBySecretHash(String hash);

    @Query(value = "select t from ApiToken t where t.partnerCode = :partnerCode",
            countQuery = "select count(t) from ApiToken t where t.partnerCode = :partnerCode")
    Page<ApiToken> findByPartner(String partnerCode, Pageable pageable);

    @Query("select count(t) from ApiToken t where t.partnerCode = :partnerCode and t.revokedAt is null")
    long countActive(String partnerCode);

    /**
     * Records a use unless one at most a minute old is recorded: concurrent requests write it once, and a token in
     * constant use costs one small update a minute, not one per call.
     */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt <= :staleBefore)")
    int recordUse(Long id, Instant now, Instant staleBefore);

    /** Active tokens per creator: rows of (created_by, count). */
    @Query("select t.createdBy, count(t) from ApiToken t where t.partnerCode = :partnerCode and t.revokedAt is null group by t.createdBy")
    List<Object[]> countActiveByCreator(String partnerCode);

    @Query("select t from ApiToken t where t.partnerCode = :partnerCode and t.createdBy = :createdBy and t.revokedAt is null")
    List<ApiToken> findActive(String partnerCode, String createdBy);
}
