package com.partnerflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person logged in to Tasklist open read-only {@code /api} links from a task form (the
 * client's letter, say) without logging in a second time. Only safe methods (GET, HEAD) accept the
 * webapp session; everything that changes state needs HTTP Basic, so a forged cross-site request
 * cannot change anything. Only {@code /api/**} and the request pages for people ({@code /requests/**}) accept it:
 * the rest of the API chain ({@code /engine-rest}, the Actuator, the OpenAPI documentation) is for REST clients with
 * their own credentials, and a browser session must not open it to a page in another tab.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    private static final RequestMatcher API = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            SecurityConfiguration.REQUEST_PAGES);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean safeMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (session != null && safeMethod && API.matches(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            authentications.getAuthentications().stream()
                    .filter(user -> ENGINE.equals(user.getProcessEngineName()))
                    .findFirst()
                    .ifPresent(user -> SecurityContextHolder.getContext().setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user.getName(), null,
                                    user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList())));
        }
        chain.doFilter(request, response);
    }
}
