package com.partnerflow.security;

import java.time.Duration;
import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: HTTP Basic against Camunda's identity service,
 *       stateless, and the engine authorizations of that user apply to everything the request does.</li>
 *   <li>{@code /camunda/**} (Cockpit, Tasklist, Admin): Camunda's own login and session, its own CSRF
 *       protection; Spring Security only adds headers, and closes Camunda Admin's initial setup
 *       ({@code /camunda/api/admin/setup/**}), which lets the first anonymous visitor create an
 *       administrator while none exists. The administrator always comes from the configuration
 *       ({@code camunda.bpm.admin-user}).</li>
 *   <li>{@code /api/catalogue} is public: anyone reads the published configurations without a login.</li>
 *   <li>OpenAPI documentation needs a login; the Actuator (metrics, info) is for operations and
 *       administrators only, its health probe is open.</li>
 *   <li>Every https response, on every path, carries HSTS: a browser that once reached the installation over
 *       https never tries plain http again. Behind a TLS-terminating load balancer the request counts as https
 *       through its {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy}). The cookies' Secure flag is
 *       configuration ({@code application.yaml}), relaxed only in the demo profile.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final long HSTS_MAX_AGE = Duration.ofDays(365).toSeconds();

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
                                    CamundaIdentityAuthenticationProvider provider) throws Exception {
        ProblemResponses problems = new ProblemResponses("PartnerFlow");
        return http
                // path matchers, not MVC matchers: /engine-rest is served by Jersey, outside the DispatcherServlet
                .securityMatcher(paths("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html", "/actuator/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        // «Готовые решения», the public catalogue of published configurations (only GET is mapped)
                        .requestMatchers(paths("/api/catalogue", "/api/catalogue/**")).permitAll()
                        // metrics tell a lot about the installation and the load; the authorities are Camunda group ids
                        .requestMatchers(paths("/actuator/**")).hasAnyAuthority(Groups.OPS, Groups.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic authentication: no cookie a browser could replay, so no CSRF token needed
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.httpStrictTransportSecurity(SecurityConfiguration::hsts))
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /** Only on https requests (a browser ignores it over http anyway), for the host and its subdomains. */
    private static void hsts(HeadersConfigurer<HttpSecurity>.HstsConfig hsts) {
        hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE);
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
