package com.partnerflow.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A user the client plans to connect in multi-user mode: a row of the application's list, and an
 * element of the list variable that the Camunda Form's dynamic list submits ({@code name}, {@code email}).
 */
@Embeddable
public record PlannedUser(@Column(name = "full_name", nullable = false) String name,
                          @Column(nullable = false) String email) {

    /** Trimmed, e-mail in lower case: how the list is stored and compared. */
    PlannedUser normalized() {
        return new PlannedUser(name == null ? null : name.strip().replaceAll("\\s+", " "),
                email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
