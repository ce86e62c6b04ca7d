package com.partnerflow.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.system.CachedBodyRequest;

/**
 * Closes two holes of the Camunda 7 Community Edition REST API, in {@code /engine-rest} and in the webapps'
 * engine API ({@code /camunda/api/engine}, used by Tasklist). Camunda fixes them only in the paid editions,
 * so a filter in front of the API refuses such requests before Camunda reads them:
 * <ol>
 *   <li><b>Expressions in {@code orQueries} (CVE-2026-109432).</b> Ad-hoc task queries may not carry JUEL
 *       expressions, but {@code TaskQueryDto.applyFilters} builds every or-query with {@code new TaskQueryImpl()},
 *       which skips that check: any logged-in user can have {@code assigneeExpression} and the like evaluated
 *       on the server, i.e. run arbitrary code. Reachable through task queries and counts, filter
 *       list/count/singleResult (extending query) and filter create/update, so any body is checked.</li>
 *   <li><b>Starting at an arbitrary activity.</b> CREATE_INSTANCE alone lets a caller start an instance with
 *       {@code startInstructions}, {@code skipCustomListeners} or {@code skipIoMappings}, skipping the start
 *       listener that validates a partner's submission.</li>
 * </ol>
 * The body is read once (at most {@value #MAX_BODY} bytes), inspected, and handed on as a copy. Bodies Jackson
 * cannot parse pass through: Camunda parses them with the same defaults and rejects them itself. Duplicate keys
 * keep the last value both here and in Camunda's DTOs.
 */
class EngineRequestGuard extends OncePerRequestFilter {

    static final int MAX_BODY = 20 * 1024 * 1024;
    private static final Pattern START = Pattern.compile("(?i).*/process-definition/.+/(start|submit-form)/?");
    /** Never JSON to Camunda (deployments, file variables); reading them here would also break parameter parsing. */
    private static final Set<String> NOT_JSON = Set.of("multipart/form-data", "application/x-www-form-urlencoded");
    private static final ObjectMapper JSON = new ObjectMapper(); // like Camunda's JacksonConfigurator: parser defaults

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasOrQueriesParameter(request.getQueryString())) {
            reject(response, 400, "Параметр orQueries в адресе запроса не поддерживается: передайте условия в теле POST-запроса.");
            return;
        }
        String mediaType = Objects.toString(request.getContentType(), "").split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (NOT_JSON.contains(mediaType)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getContentLengthLong() > MAX_BODY ? null : request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body == null || body.length > MAX_BODY) {
            reject(response, 413, "Запрос слишком большой: допускается не более 20 МБ.");
            return;
        }
        JsonNode json = parse(body);
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), ""); // decoded, normalized
        if (expressionInOrQueries(json, false)) {
            reject(response, 400, "Выражения (параметры …Expression) в условиях orQueries запрещены: укажите значения явно.");
        } else if (START.matcher(path).matches() && startsElsewhere(json)) {
            reject(response, 400, "Запуск процесса с произвольного шага или без обработчиков запрещен: "
                    + "процесс начинается только со стартового события, где проверяется заявка.");
        } else {
            chain.doFilter(new CachedBodyRequest(request, body), response);
        }
    }

    private static boolean hasOrQueriesParameter(String query) {
        for (String pair : query == null ? new String[0] : query.split("[&;]")) {
            String name = pair.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                // compare it as it is
            }
            if (name.trim().equalsIgnoreCase("orQueries")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(byte[] body) throws IOException {
        try {
            return JSON.readTree(body); // MissingNode when empty
        } catch (JsonProcessingException malformed) {
            return JSON.missingNode();
        }
    }

    /** Whether a key ending in {@code Expression} appears anywhere below a key {@code orQueries}. */
    private static boolean expressionInOrQueries(JsonNode node, boolean inOrQueries) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (expressionInOrQueries(element, inOrQueries)) {
                    return true;
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) { // none unless an object
            String key = field.getKey().trim().toLowerCase(Locale.ROOT);
            if ((inOrQueries && key.endsWith("expression"))
                    || expressionInOrQueries(field.getValue(), inOrQueries || key.equals("orqueries"))) {
                return true;
            }
        }
        return false;
    }

    /** Non-empty start instructions, or a skip flag that is anything but false. */
    private static boolean startsElsewhere(JsonNode json) {
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String key = field.getKey().trim().toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            boolean set = !value.isNull() && !(value.isContainerNode() && value.isEmpty());
            boolean skip = (key.equals("skipcustomlisteners") || key.equals("skipiomappings"))
                    && !value.isNull() && !value.asText().trim().equalsIgnoreCase("false");
            if ((key.equals("startinstructions") && set) || skip) {
                return true;
            }
        }
        return false;
    }

    private static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("type", "InvalidRequestException", "message", message)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Right after Spring Security's filter chain, so that unauthenticated calls still get their 401 first. */
        @Bean
        FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(
                @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
            FilterRegistrationBean<EngineRequestGuard> registration = new FilterRegistrationBean<>(new EngineRequestGuard());
            registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
            return registration;
        }
    }
}
