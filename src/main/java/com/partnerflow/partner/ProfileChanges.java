package com.partnerflow.partner;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProfileChanges extends JpaRepository<ProfileChange, Long> {

    /** The partner's open request, if any: JPQL, translated once (see PartnerMemberships). */
    @Query("select c from ProfileChange c where c.openPartnerId = :partnerId")
    Optional<ProfileChange> findOpen(Long partnerId);

    /**
     * One page of the requests a caller sees: every partner's when {@code :all}, else {@code :partner}'s; then the
     * filters, each ignored when null; changed (requested, decided or applied) at or after {@code :updatedSince}, always
     * given ({@code ListFilters#since}).
     */
    @Query("""
            select c from ProfileChange c join c.partner p
            where (:all = true or p = :partner)
              and (:status is null or c.status = :status)
              and (:partnerCode is null or p.code = :partnerCode)
              and (c.requestedAt >= :updatedSince or c.decidedAt >= :updatedSince or c.appliedAt >= :updatedSince)
            """)
    Page<ProfileChange> findVisible(boolean all, Partner partner, ProfileChangeStatus status, String partnerCode,
                                    Instant updatedSince, Pageable page);
}
