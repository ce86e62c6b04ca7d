package com.partnerflow.developer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.partner.DeveloperStandings;
import com.partnerflow.partner.Partner;

/** Each employee's latest developer authorization, for the partner's team list (ADR 0047). */
@Component
class DeveloperTeamStandings implements DeveloperStandings {

    private final DeveloperAuthorizations authorizations;

    DeveloperTeamStandings(DeveloperAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Standing> of(Partner partner, Collection<String> userIds) {
        Map<String, Standing> standings = new HashMap<>();
        if (!userIds.isEmpty()) {
            authorizations.findNewestFirst(partner, userIds).forEach(authorization -> standings.putIfAbsent(authorization.getDeveloper(),
                    new Standing(authorization.getStatus().name(), authorization.getStatus().label())));
        }
        return standings;
    }
}
