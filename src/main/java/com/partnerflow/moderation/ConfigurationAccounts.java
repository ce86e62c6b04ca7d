package com.partnerflow.moderation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface ConfigurationAccounts extends JpaRepository<ConfigurationAccount, Long> {

    /** The accounts a partner manages or is a member of (it accepted an invitation and was not removed). */
    @Query("""
            select distinct a from ConfigurationAccount a left join a.invitations i
            where a.manager = :partner
               or (i.partner = :partner and i.status = com.partnerflow.moderation.InvitationStatus.ACCEPTED)
            order by a.id""")
    List<ConfigurationAccount> findAdmitting(Partner partner);
}
