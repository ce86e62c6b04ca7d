package com.partnerflow.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

interface AccessGrants extends JpaRepository<AccessGrant, Long> {

    List<AccessGrant> findByVersionOrderById(ExtensionVersion version);

    /**
     * One page of a version's grants; then the filters, each ignored when null — {@code :subscriber} a client's number,
     * {@code :allClients} true for the grants to every client of a partner, false for those to one client.
     */
    @Query("""
            select g from AccessGrant g left join g.subscriber s
            where g.version = :version
              and (:subscriber is null or s.number = :subscriber)
              and (:allClients is null or (:allClients = true and g.subscriber is null)
                   or (:allClients = false and g.subscriber is not null))
            """)
    Page<AccessGrant> findByVersion(ExtensionVersion version, String subscriber, Boolean allClients, Pageable page);

    Optional<AccessGrant> findByVersionAndSubscriber(ExtensionVersion version, Subscriber subscriber);

    Optional<AccessGrant> findByVersionAndSubscriberIsNullAndPartner(ExtensionVersion version, Partner partner);
}
