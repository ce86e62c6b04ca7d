package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.transfer.TransferApi;

/**
 * The holes closed around the API: the user directory, Camunda Admin's initial setup, the Tasklist
 * session outside {@code /api}, the Actuator, Spring MVC's own request errors, the business time zone
 * and the SMTP timeouts.
 */
class AccessHardeningTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    IdentityService identityService;
    @Autowired
    UserDirectory users;
    @Autowired
    Clock clock;
    @Autowired
    JavaMailSenderImpl mailSender;

    @Test
    void aPartnerDoesNotSeeOtherPartnersStaffButVendorStaffDo() {
        Partner partner = data.partner();
        String partnerUser = data.partnerUser(partner);
        String competitor = data.partnerUser(data.partner());

        // the directory is not for partners at all: their own profile and groups only
        for (String directory : new String[] {"/engine-rest/user?maxResults=2000", "/engine-rest/group?maxResults=2000",
                "/engine-rest/user/" + competitor + "/profile", "/engine-rest/identity/groups?userId=" + competitor,
                "/engine-rest/group?member=" + competitor + "&maxResults=10"}) {
            assertThat(get(partnerUser, directory).getStatusCode().value()).as(directory).isEqualTo(403);
        }
        assertThat(get(partnerUser, "/engine-rest/user/" + partnerUser + "/profile").getBody().get("id").asText()).isEqualTo(partnerUser);
        assertThat(get(partnerUser, "/engine-rest/identity/groups?userId=" + partnerUser).getBody().get("groups").toString())
                .contains(partner.group()).doesNotContain("partner-BETA", Groups.VENDOR_STAFF);

        for (String vendorSide : new String[] {"vera", "olga"}) {
            assertThat(ids(get(vendorSide, "/engine-rest/user?maxResults=2000"))).as(vendorSide).contains(partnerUser, competitor);
            assertThat(ids(get(vendorSide, "/engine-rest/group?maxResults=2000"))).as(vendorSide).contains(partner.group());
        }

        // the rejection mail looks the submitter up as the vendor staff member who rejects
        identityService.setAuthentication("vera", List.of(Groups.VENDOR_STAFF));
        try {
            assertThat(users.emailOf(partnerUser)).contains(partnerUser + "@users.test");
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication(competitor, List.of(Groups.PARTNERS));
        try {
            assertThat(users.emailOf(partnerUser)).isEmpty();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void camundaAdminsInitialSetupIsClosed() throws Exception {
        HttpClient browser = browser();
        String xsrf = xsrfToken(browser, "/camunda/app/admin/default/");
        String userId = "intruder" + System.nanoTime();
        String user = "{\"profile\":{\"id\":\"" + userId + "\",\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"x@y.test\"},"
                + "\"credentials\":{\"password\":\"" + userId + "\"}}";
        HttpResponse<String> setup = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(user))
                .build(), HttpResponse.BodyHandlers.ofString());
        // Camunda itself answers 403 here, but only because an administrator exists already;
        // 401 is Spring Security's refusal, which holds also while there is none
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(401);
        assertThat(identityService.createUserQuery().userId(userId).count()).isZero();
    }

    @Test
    void aTasklistSessionOpensApiReadsAndNothingElse() throws Exception {
        HttpClient browser = browser();
        String xsrf = xsrfToken(browser, "/camunda/app/tasklist/default/");
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=vera&password=vera", StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        assertThat(browser.send(get("/api/transfers"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        for (String elsewhere : new String[] {"/engine-rest/task?maxResults=1", "/actuator/metrics", "/v3/api-docs"}) {
            assertThat(browser.send(get(elsewhere), HttpResponse.BodyHandlers.ofString()).statusCode()).as(elsewhere).isEqualTo(401);
        }
        HttpResponse<String> post = browser.send(HttpRequest.newBuilder(url("/api/transfers"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void theActuatorIsForOperationsOnly() {
        assertThat(get("anna", "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("vera", "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("olga", "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("admin", "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("vera", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders textFormat = new HttpHeaders();
        textFormat.setBasicAuth("olga", "olga");
        assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(textFormat), String.class)
                .getStatusCode()).as("Prometheus' text format").isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theApiAnswersJsonNotAnHtmlErrorPageWhenABrowserAsksWithoutOrWithTooFewRights() {
        HttpHeaders anonymousBrowser = new HttpHeaders();
        anonymousBrowser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> unauthorized = http.exchange("/api/transfers", HttpMethod.GET, new HttpEntity<>(anonymousBrowser), String.class);
        assertThat(unauthorized.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unauthorized.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"PartnerFlow\"");
        assertThat(unauthorized.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(unauthorized.getHeaders().getContentType())).isTrue();
        assertThat(unauthorized.getBody()).doesNotContain("Whitelabel").contains("HTTP Basic");

        HttpHeaders partnerBrowser = TransferApi.basic("anna");
        partnerBrowser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> forbidden = http.exchange("/actuator/metrics", HttpMethod.GET, new HttpEntity<>(partnerBrowser), String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbidden.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(forbidden.getHeaders().getContentType())).isTrue();
        assertThat(forbidden.getBody()).doesNotContain("Whitelabel").contains("Недостаточно прав");
    }

    @Test
    void aPathTheFirewallRejectsIsAJsonProblemForABrowserToo() {
        HttpHeaders browser = TransferApi.basic("anna");
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> rejected = http.exchange(new org.springframework.http.RequestEntity<>(browser, HttpMethod.GET,
                java.net.URI.create(http.getRootUri() + "/api/transfers/1;%20select%20*%20from%20act_id_user;%20--@")), String.class);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("%s %s", rejected.getHeaders().getContentType(), rejected.getBody()).isTrue();
        assertThat(rejected.getBody()).doesNotContain("Whitelabel").contains("\"status\":400");
    }

    @Test
    void jsonNestedDeeperThanJacksonReadsIsTheClientsMistake() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        HttpHeaders headers = TransferApi.basic("fedor");
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> engine = http.exchange("/engine-rest/process-definition/key/monthly-settlement/start", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":{\"period\":{\"value\":" + deep + ",\"type\":\"String\"}}}", headers), JsonNode.class);

        assertThat(engine.getStatusCode()).as(String.valueOf(engine.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(engine.getBody().get("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(engine.getBody().toString()).doesNotContain("StreamConstraints", "Jackson");

        HttpHeaders partner = TransferApi.basic("anna");
        partner.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> api = http.exchange("/api/configuration-accounts", HttpMethod.POST,
                new HttpEntity<>("{\"name\":" + deep + "}", partner), JsonNode.class);
        assertThat(api.getStatusCode()).as(String.valueOf(api.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.getBody().toString()).doesNotContain("StreamConstraints", "Jackson");
    }

    @Test
    void aMalformedMultipartBodyIsTheClientsMistake() {
        HttpHeaders headers = TransferApi.basic("boris");
        headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data");
        ResponseEntity<JsonNode> response = http.exchange("/api/transfers", HttpMethod.POST,
                new HttpEntity<>("this is not multipart at all", headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("Неверный формат запроса.");
    }

    @Test
    void anUnsupportedMethodIs405() {
        ResponseEntity<String> response = http.exchange("/api/transfers", HttpMethod.PUT,
                new HttpEntity<>(TransferApi.basic("boris")), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void businessDatesAreMoscowsAndMailCannotHangForever() {
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(mailSender.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).header("Accept", "application/json").GET().build();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** Opens a Camunda webapp as a browser does; returns the CSRF token the webapp sets as a cookie. */
    private String xsrfToken(HttpClient browser, String app) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url(app)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst().orElseThrow();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> ids(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
