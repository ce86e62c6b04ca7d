package com.partnerflow.moderation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface Configurations extends JpaRepository<Configuration, Long> {

    /** Candidates for what a partner sees: made by it, or made in an account it works in. */
    @Query("""
            select c from Configuration c
            where c.creator = :partner or c.account in :accounts order by c.id""")
    List<Configuration> findCandidates(Partner partner, Collection<ConfigurationAccount> accounts);

    List<Configuration> findByCreatorOrderById(Partner creator);

    /** The public catalogue: configurations with an approved revision, filtered on that revision, newest first. */
    @Query("""
            select c from Configuration c join c.publishedRound r
            where (:category is null or r.content.category = :category)
              and (:industry is null or r.content.industry = :industry)
            order by c.publishedAt desc, c.id desc""")
    List<Configuration> findPublished(Category category, Industry industry);
}
