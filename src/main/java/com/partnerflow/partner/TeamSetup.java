package com.partnerflow.partner;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every partner has its administrators' group {@code partneradmins-<CODE>} (ADR 0047): a partner registered before
 * administrators existed gets it at start, in every profile, empty; a Camunda administrator names its first
 * administrator in Camunda Admin (Groups → the group → add a user), who then manages the team in the portal.
 */
@Component
class TeamSetup {

    private final Partners partners;
    private final PartnerService partnerService;

    TeamSetup(Partners partners, PartnerService partnerService) {
        this.partners = partners;
        this.partnerService = partnerService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    @Transactional
    public void ensureAdministratorGroups() {
        partners.findAll().forEach(partnerService::ensureGroups);
    }
}
