package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The secure defaults as production gets them: every profile but {@code demo}. This is the one Spring context
 * besides {@link com.partnerflow.IntegrationTest}'s, and it has to be: the demo profile relaxes exactly these
 * settings for plain http on localhost, so they can only be seen in a context without it. Its own in-memory
 * database, the administrator from properties (as {@code PARTNERFLOW_ADMIN_*} give it in the postgres profile),
 * no demo data and no job executor: nothing here runs a process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:partnerflow-secure-defaults;DB_CLOSE_DELAY=-1",
        "camunda.bpm.admin-user.id=" + SecureDefaultsTest.ADMIN,
        "camunda.bpm.admin-user.password=" + SecureDefaultsTest.ADMIN_PASSWORD,
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
class SecureDefaultsTest {

    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "Kx7-secure-defaults";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    IdentityService identityService;

    @Test
    void tasklistsCsrfAndSessionCookiesAreSecureHttpOnlyAndSameSiteEvenOverPlainHttp() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        String csrf = cookie(page, "XSRF-TOKEN").orElseThrow();
        // the webapp's script reads the token from the cookie, so it is not HttpOnly
        assertThat(attributes(csrf)).contains("secure", "samesite=lax").doesNotContain("httponly");

        HttpResponse<String> login = send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", nameAndValue(csrf) + "; " + nameAndValue(cookie(page, "JSESSIONID").orElseThrow()))
                .header("X-XSRF-TOKEN", value(csrf))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD, StandardCharsets.UTF_8)));

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = cookie(login, "JSESSIONID").orElseThrow(() -> new AssertionError("no new session cookie after login"));
        assertThat(attributes(session)).contains("secure", "httponly", "samesite=lax");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/tasklist/default/", "/api/catalogue", "/actuator/health", "/engine-rest/engine"})
    void everyHttpsResponseBehindTheLoadBalancerCarriesHsts(String path) throws Exception {
        HttpResponse<String> https = send(HttpRequest.newBuilder(url(path)).header("X-Forwarded-Proto", "https").GET());

        assertThat(https.headers().firstValue("Strict-Transport-Security")).as("%s → %s", path, https.statusCode())
                .contains("max-age=31536000 ; includeSubDomains");
        assertThat(send(HttpRequest.newBuilder(url(path)).GET()).headers().firstValue("Strict-Transport-Security"))
                .as("meaningless over plain http, so not sent").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/h2-console", "/h2-console/", "/h2-console/login.jsp"})
    void thereIsNoH2Console(String path) throws Exception {
        assertThat(send(HttpRequest.newBuilder(url(path)).GET()).statusCode()).as("a path nobody opened needs a login").isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(url(path)).header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anonymousUsersGetTheHealthStatusAndNothingMoreOfTheActuator() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(url("/actuator/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "diskSpace", "db");

        for (String path : List.of("/actuator", "/actuator/info", "/actuator/metrics", "/actuator/env", "/actuator/beans",
                "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers")) {
            assertThat(send(HttpRequest.newBuilder(url(path)).GET()).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send(HttpRequest.newBuilder(url("/actuator/env")).header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET())
                .statusCode()).as("not even exposed to administrators").isEqualTo(404);
    }

    @Test
    void camundaAdminsSetupRouteIsClosedWithTheAdministratorFromTheConfiguration() throws Exception {
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMIN).list())
                .extracting(user -> user.getId()).containsExactly(ADMIN);
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/camunda/app/admin/default/")).GET());
        String csrf = cookie(page, "XSRF-TOKEN").orElseThrow();
        String intruder = "intruder" + System.nanoTime();

        HttpResponse<String> setup = send(HttpRequest.newBuilder(url("/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json")
                .header("Cookie", nameAndValue(csrf) + "; " + nameAndValue(cookie(page, "JSESSIONID").orElseThrow()))
                .header("X-XSRF-TOKEN", value(csrf))
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"" + intruder + "\",\"firstName\":\"X\","
                        + "\"lastName\":\"Y\",\"email\":\"x@y.test\"},\"credentials\":{\"password\":\"" + intruder + "\"}}")));

        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(401);
        assertThat(identityService.createUserQuery().userId(intruder).count()).isZero();
    }

    @Test
    void theEngineRefusesJavaSerializedVariablesAndUnboundedQueries() throws Exception {
        assertThat(engine.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(engine.getQueryMaxResultsLimit()).isEqualTo(2000);
        assertThat(engine.isDeserializationTypeValidationEnabled()).isTrue();

        HttpResponse<String> unbounded = send(HttpRequest.newBuilder(url("/engine-rest/process-instance?maxResults=2001"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET());
        assertThat(unbounded.statusCode()).as(unbounded.body()).isEqualTo(400);
        assertThat(unbounded.body()).contains("Max results limit of 2000 exceeded");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The whole Set-Cookie header of the named cookie. */
    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "=")).findFirst();
    }

    private static String nameAndValue(String setCookie) {
        return setCookie.split(";", 2)[0].trim();
    }

    private static String value(String setCookie) {
        return nameAndValue(setCookie).split("=", 2)[1];
    }

    /** The attributes after the value, lower-case and without blanks: {@code secure}, {@code samesite=lax}, … */
    private static List<String> attributes(String setCookie) {
        String[] parts = setCookie.split(";");
        return java.util.Arrays.stream(parts).skip(1).map(part -> part.replace(" ", "").toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
