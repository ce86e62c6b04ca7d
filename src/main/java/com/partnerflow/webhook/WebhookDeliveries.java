package com.partnerflow.webhook;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WebhookDeliveries extends JpaRepository<WebhookDelivery, Long> {

    Page<WebhookDelivery> findByEndpoint(WebhookEndpoint endpoint, Pageable pageable);

    long countByStatus(WebhookDelivery.Status status);

    /** The delivery with its endpoint, locked until the caller's transaction ends: two attempts never overlap. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @EntityGraph(attributePaths = "endpoint")
    @Query("select d from WebhookDelivery d where d.id = :id")
    Optional<WebhookDelivery> lockById(Long id);
}
