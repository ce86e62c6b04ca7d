package com.partnerflow.partner;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;

/**
 * A partner's profile as {@code GET /api/partners/{code}} and the portal's «Профиль» show it: the details, the status
 * «1С:ЦСК», the sublicense discount, the certification, the restricted applications it may serve, and its open request
 * to change the details. Its own employees and the vendor's people read it; anyone else gets 404.
 */
@Service
public class PartnerProfiles {

    /** A restricted application and whether this partner is listed for it. */
    public record Restriction(String name, String note, boolean listed) {
    }

    /** The profile: the partner, its restricted applications, its open change request if any. */
    public record Profile(Partner partner, List<Restriction> restrictions, Optional<ProfileChange> openChange) {
    }

    private final PartnerService partners;
    private final ApplicationRestrictions restrictions;
    private final ProfileChangeService changes;

    PartnerProfiles(PartnerService partners, ApplicationRestrictions restrictions, ProfileChangeService changes) {
        this.partners = partners;
        this.restrictions = restrictions;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public Profile of(String code, Caller caller) {
        Partner partner = partners.readable(code, caller);
        List<Restriction> listed = restrictions.list().stream()
                .map(application -> new Restriction(application.getName(), application.getNote(), application.authorizes(partner)))
                .toList();
        return new Profile(partner, listed, changes.openOf(partner));
    }
}
