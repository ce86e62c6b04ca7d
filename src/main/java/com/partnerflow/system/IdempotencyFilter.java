package com.partnerflow.system;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;


import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/**
 * {@code Idempotency-Key} on every {@code POST} under {@code /api} (IETF httpapi draft
 * «The Idempotency-Key HTTP Header Field»): a client that repeats a submission with the same key — a retry
 * after a timeout, a double click — gets the first answer again (status, {@code Location}, body) instead of a
 * second request and a second process instance.
 * <p>
 * The key is taken in the request's own transaction: this filter opens it, inserts the key (unique per caller
 * and key), lets the controller run inside it (the domain services and the engine join it), stores the answer
 * and commits; the client sees the answer only after that commit. A rejected request (any non-2xx) rolls back
 * with its key, so it can be retried with the same key. A twin arriving while the first runs collides with the
 * uncommitted key: it waits for the first and replays it (PostgreSQL), or gets a 409 «ещё обрабатывается»
 * (H2, which does not wait on a unique index). The same key with another body is a 422; keys of different
 * callers never meet. Without the header nothing changes.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY = 255;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotencyFilter(IdempotencyKeys keys, TransactionTemplate transaction, Clock clock) {
        this.keys = keys;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response); // the public catalogue; /api is otherwise closed before this filter
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            String detail = "Заголовок Idempotency-Key должен быть непустой строкой не длиннее " + MAX_KEY + " символов.";
            write(response, ProblemType.INVALID_INPUT.problem(detail, List.of(new ProblemType.InvalidField(HEADER, detail))));
            return;
        }
        RequestFingerprint fingerprinted = RequestFingerprint.of(request);
        if (fingerprinted == null) {
            chain.doFilter(request, response); // unreadable: the controller answers it with its own 4xx
            return;
        }
        String caller = authentication.getName();
        Optional<IdempotencyKey> earlier = keys.findByCallerAndKey(caller, key);
        if (earlier.isPresent()) {
            replay(earlier.get(), fingerprinted.hash(), response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            transaction.executeWithoutResult(status -> {
                IdempotencyKey taken = take(new IdempotencyKey(caller, key, fingerprinted.hash(), clock.instant()));
                run(chain, fingerprinted.request(), answer);
                if (answer.getStatus() / 100 == 2) {
                    taken.answered(answer.getStatus(), answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                            answer.getContentAsByteArray());
                    keys.flush();
                } else {
                    status.setRollbackOnly(); // a rejected request leaves nothing behind, not even its key
                }
            });
        } catch (KeyTaken twin) {
            Optional<IdempotencyKey> first = keys.findByCallerAndKey(caller, key);
            if (first.isPresent()) {
                replay(first.get(), fingerprinted.hash(), response);
            } else {
                problem(response, HttpStatus.CONFLICT, "Запрос с этим ключом ещё обрабатывается. Повторите его немного позже.");
            }
            return;
        } catch (RuntimeException failedToCommit) {
            if (failedToCommit.getCause() instanceof ServletException servletFailure) {
                throw servletFailure;
            }
            if (failedToCommit.getCause() instanceof IOException ioFailure) {
                throw ioFailure;
            }
            // the answer was ready but the transaction did not commit: nothing happened, the client may retry
            log.warn("Request {} with an idempotency key did not commit", request.getRequestURI(), failedToCommit);
            answer.resetBuffer();
            response.reset();
            if (failedToCommit instanceof ConcurrencyFailureException) {
                problem(response, HttpStatus.CONFLICT,
                        "Запрос изменён другим пользователем одновременно с вами. Обновите данные и повторите.");
            } else {
                problem(response, HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервера. Повторите попытку позже.");
            }
            return;
        }
        answer.copyBodyToResponse();
    }

    /** Inserts the key now, so that a concurrent twin meets it on the unique index. */
    private IdempotencyKey take(IdempotencyKey key) {
        try {
            return keys.saveAndFlush(key);
        } catch (DataAccessException collision) {
            throw new KeyTaken(collision);
        }
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new IllegalStateException(e); // unwrapped again outside the transaction
        }
    }

    private void replay(IdempotencyKey earlier, String hash, HttpServletResponse response) throws IOException {
        if (!earlier.isFor(hash)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "Ключ Idempotency-Key уже использован для другого запроса: "
                    + "для нового запроса возьмите новый ключ.");
            return;
        }
        response.setStatus(earlier.getResponseStatus());
        if (earlier.getContentType() != null) {
            response.setContentType(earlier.getContentType());
        }
        if (earlier.getLocation() != null) {
            response.setHeader(HttpHeaders.LOCATION, earlier.getLocation());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(earlier.getResponseBody().length);
        response.getOutputStream().write(earlier.getResponseBody());
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, ProblemType.forStatus(status, detail));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(ProblemType.json(problem));
    }

    /** Another request with the same caller and key holds or has committed the key. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken(Throwable cause) {
            super(cause);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** After Spring Security's filter chain: the caller is known, and anonymous calls get their 401 first. */
        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, TransactionTemplate transaction,
                                                                    Clock clock) {
            FilterRegistrationBean<IdempotencyFilter> registration =
                    new FilterRegistrationBean<>(new IdempotencyFilter(keys, transaction, clock));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
            return registration;
        }

        /** Documents the header on every POST of the OpenAPI description. */
        @Bean
        OperationCustomizer idempotencyKeyHeader() {
            return (operation, handler) -> {
                if (handler.hasMethodAnnotation(PostMapping.class)) {
                    operation.addParametersItem(new HeaderParameter().name(HEADER).required(false)
                            .schema(new StringSchema().maxLength(MAX_KEY))
                            .description("""
                                    A key the client chooses for this submission (e.g. a UUID), to retry it safely: the same \
                                    caller sending the same key with the same request within 24 hours gets the first answer \
                                    again (same status, Location and body, header Idempotent-Replayed: true) and nothing is \
                                    submitted twice. The same key with a different request: 422. While the first request \
                                    with the key still runs: its answer, or 409. A refused request (4xx) does not use up its key."""));
                }
                return operation;
            };
        }
    }
}
