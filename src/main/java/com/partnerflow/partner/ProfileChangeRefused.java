package com.partnerflow.partner;

import java.util.Map;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * A request to change the details refused for its input (422): the message names every problem, as every door shows
 * it; {@link #fieldErrors} keeps each problem by its field, so the portal's form shows it next to that field.
 */
public class ProfileChangeRefused extends BusinessRuleViolation {

    private final Map<String, String> fieldErrors;

    ProfileChangeRefused(String message, Map<String, String> fieldErrors) {
        super(Kind.INVALID, message);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** The problem of each field, by its name in {@link ProposeProfileChange}. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
