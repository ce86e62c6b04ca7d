package com.partnerflow.security;

import java.util.Date;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The portal's login is the webapps' login (ADR 0046): the one place a person's authentication lives is the session
 * attribute Cockpit, Tasklist and Admin keep it in. Someone who logged in to Tasklist opens the portal logged in; a
 * portal login writes the same attribute, so Tasklist's links from the portal open without a second login; logging out
 * of either ends both.
 * <p>
 * On every load the authentication is revalidated the way the webapps do it (the user still exists, their groups as they
 * are now) once its cache time has passed, so an employee a partner administrator deactivated loses the portal as they
 * lose Tasklist.
 */
class CamundaSessionSecurityContext implements SecurityContextRepository {

    private static final String ENGINE = "default";

    private final ProcessEngine engine;
    private final long cacheTimeToLive;

    CamundaSessionSecurityContext(ProcessEngine engine, long cacheTimeToLive) {
        this.engine = engine;
        this.cacheTimeToLive = cacheTimeToLive;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = load(request);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        HttpSession session = request.getSession(false);
        if (session == null) {
            return context;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (cacheTimeToLive > 0) {
            // the webapps' own revalidation: drops a user who no longer exists, re-reads the groups of one who does
            AuthenticationUtil.updateCache(authentications, session, cacheTimeToLive);
        }
        UserAuthentication user = authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication found
                ? found : null;
        if (user != null) {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null,
                    user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList()));
        }
        return context;
    }

    /**
     * After a portal login: the session (already a new one, Spring Security changed its id) gets the webapps'
     * authentication of that user, with the groups and applications the webapps would compute.
     */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        HttpSession session = request.getSession(false);
        if (authentication == null || !authentication.isAuthenticated() || session == null) {
            return;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications.getAuthenticationForProcessEngine(ENGINE) != null
                && authentication.getName().equals(authentications.getAuthenticationForProcessEngine(ENGINE).getName())) {
            return;
        }
        UserAuthentication user = AuthenticationUtil.createAuthentication(engine, authentication.getName(), null, null);
        user.setCacheValidationTime(new Date(System.currentTimeMillis() + cacheTimeToLive));
        authentications.addOrReplace(user);
        AuthenticationUtil.updateSession(session, authentications);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE) != null;
    }
}
