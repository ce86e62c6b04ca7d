package com.partnerflow.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

interface ExtensionVersions extends JpaRepository<ExtensionVersion, Long> {

    List<ExtensionVersion> findByExtensionOrderById(Extension extension);

    Optional<ExtensionVersion> findByOpenExtension(Extension extension);

    boolean existsByExtensionAndNumber(Extension extension, String number);

    /**
     * Published versions a subscriber may install: its own client-owned extensions, versions granted to it,
     * and versions granted to every client of the partner that serves it now.
     */
    @Query("""
            select v from ExtensionVersion v join v.extension e
            where v.status = com.partnerflow.audit.VersionStatus.APPROVED and v.publishedAt is not null
              and (e.ownerSubscriber = :subscriber
                   or exists (select g from AccessGrant g where g.version = v
                              and (g.subscriber = :subscriber or (g.subscriber is null and e.developer = :servingPartner))))
            order by e.name, v.id""")
    List<ExtensionVersion> findInstallableBy(Subscriber subscriber, Partner servingPartner);
}
