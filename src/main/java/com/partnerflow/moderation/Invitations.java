package com.partnerflow.moderation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface Invitations extends JpaRepository<Invitation, Long> {

    /** The invitations waiting for a partner's answer, oldest first. */
    @Query("""
            select i from Invitation i
            where i.partner = :partner and i.status = com.partnerflow.moderation.InvitationStatus.PENDING order by i.id""")
    List<Invitation> findPendingFor(Partner partner);
}
