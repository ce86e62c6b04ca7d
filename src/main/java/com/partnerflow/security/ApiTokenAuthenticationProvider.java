package com.partnerflow.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Accepts an API token: one looked up by its hash, not revoked, whose creator still works for its partner. Never
 * calls the identity service's password check, so a wrong token cannot lock anybody out (ADR 0040). Not a bean: only
 * the token filter's own manager holds it, and the Basic login's manager never sees a token.
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokenService tokens;

    ApiTokenAuthenticationProvider(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ApiTokenSecret secret = ApiTokenSecret.parse(((ApiTokenAuthentication) authentication).getCredentials());
        if (secret == null) {
            throw new ApiTokenAuthentication.Refused("Токен API не распознан: передайте его целиком, как он был выдан "
                    + "(Authorization: Bearer pf_…).");
        }
        return tokens.authenticate(secret);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
