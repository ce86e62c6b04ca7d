package com.partnerflow.partner;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerMemberships extends JpaRepository<PartnerMembership, Long> {

    Optional<PartnerMembership> findByUserId(String userId);
}
