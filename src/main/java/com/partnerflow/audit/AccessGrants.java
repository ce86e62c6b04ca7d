package com.partnerflow.audit;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccessGrants extends JpaRepository<AccessGrant, Long> {
}
