package com.partnerflow.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one submission. Every check adds what it finds; then the submission is refused once, naming
 * them all, so that a person fixes the whole form in one go, and every door (a Tasklist form, {@code /engine-rest},
 * {@code /api}) answers the same 422 with the same words, because every door goes through the same domain check.
 */
public final class Problems {

    private final List<String> found = new ArrayList<>();

    public void add(String problem) {
        found.add(problem);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** How many problems were found so far: what one check found is what {@link #since} that count returns after it. */
    public int count() {
        return found.size();
    }

    /** The problems found after the first {@code count}, in order (a form shows them next to the field they are about). */
    public List<String> since(int count) {
        return List.copyOf(found.subList(count, found.size()));
    }

    /** A required text of at most {@code max} characters: stripped, or "" when it is missing (a problem either way). */
    public String required(String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            add("не заполнено поле «" + field + "»");
        } else {
            atMost(text, field, max);
        }
        return text;
    }

    /** An optional text of at most {@code max} characters: stripped, or null when it is missing. */
    public String optional(String value, String field, int max) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text != null) {
            atMost(text, field, max);
        }
        return text;
    }

    private void atMost(String text, String field, int max) {
        if (text.length() > max) {
            add("поле «" + field + "» длиннее " + max + " символов (" + text.length() + ")");
        }
    }

    /** Refuses the submission if anything was found: «{@code refusal}: first; second.» */
    public void refuseIfAny(String refusal) {
        if (!found.isEmpty()) {
            throw BusinessRuleViolation.invalid(refusal + ": " + String.join("; ", found) + ".");
        }
    }
}
