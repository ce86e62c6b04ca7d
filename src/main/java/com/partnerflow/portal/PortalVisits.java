package com.partnerflow.portal;

import org.springframework.data.jpa.repository.JpaRepository;

interface PortalVisits extends JpaRepository<PortalVisit, String> {
}
