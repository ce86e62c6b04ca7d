package com.partnerflow.moderation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Moderations extends JpaRepository<Moderation, Long> {

    Optional<Moderation> findFirstByConfigurationOrderByIdDesc(Configuration configuration);

    Optional<Moderation> findFirstByConfigurationAndUnpublishedAtIsNotNullOrderByUnpublishedAtDesc(Configuration configuration);
}
