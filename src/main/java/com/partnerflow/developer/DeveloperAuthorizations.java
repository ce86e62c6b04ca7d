package com.partnerflow.developer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface DeveloperAuthorizations extends JpaRepository<DeveloperAuthorization, Long> {

    /** The employee's open request or active authorization: JPQL, translated once (see PartnerMemberships). */
    @Query("select a from DeveloperAuthorization a where a.openDeveloper = :developer")
    Optional<DeveloperAuthorization> findOpen(String developer);

    /**
     * One page of the authorizations a caller sees: every partner's when {@code :all}, else {@code :partner}'s; then the
     * filters, each ignored when null — {@code :partnerCode}, the employee's login; and changed (requested, decided or
     * withdrawn) at or after {@code :updatedSince}, always given ({@code ListFilters#since}).
     */
    @Query("""
            select a from DeveloperAuthorization a join a.partner p
            where (:all = true or p = :partner)
              and (:status is null or a.status = :status)
              and (:partnerCode is null or p.code = :partnerCode)
              and (:developer is null or a.developer = :developer)
              and (a.requestedAt >= :updatedSince or a.decidedAt >= :updatedSince or a.withdrawnAt >= :updatedSince)
            """)
    Page<DeveloperAuthorization> findVisible(boolean all, Partner partner, AuthorizationStatus status, String partnerCode,
                                             String developer, Instant updatedSince, Pageable page);

    /** The partner's authorizations of these employees, newest request first. */
    @Query("select a from DeveloperAuthorization a where a.partner = :partner and a.developer in :developers "
            + "order by a.requestedAt desc, a.id desc")
    List<DeveloperAuthorization> findNewestFirst(Partner partner, Collection<String> developers);
}
