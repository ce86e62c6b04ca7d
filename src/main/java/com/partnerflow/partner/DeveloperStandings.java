package com.partnerflow.partner;

import java.util.Collection;
import java.util.Map;

/**
 * Where each employee stands as an extension developer, for the team list (ADR 0047). The developer feature knows it
 * and plugs it in here, since it depends on this package and not the other way round.
 */
public interface DeveloperStandings {

    /** A developer authorization's status, its code ({@code ACTIVE}) and what people read («Действует»). */
    record Standing(String status, String label) {
    }

    /** The latest developer authorization (or request) of each of the partner's employees who has one, by user id. */
    Map<String, Standing> of(Partner partner, Collection<String> userIds);
}
