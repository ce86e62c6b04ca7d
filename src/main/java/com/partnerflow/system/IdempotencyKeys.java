package com.partnerflow.system;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface IdempotencyKeys extends JpaRepository<IdempotencyKey, Long> {

    Optional<IdempotencyKey> findByCallerAndKey(String caller, String key);

    @Modifying
    @Transactional
    @Query("delete from IdempotencyKey k where k.createdAt < :before")
    int deleteCreatedBefore(@Param("before") Instant before);
}
