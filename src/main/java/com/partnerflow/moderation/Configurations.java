package com.partnerflow.moderation;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface Configurations extends JpaRepository<Configuration, Long> {

    /**
     * Which configurations {@code c} (its account joined as {@code a}) a caller sees: every one when {@code :all}, else
     * {@link ConfigurationAccount#shows} as a query — what {@code :partner} made, and what another member partner made
     * in an account {@code :partner} works in (the manager's own stay the manager's).
     */
    String VISIBLE = """
            (:all = true or c.creator = :partner
             or (c.creator <> a.manager
                 and exists (select ci from Invitation ci where ci.account = a and ci.partner = c.creator
                             and ci.status = com.partnerflow.moderation.InvitationStatus.ACCEPTED)
                 and (a.manager = :partner
                      or exists (select vi from Invitation vi where vi.account = a and vi.partner = :partner
                                 and vi.status = com.partnerflow.moderation.InvitationStatus.ACCEPTED))))
            """;

    /**
     * One page of the configurations a caller sees ({@link #VISIBLE}), then the filters, each ignored when null (false);
     * {@code :updatedSince} is always given ({@code ListFilters#since}).
     */
    @Query("select c from Configuration c join c.account a where " + VISIBLE + """
              and (:own = false or c.creator = :partner)
              and (:status is null or c.status = :status)
              and (:accountId is null or a.id = :accountId)
              and c.updatedAt >= :updatedSince
            """)
    Page<Configuration> findVisible(boolean all, Partner partner, boolean own, ConfigurationStatus status, Long accountId,
                                    Instant updatedSince, Pageable page);

    /**
     * One page of the public catalogue: configurations with an approved revision, filtered on that revision, each filter
     * ignored when null; {@code :search} (a lower-case LIKE pattern) in its title or short description.
     */
    @Query("""
            select c from Configuration c join c.publishedRound r
            where (:category is null or r.content.category = :category)
              and (:industry is null or r.content.industry = :industry)
              and (:search is null or lower(r.content.title) like :search escape '!'
                   or lower(r.content.shortDescription) like :search escape '!')
            """)
    Page<Configuration> findPublished(Category category, Industry industry, String search, Pageable page);
}
