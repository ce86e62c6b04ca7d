package com.partnerflow.reporting;

import java.util.List;
import java.util.Objects;

import com.partnerflow.system.BusinessRuleViolation;

/** An application as submitted, unchecked (the Tasklist start form, {@code /engine-rest} or {@code /api}). */
public record SubmitApplication(String subscriberNumber, String organizationName, String inn, String kpp,
                                boolean multiUserMode, List<PlannedUser> users, String signatureOwner,
                                List<SignatureRole> signatureRoles) {

    public SubmitApplication {
        // List.copyOf throws a NullPointerException (a 500) on an empty row such as "users": [null]
        if (users != null && users.stream().anyMatch(Objects::isNull)) {
            throw BusinessRuleViolation.invalid("Заявление не принято: в списке пользователей есть пустые строки, удалите их.");
        }
        if (signatureRoles != null && signatureRoles.stream().anyMatch(Objects::isNull)) {
            throw BusinessRuleViolation.invalid("Заявление не принято: в списке ролей владельца КЭП есть пустые значения, удалите их.");
        }
        users = users == null ? List.of() : List.copyOf(users);
        signatureRoles = signatureRoles == null ? List.of() : List.copyOf(signatureRoles);
    }
}
