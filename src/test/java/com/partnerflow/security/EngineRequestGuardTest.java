package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.IntegrationTest;
import com.partnerflow.transfer.TransferApi;

/**
 * {@link EngineRequestGuard}: no expressions in or-queries, no start at an arbitrary activity, through
 * {@code /engine-rest} and the Tasklist webapp's engine API alike, while ordinary or-queries still work.
 */
class EngineRequestGuardTest extends IntegrationTest {

    private static final String PWNED = "partnerflow.pwned";
    /** Sets a system property when evaluated: proof that the expression ran. */
    private static final String EXPRESSION = "${''.getClass().forName('java.lang.System').getMethod('setProperty', "
            + "''.getClass(), ''.getClass()).invoke(null, '" + PWNED + "', 'yes')}";
    private static final Map<String, Object> MALICIOUS = Map.of("orQueries", List.of(Map.of("assigneeExpression", EXPRESSION)));

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService historyService;
    @LocalServerPort
    int port;

    @BeforeEach
    void notPwnedYet() {
        System.clearProperty(PWNED);
    }

    @Test
    void expressionInOrQueriesOfATaskQueryIsRejected() {
        assertRejected(post("anna", "/engine-rest/task?firstResult=0&maxResults=15", MALICIOUS), "orQueries");
        assertThat(System.getProperty(PWNED)).isNull();
    }

    @Test
    void expressionInOrQueriesOfATaskCountIsRejected() {
        assertRejected(post("anna", "/engine-rest/task/count", MALICIOUS), "orQueries");
        assertThat(System.getProperty(PWNED)).isNull();
    }

    @Test
    void expressionInOrQueriesExtendingAFilterIsRejected() {
        JsonNode filters = new TransferApi(http).get("anna", "/engine-rest/filter?firstResult=0&maxResults=10").getBody();
        String filterId = filters.get(0).get("id").asText();
        assertRejected(post("anna", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", MALICIOUS), "orQueries");
        assertThat(System.getProperty(PWNED)).isNull();
    }

    @Test
    void orQueriesWithoutExpressionsStillWork() {
        Map<String, Object> query = Map.of("orQueries", List.of(Map.of("assignee", "anna"), Map.of("candidateGroup", "partner-ALFA")));
        ResponseEntity<JsonNode> response = post("anna", "/engine-rest/task?firstResult=0&maxResults=15", query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().isArray()).isTrue();

        // the body reaches Camunda intact: the or-query decides the count
        assertThat(countByProcess("subscriber-transfer")).isPositive();
        assertThat(countByProcess("no-such-process")).isZero();
    }

    private long countByProcess(String processDefinitionKey) {
        ResponseEntity<JsonNode> response = post("vera", "/engine-rest/task/count",
                Map.of("orQueries", List.of(Map.of("processDefinitionKey", processDefinitionKey, "name", "-"))));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().get("count").asLong();
    }

    @Test
    void anonymousCallsGetTheirLoginPromptFirst() {
        assertThat(post(null, "/engine-rest/task/count", MALICIOUS).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(System.getProperty(PWNED)).isNull();
    }

    @Test
    void oversizedBodiesAreRefusedWithoutReachingCamunda() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setContent(new byte[EngineRequestGuard.MAX_BODY + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new EngineRequestGuard(EngineApiPolicy.load(), "/camunda").doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
        assertThat(response.getContentAsString()).contains("20 МБ");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void orQueriesAsAQueryParameterAreRejected() {
        ResponseEntity<JsonNode> response = new TransferApi(http).get("anna", "/engine-rest/task?orQueries=x");
        assertRejected(response, "orQueries");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            start       | {"startInstructions": [{"type": "startBeforeActivity", "activityId": "serviceTask_recordPartnerSilence"}], "skipCustomListeners": true}
            start       | {"startInstructions": [{"type": "startBeforeActivity", "activityId": "userTask_reviewLetter"}]}
            start       | {"skipCustomListeners": true}
            submit-form | {"skipIoMappings": "true"}
            """)
    void startingAtAnArbitraryActivityOrWithoutListenersIsRejected(String action, String body) {
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("subscriber-transfer").count();

        assertRejected(post("boris", "/engine-rest/process-definition/key/subscriber-transfer/" + action, body), "произвольного шага");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("subscriber-transfer").count())
                .isEqualTo(before);
    }

    @Test
    void expressionInOrQueriesThroughTheTasklistWebappIsRejected() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port + "/camunda";
        browser.send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
                .header("X-XSRF-TOKEN", xsrfToken(cookies))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString("username=anna&password=anna")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login starts a new session: Tasklist's next request fetches its CSRF token
        browser.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default")).build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default/task?firstResult=0&maxResults=15"))
                .header("X-XSRF-TOKEN", xsrfToken(cookies))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(MALICIOUS))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("message").asText()).contains("orQueries");
        assertThat(System.getProperty(PWNED)).isNull();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static void assertRejected(ResponseEntity<JsonNode> response, String messagePart) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(response.getBody().get("message").asText()).contains(messagePart);
    }

    private static String xsrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
    }
}
