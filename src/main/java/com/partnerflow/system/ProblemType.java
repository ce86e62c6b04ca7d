package com.partnerflow.system;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The kinds of error an {@code /api} call can answer, each with a stable {@code type} URI
 * ({@code urn:partnerflow:problem:<kind>}, ADR 0045): a client branches on {@code type}, shows {@code detail} (Russian)
 * to a person, and reads {@code errors} ({@code [{field, message}]}) to mark the fields, where the fields are known.
 */
public enum ProblemType {

    /** The request cannot be read at all: broken JSON or multipart, a request the firewall refuses. */
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request"),
    /** A value the server can read but not accept as it stands: wrong type, outside its list, too long, missing. */
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
    /** The input is fine but the current state forbids it, or another request changed it meanwhile. */
    CONFLICT(HttpStatus.CONFLICT, "conflict"),
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "too-large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
    /** A business check failed (the same words on every door, ADR 0007). */
    BUSINESS_RULE(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal");

    static final String PREFIX = "urn:partnerflow:problem:";

    private final HttpStatus status;
    private final URI uri;

    ProblemType(HttpStatus status, String kind) {
        this.status = status;
        this.uri = URI.create(PREFIX + kind);
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    /**
     * A problem known only by its status (Spring MVC's own refusals, Tomcat's error page): the status's first kind, or
     * RFC 9457's {@code about:blank} (the status says it all) for a status no kind has.
     */
    public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : null);
        Arrays.stream(values()).filter(type -> type.status.value() == status.value()).findFirst()
                .ifPresent(type -> problem.setType(type.uri));
        return problem;
    }

    /** A problem of this kind: its status, its type, the status's reason as title, and the Russian detail. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** The same with the fields it names ({@code errors}), when there are any. */
    public ProblemDetail problem(String detail, List<InvalidField> errors) {
        ProblemDetail problem = problem(detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /**
     * The problem as JSON, for a writer outside Spring MVC (a filter, Spring Security's handlers, an error view): the
     * same shape MVC writes, no {@code null} members, {@code errors} at the top level.
     */
    public static byte[] json(ProblemDetail problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    /**
     * One field (a JSON property path such as {@code users[1].email}, a query parameter, a multipart part) and what is
     * wrong with it, in Russian.
     */
    public record InvalidField(String field, String message) {
    }
}
