package com.partnerflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Every answer of {@code /api} that a test receives, whatever client it used, is validated against the OpenAPI
 * document the application publishes ({@code /v3/api-docs}) with Atlassian's swagger-request-validator: a status the
 * operation does not document, a body that does not match its schema, a wrong content type or a missing
 * {@code Location} fails the test that made the call (ADR 0045). Only a path or method the document does not have at all
 * (a 404 for {@code /api/nothing}, a 405) is outside it.
 */
public final class ContractValidation {

    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static volatile OpenApiInteractionValidator validator;

    private ContractValidation() {
    }

    /** The application's document, as an integrator downloads it. */
    public static String document(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v3/api-docs: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** What the exchange breaks in the document, or an empty report. */
    public static ValidationReport validate(int port, String method, String path, int status, String contentType,
                                            byte[] body, String location) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && body.length > 0) {
            response.withBody(body);
        }
        if (location != null) {
            response.withHeader("Location", location);
        }
        return validator(port).validateResponse(path, Request.Method.valueOf(method), response.build());
    }

    private static OpenApiInteractionValidator validator(int port) {
        if (validator == null) {
            synchronized (ContractValidation.class) {
                if (validator == null) {
                    try {
                        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document(port))
                                .withLevelResolver(LevelResolver.create()
                                        // an operation the document does not have: nothing to check it against
                                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                                        .build())
                                .build();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return validator;
    }

    /** Registered by {@link IntegrationTest}: the filter, outermost, for the request and its error dispatch. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Filter {

        @Bean
        FilterRegistrationBean<ValidatingFilter> contractValidationFilter() {
            FilterRegistrationBean<ValidatingFilter> registration = new FilterRegistrationBean<>(new ValidatingFilter());
            registration.addUrlPatterns("/api/*", "/error");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** Fails each test with the violations its own calls caused. */
    public static class Check implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            VIOLATIONS.clear();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            List<String> found;
            synchronized (VIOLATIONS) {
                found = List.copyOf(VIOLATIONS);
                VIOLATIONS.clear();
            }
            if (!found.isEmpty()) {
                throw new AssertionError("Answers of /api that do not match the OpenAPI document (docs/openapi.json, "
                        + "ADR 0045): fix the code or the document, never the check\n" + String.join("\n", found));
            }
        }
    }

    static final class ValidatingFilter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean error = request.getDispatcherType() == DispatcherType.ERROR;
            String path = error ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
            if (path == null || !(path.equals("/api") || path.startsWith("/api/"))) {
                chain.doFilter(request, response);
                return;
            }
            Recording recording = new Recording(response);
            try {
                chain.doFilter(request, recording);
            } finally {
                if (!recording.errorSent) {
                    check(request, path, recording);
                }
                recording.copyBodyToResponse();
            }
        }

        private static void check(HttpServletRequest request, String path, Recording response) {
            String method = request.getMethod();
            if (method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
                return;
            }
            ValidationReport report;
            try {
                report = validate(request.getLocalPort(), method, path, response.getStatus(), response.getContentType(),
                        response.getContentAsByteArray(), response.getHeader("Location"));
            } catch (IllegalArgumentException unknownMethod) {
                return;
            }
            if (report.hasErrors()) {
                String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
                VIOLATIONS.add(method + " " + path + " → " + response.getStatus() + " " + response.getContentType() + " "
                        + (body.length() > 500 ? body.substring(0, 500) + "…" : body) + "\n  "
                        + String.join("\n  ", report.getMessages().stream()
                        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                        .map(ValidationReport.Message::toString).toList()));
            }
        }
    }

    /** The answer as written, and whether it went to the container's error page (checked on that dispatch instead). */
    private static final class Recording extends ContentCachingResponseWrapper {

        private boolean errorSent;

        Recording(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            errorSent = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            errorSent = true;
            super.sendError(status, message);
        }
    }
}
