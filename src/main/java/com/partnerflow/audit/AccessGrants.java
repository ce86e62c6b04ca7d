package com.partnerflow.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

interface AccessGrants extends JpaRepository<AccessGrant, Long> {

    List<AccessGrant> findByVersionOrderById(ExtensionVersion version);

    Optional<AccessGrant> findByVersionAndSubscriber(ExtensionVersion version, Subscriber subscriber);

    Optional<AccessGrant> findByVersionAndSubscriberIsNullAndPartner(ExtensionVersion version, Partner partner);
}
