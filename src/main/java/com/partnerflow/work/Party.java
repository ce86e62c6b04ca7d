package com.partnerflow.work;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import com.partnerflow.security.Groups;

/** Who must act on a request now: read from the candidate groups of its open tasks. */
@Schema(description = "Кто должен действовать: PARTNER — партнер, VENDOR — сотрудники фирмы, CLIENT — клиент, "
        + "FINANCE — финансовая служба, AUDITOR — аудиторы доработок, MODERATOR — модераторы конфигураций")
public enum Party {
    PARTNER, VENDOR, CLIENT, FINANCE, AUDITOR, MODERATOR;

    /** The parties of a task's candidate groups; a group of none of them (an administrator's) adds nothing. */
    public static Set<Party> of(Collection<String> groups) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        for (String group : groups) {
            if (group.startsWith(RequestSnapshot.PARTNER_GROUP)) {
                parties.add(PARTNER);
            } else if (group.startsWith(RequestSnapshot.CLIENT_GROUP)) {
                parties.add(CLIENT);
            } else {
                switch (group) {
                    case Groups.VENDOR_STAFF -> parties.add(VENDOR);
                    case Groups.FINANCE -> parties.add(FINANCE);
                    case Groups.AUDITORS, Groups.AUDIT_LEADS -> parties.add(AUDITOR);
                    case Groups.MODERATORS -> parties.add(MODERATOR);
                    default -> {
                    }
                }
            }
        }
        return parties;
    }
}
