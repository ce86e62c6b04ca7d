package com.partnerflow.moderation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface Invitations extends JpaRepository<Invitation, Long> {

    /**
     * One page of the invitations {@code :partner} sees (as {@link ConfigurationAccount#invitation}): those it received
     * and those of the accounts it manages; then the filters, each ignored when null — {@code :invited} the invited
     * partner's code.
     */
    @Query("""
            select i from Invitation i join i.account a
            where (i.partner = :partner or a.manager = :partner)
              and (:status is null or i.status = :status)
              and (:accountId is null or a.id = :accountId)
              and (:invited is null or i.partner.code = :invited)
            """)
    Page<Invitation> findVisible(Partner partner, InvitationStatus status, Long accountId, String invited, Pageable page);
}
