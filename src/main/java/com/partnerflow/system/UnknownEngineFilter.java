package com.partnerflow.system;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A webapp's page for an engine that does not exist is a 404. Camunda's {@code ProcessEnginesFilter} reads the segment
 * after the webapp's name as an engine name, so {@code /camunda/app/tasklist/scripts/} (a folder of Tasklist's) asks for
 * engine «scripts», and its telemetry hook fails on the missing engine: a 500 with a stack trace in the log, for anyone,
 * without a login.
 */
class UnknownEngineFilter extends OncePerRequestFilter {

    /** {@code /app/{webapp}/{engine}} with nothing after it but a slash or Camunda's setup page: what serves an index page. */
    private static final Pattern INDEX_PAGE = Pattern.compile("/app/[\\w-]+/([\\w-]+)/?(?:setup/?)?");

    private final String webappPath;

    UnknownEngineFilter(String webappPath) {
        this.webappPath = webappPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher page = path.startsWith(webappPath + "/") ? INDEX_PAGE.matcher(path.substring(webappPath.length())) : null;
        if (page != null && page.matches() && !ProcessEngines.getProcessEngines().containsKey(page.group(1))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Before Camunda's webapp filters. */
        @Bean
        FilterRegistrationBean<UnknownEngineFilter> unknownEngineFilter(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
            FilterRegistrationBean<UnknownEngineFilter> registration = new FilterRegistrationBean<>(new UnknownEngineFilter(webappPath));
            registration.addUrlPatterns(webappPath + "/app/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
