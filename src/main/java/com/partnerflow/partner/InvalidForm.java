package com.partnerflow.partner;

import java.util.Map;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * A refusal that names its fields: the API answers its whole message (422, or 409 for a name that is taken), the portal
 * shows each field's problem next to the field.
 */
public final class InvalidForm extends BusinessRuleViolation {

    private final transient Map<String, String> fields;

    InvalidForm(Kind kind, String refusal, Map<String, String> fields) {
        super(kind, refusal + ": " + String.join("; ", fields.values()) + ".");
        this.fields = Map.copyOf(fields);
    }

    /** Each field's problem, by the field's name in the API's body (and the portal form's). */
    public Map<String, String> fields() {
        return fields;
    }
}
