package com.partnerflow.system;

/**
 * A request that breaks a business rule. The message is Russian and is shown to the person as it
 * is (Tasklist shows it on the form, the API returns it as the {@code detail} of a ProblemDetail),
 * so it must name the problem without internals. Throwing it rolls back everything the request did.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final Kind kind;

    public enum Kind {
        /** The input is wrong (422). */
        INVALID,
        /** The input is fine but the current state forbids it (409). */
        CONFLICT,
        /** Not found, or not visible to the caller (404). */
        NOT_FOUND,
        /** The caller may not do this (403). */
        FORBIDDEN
    }

    public BusinessRuleViolation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(Kind.INVALID, message);
    }

    public static BusinessRuleViolation conflict(String message) {
        return new BusinessRuleViolation(Kind.CONFLICT, message);
    }

    public static BusinessRuleViolation notFound(String message) {
        return new BusinessRuleViolation(Kind.NOT_FOUND, message);
    }

    public static BusinessRuleViolation forbidden(String message) {
        return new BusinessRuleViolation(Kind.FORBIDDEN, message);
    }

    /** The HTTP status this refusal answers, on {@code /api} and on the pages for people alike. */
    public org.springframework.http.HttpStatus status() {
        return ApiExceptionHandler.statusOf(kind);
    }

    public Kind kind() {
        return kind;
    }
}
