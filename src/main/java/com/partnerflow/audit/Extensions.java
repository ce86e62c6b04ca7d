package com.partnerflow.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

interface Extensions extends JpaRepository<Extension, Long> {

    Optional<Extension> findByDeveloperAndName(Partner developer, String name);

    /**
     * What a partner maintains ({@link Extension#maintainer()}): its own and the provider's extensions it registered,
     * and the own extensions of the clients it serves now, whoever registered them.
     */
    String MAINTAINED_BY = """
            select e from Extension e left join e.ownerSubscriber owner
            where ((e.owner <> com.partnerflow.audit.ExtensionOwner.CLIENT and e.developer = :partner)
                   or (e.owner = com.partnerflow.audit.ExtensionOwner.CLIENT and owner.partner = :partner))
            """;

    /**
     * Which extensions {@code e} (its owner subscriber joined as {@code owner}) a caller sees: every one when
     * {@code :all}, else what {@code :partner} maintains, as {@link #MAINTAINED_BY}.
     */
    String VISIBLE = """
            (:all = true
             or (e.owner <> com.partnerflow.audit.ExtensionOwner.CLIENT and e.developer = :partner)
             or (e.owner = com.partnerflow.audit.ExtensionOwner.CLIENT and owner.partner = :partner))
            """;

    /**
     * One page of the extensions a caller sees ({@link #VISIBLE}), then the filters, each ignored when null.
     */
    @Query("select e from Extension e left join e.ownerSubscriber owner where " + VISIBLE + """
              and (:kind is null or e.kind = :kind)
              and (:owner is null or e.owner = :owner)
            """)
    Page<Extension> findVisible(boolean all, Partner partner, ExtensionKind kind, ExtensionOwner owner, Pageable page);

    @Query(MAINTAINED_BY + " and e.name = :name")
    List<Extension> findMaintainedBy(Partner partner, String name);
}
