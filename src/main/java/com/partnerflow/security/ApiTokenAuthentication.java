package com.partnerflow.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A request authenticated with an API token ({@code Authorization: Bearer pf_…}, ADR 0040): first the token as
 * presented, then, once {@link ApiTokenAuthenticationProvider} accepted it, its creator with no more than the
 * partner's two groups. Also the Spring Security pieces that read it: the converter and the filter built from them.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private static final String BEARER = "Bearer ";

    private transient String presented;
    private final String userId;
    private final Long tokenId;

    private ApiTokenAuthentication(String presented) {
        super(null);
        this.presented = presented;
        this.userId = null;
        this.tokenId = null;
    }

    private ApiTokenAuthentication(long tokenId, String userId, String partnerCode) {
        super(List.of(new SimpleGrantedAuthority(Groups.PARTNERS), new SimpleGrantedAuthority(Groups.PARTNER_PREFIX + partnerCode)));
        this.presented = null;
        this.userId = userId;
        this.tokenId = tokenId;
        super.setAuthenticated(true);
    }

    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(token);
    }

    /** The token's creator, acting for its partner with the groups {@code partners} and {@code partner-<CODE>} only. */
    static ApiTokenAuthentication accepted(long tokenId, String creator, String partnerCode) {
        return new ApiTokenAuthentication(tokenId, creator, partnerCode);
    }

    /** Whether the current request was authenticated with a token rather than a person's own login. */
    static boolean isToken(Authentication authentication) {
        return authentication instanceof ApiTokenAuthentication;
    }

    @Override
    public String getCredentials() {
        return presented;
    }

    /** The user the token acts as: its creator (the engine records them as whoever completes a task). */
    @Override
    public String getPrincipal() {
        return userId;
    }

    Long tokenId() {
        return tokenId;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Only ApiTokenAuthenticationProvider accepts a token");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        presented = null;
        super.eraseCredentials();
    }

    /** A token refused: unknown, revoked, or its creator no longer works for the partner. Its message is for the client. */
    static final class Refused extends BadCredentialsException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The filter that authenticates {@code Authorization: Bearer} on {@code apis}: Spring Security's own
     * {@link AuthenticationFilter} with a manager that knows tokens only, so a token never reaches the password check
     * (and never counts as a failed login of anyone). A request without a bearer token passes untouched; a refused
     * token is a 401 problem naming why.
     */
    static AuthenticationFilter filter(ApiTokenAuthenticationProvider provider, RequestMatcher apis) {
        AuthenticationConverter bearer = request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? presented(header.substring(BEARER.length()).strip())
                    : null;
        };
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider), bearer);
        filter.setRequestMatcher(apis);
        // no redirect, no session: the request simply goes on as the token's user
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(ApiTokenAuthentication::refuse);
        return filter;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"PartnerFlow\", error=\"invalid_token\"");
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, exception instanceof Refused
                ? exception.getMessage()
                : "Токен API не принят.");
    }
}
