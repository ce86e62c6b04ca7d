package com.partnerflow.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An employee «специального типа» of a configuration account: a name only, no e-mail, no login. The manager
 * uses such employees to try the configuration in its roles (seed 000).
 */
@Embeddable
public class SpecialEmployee {

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected SpecialEmployee() {
    }

    SpecialEmployee(String name, Instant addedAt) {
        this.name = name;
        this.addedAt = addedAt;
    }

    public String getName() {
        return name;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
