package com.partnerflow.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: HTTP Basic against Camunda's identity service,
 *       stateless, and the engine authorizations of that user apply to everything the request does.</li>
 *   <li>{@code /api/**} also takes a partner's API token ({@code Authorization: Bearer pf_…}, ADR 0040): it acts as its
 *       creator with the partner's two groups only, and is checked by its own manager, never by the password check.
 *       Nowhere else: {@code /engine-rest}, the webapps, the Actuator and the OpenAPI documentation answer a token 401.</li>
 *   <li>{@code /camunda/**} (Cockpit, Tasklist, Admin): Camunda's own login and session, its own CSRF
 *       protection; Spring Security only adds headers, and closes Camunda Admin's initial setup
 *       ({@code /camunda/api/admin/setup/**}), which lets the first anonymous visitor create an
 *       administrator while none exists. The administrator always comes from the configuration
 *       ({@code camunda.bpm.admin-user}).</li>
 *   <li>{@code /requests/**}, the request pages for people linked from the task forms: the Tasklist session (GET), or
 *       HTTP Basic; without either, a person is sent to Tasklist's login rather than shown JSON.</li>
 *   <li>{@code /portal/**}, the partner portal (ADR 0046): the webapps' login and session
 *       ({@link CamundaSessionSecurityContext}), its own login page for people who start there, Spring Security's CSRF
 *       protection on every form, a strict Content-Security-Policy (scripts and styles from this server only). The
 *       libraries it loads ({@code /webjars/**}) are public files.</li>
 *   <li>{@code /api/catalogue} is public: anyone reads the published configurations without a login.</li>
 *   <li>OpenAPI documentation needs a login; the Actuator (metrics, info) is for operations and
 *       administrators only, its health probe is open.</li>
 *   <li>Everything else outside the webapps needs a login too: a path nobody thought about is closed by default
 *       (the OpenAPI document as {@code /v3/api-docs.yaml} was open when the chain listed its paths one by one).</li>
 *   <li>What the engine's REST APIs and the webapps' plugin APIs allow each person is decided in front of Camunda by
 *       {@link EngineRequestGuard} ({@code docs/security.md}).</li>
 *   <li>Swagger UI runs under a Content-Security-Policy; a method the firewall refuses (TRACE) is a 405.</li>
 *   <li>Every https response, on every path, carries HSTS: a browser that once reached the installation over
 *       https never tries plain http again. Behind a TLS-terminating load balancer the request counts as https
 *       through its {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy}). The cookies' Secure flag is
 *       configuration ({@code application.yaml}), relaxed only in the demo profile.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final long HSTS_MAX_AGE = Duration.ofDays(365).toSeconds();
    /** What {@code StrictHttpFirewall} lets through by default. */
    private static final List<String> FIREWALL_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    /** Swagger UI's page loads its own scripts and styles; the specification comes from this server. */
    private static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /** The portal's pages allow scripts and styles from this server only; no inline script, no foreign origin. */
    private static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /** The partner portal (ADR 0046) and the libraries its pages load. */
    static final RequestMatcher PORTAL = paths("/portal", "/portal/**", "/webjars/**");

    /** The request pages for people (ADR 0038); a person who is not logged in is sent to Tasklist. */
    static final RequestMatcher REQUEST_PAGES = PathPatternRequestMatcher.withDefaults().matcher("/requests/**");

    @Bean
    @Order(0)
    SecurityFilterChain portalSecurity(HttpSecurity http, ProcessEngine engine, CamundaIdentityAuthenticationProvider provider,
                                       IdentityService identityService,
                                       @Value("${camunda.bpm.webapp.auth.cache.time-to-live:300000}") long cacheTimeToLive)
            throws Exception {
        return http
                .securityMatcher(PORTAL)
                .authenticationProvider(provider)
                .securityContext(context -> context.securityContextRepository(new CamundaSessionSecurityContext(engine, cacheTimeToLive)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/portal/login", "/portal/assets/**", "/webjars/**")).permitAll()
                        // a new employee's invitation link (ADR 0047): its secret is the credential, it sets the first password
                        .requestMatchers(paths("/portal/invitation/**")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/portal/login").defaultSuccessUrl("/portal", true)
                        .failureUrl("/portal/login?error"))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .headers(headers -> headers.httpStrictTransportSecurity(SecurityConfiguration::hsts)
                        .frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(policy -> policy.policyDirectives(PORTAL_POLICY)))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
                                    CamundaIdentityAuthenticationProvider provider, ApiTokenService apiTokens,
                                    @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
        ProblemResponses problems = new ProblemResponses("PartnerFlow", paths("/api/**", "/engine-rest/**", "/actuator/**",
                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html"));
        AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
            if (REQUEST_PAGES.matches(request)) {
                response.sendRedirect(request.getContextPath() + webappPath + "/app/tasklist/");
            } else {
                problems.commence(request, response, exception);
            }
        };
        return http
                // everything but the webapps; path matchers, not MVC matchers: /engine-rest is served by Jersey
                .securityMatcher(new NegatedRequestMatcher(webapps(webappPath)))
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        // «Готовые решения», the public catalogue of published configurations (only GET is mapped)
                        .requestMatchers(paths("/api/catalogue", "/api/catalogue/**")).permitAll()
                        // metrics tell a lot about the installation and the load; the authorities are Camunda group ids
                        .requestMatchers(paths("/actuator/**")).hasAnyAuthority(Groups.OPS, Groups.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems))
                // stateless, and a Tasklist session that opens a read-only link (WebappSessionAuthenticationFilter) keeps its
                // id: a new id would leave the Tasklist tab with a dead session, and log its user out
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // stateless Basic authentication: no cookie a browser could replay, so no CSRF token needed
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.httpStrictTransportSecurity(SecurityConfiguration::hsts)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(paths("/swagger-ui/**", "/swagger-ui.html"),
                                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_POLICY))))
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(ApiTokenAuthentication.filter(new ApiTokenAuthenticationProvider(apiTokens), paths("/api/**")),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * A method Spring Security's firewall does not allow (TRACE, or anything unknown) is a 405 with the methods that
     * are, on every path; any other rejection (a {@code ;} in the path, say) is the firewall's usual 400, as a problem on
     * {@code /api}.
     */
    @Bean
    RequestRejectedHandler methodNotAllowed() {
        RequestRejectedHandler badRequest = new HttpStatusRequestRejectedHandler();
        return (request, response, rejection) -> {
            String path = request.getRequestURI().substring(Math.min(request.getContextPath().length(), request.getRequestURI().length()));
            if (FIREWALL_METHODS.contains(request.getMethod()) && (path.equals("/api") || path.startsWith("/api/"))) {
                // /api answers problems only (ADR 0045), not Spring Boot's error map
                ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Неверный формат запроса.");
                return;
            }
            if (FIREWALL_METHODS.contains(request.getMethod())) {
                badRequest.handle(request, response, rejection);
                return;
            }
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", FIREWALL_METHODS));
            ProblemResponses.write(response, HttpStatus.METHOD_NOT_ALLOWED, "Метод " + StringUtils.truncate(request.getMethod(), 20)
                    + " не поддерживается.");
        };
    }

    /** Only on https requests (a browser ignores it over http anyway), for the host and its subdomains. */
    private static void hsts(HeadersConfigurer<HttpSecurity>.HstsConfig hsts) {
        hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE);
    }

    /**
     * The webapps (Cockpit, Tasklist, Admin) with their own login; the embedded task forms Tasklist loads from
     * {@code /forms} (static HTML: what they show comes through the APIs) and the first-visit page it looks for
     * ({@code /camunda-welcome}, which we do not have); the root that redirects to the webapps; the error page.
     */
    private static RequestMatcher webapps(String webappPath) {
        return paths(webappPath + "/**", "/forms/*.html", "/camunda-welcome", "/", "/error");
    }

    private static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList());
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http,
                                       @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath)
            throws Exception {
        return http
                .securityMatcher(webapps(webappPath))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths(webappPath + "/api/admin/setup/**")).denyAll()
                        .anyRequest().permitAll())
                // the Camunda webapps authenticate with their own session and protect it with their own CSRF filter
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .httpStrictTransportSecurity(SecurityConfiguration::hsts))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }
}
