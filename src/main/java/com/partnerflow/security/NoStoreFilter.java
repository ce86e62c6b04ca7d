package com.partnerflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer of the engine's REST APIs ({@code /engine-rest}, the webapps' {@code /camunda/api}) says
 * {@code Cache-Control: no-store}: they carry a partner's requests and tasks, which no browser or proxy may keep.
 * Camunda sets {@code no-cache} itself (which allows storing), and Spring Security then leaves the header alone, so
 * this one is set first and Camunda's is ignored. {@code /api} gets Spring Security's {@code no-store} already.
 */
class NoStoreFilter extends OncePerRequestFilter {

    static final String NO_STORE = "no-store";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Right after Spring Security's filter chain, whose own header writer then finds the header set. */
        @Bean
        FilterRegistrationBean<NoStoreFilter> noStoreFilter(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
            FilterRegistrationBean<NoStoreFilter> registration = new FilterRegistrationBean<>(new NoStoreFilter());
            registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
            return registration;
        }
    }
}
