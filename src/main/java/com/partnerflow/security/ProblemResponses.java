package com.partnerflow.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.partnerflow.system.ProblemType;

/**
 * The 401 and 403 of {@code /api}, {@code /engine-rest} and the Actuator written as a {@link ProblemDetail} right
 * here. Spring Security's own entry point calls {@code sendError}, whose error dispatch renders Spring Boot's HTML
 * «Whitelabel Error Page» to a client that accepts {@code text/html}; an API answers JSON whatever it is asked for.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String realm;
    private final RequestMatcher basicApis;

    /**
     * @param basicApis where a client is asked for HTTP Basic credentials ({@code WWW-Authenticate}); anywhere else a
     *                  401 carries no challenge, so that a browser's own request for a path no API lives at (its
     *                  {@code /favicon.ico} on a Tasklist page) never pops up a login dialog over the webapps
     */
    ProblemResponses(String realm, RequestMatcher basicApis) {
        this.realm = realm;
        this.basicApis = basicApis;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (basicApis.matches(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "Требуется вход: укажите имя пользователя и пароль (HTTP Basic).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Недостаточно прав для этого действия.");
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemType.forStatus(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(ProblemType.json(problem));
    }
}
