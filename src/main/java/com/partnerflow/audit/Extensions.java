package com.partnerflow.audit;

import java.util.List;
import java.util.Optional;

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

    @Query(MAINTAINED_BY + " order by e.name, e.id")
    List<Extension> findMaintainedBy(Partner partner);

    @Query(MAINTAINED_BY + " and e.name = :name")
    List<Extension> findMaintainedBy(Partner partner, String name);
}
