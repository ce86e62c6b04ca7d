package com.partnerflow.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.system.CachedBodyRequest;

/**
 * Stands in front of the engine's REST API, in {@code /engine-rest} and in the webapps' copy of it
 * ({@code /camunda/api/engine}, used by Tasklist and Cockpit), and in front of the webapps' plugin APIs
 * ({@code /camunda/api/cockpit|admin|tasklist/plugin}), and refuses before Camunda reads the request:
 * <ol>
 *   <li><b>Any operation the caller's {@link Audience} may not call</b>, by {@link EngineApiPolicy}: an allow-list on top
 *       of the engine's authorizations, so that what the engine allows by default (jobs, statistics, identity links,
 *       the directory) and any operation nobody thought about stay closed to partners and clients. A party may pass
 *       a user id only where it is its own (claiming for someone else, asking about other people).</li>
 *   <li><b>A plugin API of a webapp the caller may not open.</b> Camunda lets any logged-in user call them (a partner's
 *       Tasklist session reads Cockpit's statistics of every partner's requests); here only those authorized for the
 *       webapp at login may.</li>
 *   <li><b>Expressions in {@code orQueries} (CVE-2026-109432).</b> Ad-hoc task queries may not carry JUEL
 *       expressions, but {@code TaskQueryDto.applyFilters} builds every or-query with {@code new TaskQueryImpl()},
 *       which skips that check: any logged-in user can have {@code assigneeExpression} and the like evaluated
 *       on the server, i.e. run arbitrary code. Reachable through task queries and counts, filter
 *       list/count/singleResult (extending query) and filter create/update, so any body is checked.</li>
 *   <li><b>Starting at an arbitrary activity.</b> CREATE_INSTANCE alone lets a caller start an instance with
 *       {@code startInstructions}, {@code skipCustomListeners} or {@code skipIoMappings}, skipping the start
 *       listener that validates a partner's submission.</li>
 * </ol>
 * The caller is the one Spring Security authenticated ({@code /engine-rest}) or the webapp session's user
 * ({@code /camunda}); a request without one passes on to be refused with a 401 by the security in front of it.
 * The body is read once (at most {@value #MAX_BODY} bytes), inspected, and handed on as a copy. Bodies Jackson
 * cannot parse pass through: Camunda parses them with the same defaults and rejects them itself. Duplicate keys
 * keep the last value both here and in Camunda's DTOs.
 */
class EngineRequestGuard extends OncePerRequestFilter {

    static final int MAX_BODY = 20 * 1024 * 1024;
    /** The {@code type} of a refusal by the policy, in Camunda's {@code type}/{@code message} shape that Tasklist shows. */
    static final String REFUSED = "OperationNotAllowed";
    private static final String ENGINE = "default";
    private static final Pattern START = Pattern.compile("(?i).*/process-definition/.+/(start|submit-form)/?");
    /** {@code /engine/{name}/rest}: the engine REST API's address of a named engine. */
    private static final Pattern NAMED_ENGINE = Pattern.compile("/engine/[^/]+(/.*)?");
    /** Never JSON to Camunda (deployments, file variables); reading them here would also break parameter parsing. */
    private static final Set<String> NOT_JSON = Set.of("multipart/form-data", "application/x-www-form-urlencoded");
    private static final ObjectMapper JSON = new ObjectMapper(); // like Camunda's JacksonConfigurator: parser defaults

    private final EngineApiPolicy policy;
    private final String webappApi;
    /** {@code /camunda/api/{app}/plugin/{plugin}/...}, except the plugins' static files. */
    private final Pattern pluginApi;

    EngineRequestGuard(EngineApiPolicy policy, String webappPath) {
        this.policy = policy;
        this.webappApi = webappPath + "/api";
        this.pluginApi = Pattern.compile(Pattern.quote(webappApi) + "/(cockpit|admin|tasklist)/plugin/[^/]+/(?!static/).*");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), ""); // decoded, normalized
        boolean webapp = path.startsWith(webappApi + "/");
        UserAuthentication sessionUser = webapp ? sessionUser(request) : null;
        Caller caller = webapp ? (sessionUser == null ? null : Caller.of(sessionUser.getName(), sessionUser.getGroupIds()))
                : restCaller();
        Matcher plugin = pluginApi.matcher(path);
        if (sessionUser != null && plugin.matches() && !sessionUser.isAuthorizedForApp(plugin.group(1))) {
            reject(response, 403, REFUSED, "Нет доступа к приложению " + plugin.group(1) + ": эти данные не для вашей роли.");
            return;
        }
        String operation = enginePath(path);
        EngineApiPolicy.Match match = caller == null || operation == null ? null
                : policy.find(request.getMethod(), operation).orElse(null);
        Audience audience = caller == null ? null : Audience.of(caller.groups());
        if (caller != null && operation != null && !audience.reaches(match == null ? Audience.ADMINISTRATORS : match.operation().audience())) {
            reject(response, 403, REFUSED, "Недостаточно прав: эта операция API движка недоступна вашей роли.");
            return;
        }
        String ownId = audience == Audience.PARTIES && match != null ? match.operation().callerParameter() : null;
        if (hasOrQueriesParameter(request.getQueryString())) {
            reject(response, 400, "Параметр orQueries в адресе запроса не поддерживается: передайте условия в теле POST-запроса.");
            return;
        }
        String mediaType = Objects.toString(request.getContentType(), "").split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (NOT_JSON.contains(mediaType)) {
            if (ownId != null && !isCaller(caller, ownId, match, request, JSON.missingNode())) {
                rejectOtherUser(response, ownId);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        byte[] body = request.getContentLengthLong() > MAX_BODY ? null : request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body == null || body.length > MAX_BODY) {
            reject(response, 413, "InvalidRequestException", "Запрос слишком большой: допускается не более 20 МБ.");
            return;
        }
        JsonNode json = parse(body);
        if (ownId != null && !isCaller(caller, ownId, match, request, json)) {
            rejectOtherUser(response, ownId);
        } else if (expressionInOrQueries(json, false)) {
            reject(response, 400, "Выражения (параметры …Expression) в условиях orQueries запрещены: укажите значения явно.");
        } else if (START.matcher(path).matches() && startsElsewhere(json)) {
            reject(response, 400, "Запуск процесса с произвольного шага или без обработчиков запрещен: "
                    + "процесс начинается только со стартового события, где проверяется заявка.");
        } else {
            chain.doFilter(new CachedBodyRequest(request, body), response);
        }
    }

    /** The path of an engine REST operation relative to the API's root ({@code /task/4/claim}), or null when it is none. */
    private String enginePath(String path) {
        String root = path.startsWith("/engine-rest/") ? "/engine-rest" : path.startsWith(webappApi + "/engine/") ? webappApi + "/engine" : null;
        if (root == null) {
            return null;
        }
        String relative = path.substring(root.length());
        Matcher named = NAMED_ENGINE.matcher(relative);
        return named.matches() ? Objects.toString(named.group(1), "/") : relative;
    }

    /** The user Spring Security authenticated for {@code /engine-rest}, or null. */
    private static Caller restCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return Caller.of(authentication.getName(), authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    /** The user logged in to the webapps (Tasklist, Cockpit, Admin) in this session, or null. */
    private static UserAuthentication sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
                .filter(user -> ENGINE.equals(user.getProcessEngineName()))
                .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * Whether the parameter {@code name} names the caller wherever it is given: as a path variable, in the query (every
     * value) and as a top-level field of the JSON body, each of which some operation reads. Given nowhere, it does not.
     */
    private static boolean isCaller(Caller caller, String name, EngineApiPolicy.Match match, HttpServletRequest request, JsonNode json) {
        List<String> given = new ArrayList<>(queryValues(request.getQueryString(), name));
        if (match.pathVariables().containsKey(name)) {
            given.add(match.pathVariables().get(name));
        }
        if (!json.path(name).isMissingNode()) {
            given.add(json.path(name).isTextual() ? json.path(name).asText() : json.path(name).toString());
        }
        return !given.isEmpty() && given.stream().allMatch(caller.userId()::equals);
    }

    private static void rejectOtherUser(HttpServletResponse response, String name) throws IOException {
        reject(response, 403, REFUSED, "Недостаточно прав: в параметре " + name + " можно указать только себя.");
    }

    private static boolean hasOrQueriesParameter(String query) {
        for (String pair : query == null ? new String[0] : query.split("[&;]")) {
            if (decoded(pair.split("=", 2)[0]).trim().equalsIgnoreCase("orQueries")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values of a query parameter as Jersey reads them (exact name), without touching the request's own
     * parameter parsing, which would consume a form body.
     */
    private static List<String> queryValues(String query, String name) {
        List<String> values = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            if (decoded(nameAndValue[0]).equals(name)) {
                values.add(nameAndValue.length == 2 ? decoded(nameAndValue[1]) : "");
            }
        }
        return values;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text; // compared as it is
        }
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
        reject(response, status, "InvalidRequestException", message);
    }

    private static void reject(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("type", type, "message", message)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Right after Spring Security's filter chain, so that unauthenticated calls still get their 401 first. */
        @Bean
        FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(
                @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
            FilterRegistrationBean<EngineRequestGuard> registration =
                    new FilterRegistrationBean<>(new EngineRequestGuard(EngineApiPolicy.load(), webappPath));
            registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
            return registration;
        }
    }
}
