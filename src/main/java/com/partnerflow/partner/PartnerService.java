package com.partnerflow.partner;

import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * Partners and their people. A partner's users are both recorded here (who acts for which
 * partner) and members of the Camunda group {@code partner-<CODE>} (whose tasks they see).
 */
@Service
public class PartnerService {

    private final Partners partners;
    private final PartnerMemberships memberships;
    private final IdentityService identityService;

    PartnerService(Partners partners, PartnerMemberships memberships, IdentityService identityService) {
        this.partners = partners;
        this.memberships = memberships;
        this.identityService = identityService;
    }

    /**
     * Registers a partner with its Camunda groups, {@code partner-<CODE>} and its administrators'
     * {@code partneradmins-<CODE>} (ADR 0047); returns the existing one when the code is known.
     */
    @Transactional
    public Partner register(Partner partner) {
        Partner saved = partners.findByCode(partner.getCode()).orElseGet(() -> partners.save(partner));
        ensureGroups(saved);
        return saved;
    }

    /** The partner's two groups, each created unless it exists (partners registered before administrators get theirs). */
    void ensureGroups(Partner partner) {
        ensureGroup(partner.group(), "Партнер " + partner.getName());
        ensureGroup(Partner.administratorsGroupOf(partner.getCode()), "Администраторы партнера " + partner.getName());
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("PARTNER");
            identityService.saveGroup(group);
        }
    }

    /** Makes an existing user a member of the partner: domain membership plus the Camunda group. */
    @Transactional
    public void addMember(String partnerCode, String userId) {
        Partner partner = byCode(partnerCode);
        if (memberships.findByUserId(userId).isPresent()) {
            throw BusinessRuleViolation.conflict("Пользователь " + userId + " уже состоит в партнере.");
        }
        memberships.save(new PartnerMembership(userId, partner));
        identityService.createMembership(userId, partner.group());
    }

    @Transactional(readOnly = true)
    public Partner byCode(String code) {
        return findByCode(code)
                .orElseThrow(() -> BusinessRuleViolation.notFound("Партнер с кодом " + code + " не найден."));
    }

    /** The partner with the code, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Partner> findByCode(String code) {
        // codes are capitals (Partner's constructor); «alfa» or « ALFA » as typed means ALFA
        return code == null ? Optional.empty() : partners.findByCode(code.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The partner as its own employees and the vendor's people read it; to any other caller it reads as unknown, as on
     * every partner resource (404).
     */
    @Transactional(readOnly = true)
    public Partner readable(String code, Caller caller) {
        return findByCode(code)
                .filter(partner -> caller.seesAllPartners() || caller.managesPartners()
                        || partnerOf(caller.userId()).map(own -> own.getId().equals(partner.getId())).orElse(false))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Партнер с кодом " + code + " не найден."));
    }

    /**
     * Sets the partner's details (an approved request, {@link ProfileChangeService#apply}); its Camunda group, which
     * Cockpit and Admin show, takes the new name.
     */
    @Transactional
    public Partner changeDetails(String code, PartnerDetails details) {
        Partner partner = byCode(code);
        partner.changeDetails(details);
        Group group = identityService.createGroupQuery().groupId(partner.group()).singleResult();
        if (group != null && !("Партнер " + details.name()).equals(group.getName())) {
            group.setName("Партнер " + details.name());
            identityService.saveGroup(group);
        }
        return partner;
    }

    /** The partner the user works for, if any. */
    @Transactional(readOnly = true)
    public Optional<Partner> partnerOf(String userId) {
        return memberships.findByUserId(userId).map(PartnerMembership::getPartner);
    }
}
