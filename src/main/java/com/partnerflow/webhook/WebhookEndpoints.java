package com.partnerflow.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookEndpoints extends JpaRepository<WebhookEndpoint, Long> {

    Page<WebhookEndpoint> findByPartnerCode(String partnerCode, Pageable pageable);

    Optional<WebhookEndpoint> findByIdAndPartnerCode(long id, String partnerCode);

    long countByPartnerCode(String partnerCode);

    List<WebhookEndpoint> findByPartnerCodeInAndActiveTrueOrderById(Collection<String> partnerCodes);
}
