package com.partnerflow.moderation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface ConfigurationAccounts extends JpaRepository<ConfigurationAccount, Long> {

    /** The accounts a partner manages or was invited into. */
    @Query("""
            select distinct a from ConfigurationAccount a left join a.members m
            where a.manager = :partner or m.partner = :partner order by a.id""")
    List<ConfigurationAccount> findAdmitting(Partner partner);
}
