package com.partnerflow.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookEndpoints extends JpaRepository<WebhookEndpoint, Long> {

    Page<WebhookEndpoint> findByPartnerCode(String partnerCode, Pageable pageable);

    Optional<WebhookEndpoint> findByIdAndPartnerCode(long id, String partnerCode);

    long countByPartnerCode(String partnerCode);

    /** JPQL, not a derived query: see {@code PartnerMemberships#findByUserId} (on the REST calls of a transfer, issue 23). */
    @Query("select e from WebhookEndpoint e where e.partnerCode in ?1 and e.active = true order by e.id")
    List<WebhookEndpoint> findByPartnerCodeInAndActiveTrueOrderById(Collection<String> partnerCodes);
}
