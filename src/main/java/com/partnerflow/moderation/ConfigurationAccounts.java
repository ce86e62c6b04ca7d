package com.partnerflow.moderation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface ConfigurationAccounts extends JpaRepository<ConfigurationAccount, Long> {

    /**
     * One page of the accounts a caller sees: every one when {@code :all}, else those {@code :partner} manages or is a
     * member of (it accepted an invitation and was not removed); then the filters, each ignored when null —
     * {@code :manager} a partner's code, {@code :search} a lower-case LIKE pattern of the name.
     */
    @Query("""
            select a from ConfigurationAccount a
            where (:all = true or a.manager = :partner
                   or exists (select i from Invitation i where i.account = a and i.partner = :partner
                              and i.status = com.partnerflow.moderation.InvitationStatus.ACCEPTED))
              and (:manager is null or a.manager.code = :manager)
              and (:search is null or lower(a.name) like :search escape '!')
            """)
    Page<ConfigurationAccount> findVisible(boolean all, Partner partner, String manager, String search, Pageable page);
}
