package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * API tokens of partners' integrations (ADR 0040): created, used on {@code /api} as {@code Authorization: Bearer}, revoked;
 * scoped to their partner, stored hashed, never more than the partner's groups, and never a way to lock a person out.
 */
class ApiTokenTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService history;

    TransferApi transfers;
    Partner alfa;
    Partner beta;
    String anna;
    String alfaColleague;
    String boris;

    @BeforeEach
    void twoPartnersWithEmployees() {
        transfers = new TransferApi(http);
        alfa = data.partner();
        beta = data.partner();
        anna = data.partnerUser(alfa);
        alfaColleague = data.partnerUser(alfa);
        boris = data.partnerUser(beta);
    }

    @Test
    void anEmployeeCreatesATokenWhoseSecretIsShownOnceAndEveryColleagueSeesIt() {
        ResponseEntity<JsonNode> created = create(anna, "CRM «Альфа»");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/tokens/" + id);
        String token = created.getBody().get("token").asText();
        assertThat(token).matches("pf_[A-Za-z0-9_-]{43}");
        assertThat(created.getBody().get("prefix").asText()).isEqualTo(token.substring(0, 9));
        assertThat(created.getBody().get("createdBy").asText()).isEqualTo(anna);

        ResponseEntity<JsonNode> list = call(HttpMethod.GET, "/api/tokens?size=100", basic(alfaColleague));
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody().get("totalElements").asLong()).isEqualTo(1);
        JsonNode listed = list.getBody().get("content").get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(id);
        assertThat(listed.get("name").asText()).isEqualTo("CRM «Альфа»");
        assertThat(listed.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(listed.hasNonNull("lastUsedAt")).isFalse();
        assertThat(listed.has("token")).isFalse();
        assertThat(list.getBody().toString()).doesNotContain(token);

        ResponseEntity<JsonNode> one = call(HttpMethod.GET, "/api/tokens/" + id, basic(alfaColleague));
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody().toString()).doesNotContain(token);
        assertThat(one.getBody().get("prefix").asText()).isEqualTo(token.substring(0, 9));
    }

    @Test
    void theListIsPagedAndSortedAsEveryList() {
        for (String name : List.of("Б-интеграция", "А-интеграция", "В-интеграция")) {
            create(anna, name);
        }

        JsonNode page = call(HttpMethod.GET, "/api/tokens?size=2&sort=name", basic(alfaColleague)).getBody();
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content").findValuesAsText("name")).containsExactly("А-интеграция", "Б-интеграция");
        assertThat(call(HttpMethod.GET, "/api/tokens?page=1&size=2&sort=-name", basic(anna)).getBody().get("content")
                .findValuesAsText("name")).containsExactly("А-интеграция");
        assertThat(call(HttpMethod.GET, "/api/tokens", basic(anna)).getBody().get("content").findValuesAsText("name"))
                .as("newest first").containsExactly("В-интеграция", "А-интеграция", "Б-интеграция");

        ResponseEntity<JsonNode> badSort = call(HttpMethod.GET, "/api/tokens?sort=secret", basic(anna));
        assertThat(badSort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSort.getBody().get("detail").asText()).contains("created, lastUsed, name");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aTokenWorksOnTheApiAsItsCreatorAndTheEngineRecordsThem(CapturedOutput log) {
        String token = token(anna);
        Subscriber gammasClient = data.subscriber(data.partner());

        assertThat(call(HttpMethod.GET, "/api/transfers", bearer(token)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> submitted = transfers.submit(bearer(token),
                TransferApi.letter(gammasClient.getNumber(), gammasClient.getName()), "письмо.pdf", TransferApi.PDF);

        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(submitted.getBody().get("submittedBy").asText()).isEqualTo(anna);
        assertThat(submitted.getBody().get("toPartner").get("code").asText()).isEqualTo(alfa.getCode());
        String businessKey = submitted.getBody().get("id").asText();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(businessKey).singleResult().getStartUserId()).isEqualTo(anna);
        assertThat(call(HttpMethod.GET, "/api/transfers/" + businessKey, bearer(token)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(log.getAll()).contains(token.substring(0, 9)).doesNotContain(token);
    }

    @Test
    void aCrmFindsTheTaskInItsInboxAndDecidesItWithATokenAsItsCreatorAnotherPartnersTokenCannot() {
        Subscriber alfasClient = data.subscriber(alfa);
        long transfer = transfers.submit(boris, TransferApi.letter(alfasClient.getNumber(), alfasClient.getName()), "письмо.pdf",
                TransferApi.PDF).getBody().get("id").asLong();
        String staff = data.user(Groups.VENDOR_STAFF);
        String review = await().atMost(Duration.ofSeconds(20)).until(() -> transfers.task(staff, transfer), task -> task != null)
                .get("id").asText();
        assertThat(new TaskApi(http).decide(staff, review, TaskKind.TRANSFER_LETTER_REVIEW, Map.of("decision", "FORWARD"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        String annasToken = token(anna);

        String agreement = await().atMost(Duration.ofSeconds(20)).until(() -> inboxTask(annasToken, transfer), id -> id != null);
        ResponseEntity<JsonNode> byBeta = http.exchange("/api/tasks/" + agreement + "/transfer-agreement", HttpMethod.POST,
                new HttpEntity<>(Map.of("decision", "OBJECT", "comment", "Чужой партнер"), json(bearer(token(boris)))), JsonNode.class);
        ResponseEntity<JsonNode> byAlfa = http.exchange("/api/tasks/" + agreement + "/transfer-agreement", HttpMethod.POST,
                new HttpEntity<>(Map.of("decision", "AGREE"), json(bearer(annasToken))), JsonNode.class);

        assertThat(byBeta.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(byAlfa.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(agreement).singleResult().getAssignee())
                .as("the engine records the token's creator as the one who decided").isEqualTo(anna);
    }

    /** The id of the transfer's task in the inbox the token sees, or null while there is none. */
    private String inboxTask(String token, long transfer) {
        JsonNode inbox = call(HttpMethod.GET, "/api/tasks?kind=TRANSFER_AGREEMENT&size=100", bearer(token)).getBody();
        for (JsonNode task : inbox.get("content")) {
            if (task.at("/request/id").asLong() == transfer) {
                return task.get("id").asText();
            }
        }
        return null;
    }

    private static HttpHeaders json(HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndRevokingAgainChangesNothing() {
        ResponseEntity<JsonNode> created = create(anna, "CRM");
        long id = created.getBody().get("id").asLong();
        String token = created.getBody().get("token").asText();

        assertThat(call(HttpMethod.DELETE, "/api/tokens/" + id, basic(alfaColleague)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> refused = call(HttpMethod.GET, "/api/transfers", bearer(token));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(refused.getBody().get("detail").asText()).isEqualTo("Токен API отозван: выпустите новый токен.");

        assertThat(call(HttpMethod.DELETE, "/api/tokens/" + id, basic(anna)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode revoked = call(HttpMethod.GET, "/api/tokens/" + id, basic(anna)).getBody();
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedBy").asText()).isEqualTo(alfaColleague);
        assertThat(revoked.hasNonNull("revokedAt")).isTrue();
    }

    @Test
    void anotherPartnerNeitherSeesNorRevokesATokenAndATokenSeesNothingOfAnotherPartner() {
        ResponseEntity<JsonNode> created = create(anna, "CRM");
        long id = created.getBody().get("id").asLong();
        String token = created.getBody().get("token").asText();
        Subscriber gammasClient = data.subscriber(data.partner());
        long betasTransfer = transfers.submit(boris, TransferApi.letter(gammasClient.getNumber(), gammasClient.getName()),
                "письмо.pdf", TransferApi.PDF).getBody().get("id").asLong();

        assertThat(call(HttpMethod.GET, "/api/tokens/" + id, basic(boris)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.DELETE, "/api/tokens/" + id, basic(boris)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.GET, "/api/tokens?size=100", basic(boris)).getBody().get("totalElements").asLong()).isZero();
        assertThat(call(HttpMethod.GET, "/api/transfers", bearer(token)).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(call(HttpMethod.GET, "/api/transfers/" + betasTransfer, bearer(token)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ids(call(HttpMethod.GET, "/api/transfers?size=100", bearer(token)).getBody())).doesNotContain(betasTransfer);
    }

    @Test
    void tokensAreForPartnersEmployeesOnly() {
        String client = data.clientUser(data.subscriber(alfa));
        for (String user : List.of("vera", "admin", "fedor", client)) {
            ResponseEntity<JsonNode> refused = create(user, "CRM");
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("detail").asText()).as(user).startsWith("Токены API выпускают сотрудники партнера");
            assertThat(call(HttpMethod.GET, "/api/tokens", basic(user)).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void aTokenNeitherCreatesNorRevokesTokens() {
        ResponseEntity<JsonNode> created = create(anna, "CRM");
        long id = created.getBody().get("id").asLong();
        HttpHeaders token = bearer(created.getBody().get("token").asText());
        token.setContentType(MediaType.APPLICATION_JSON);

        assertThat(http.exchange("/api/tokens", HttpMethod.POST, new HttpEntity<>(Map.of("name", "наследник"), token), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.DELETE, "/api/tokens/" + id, token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.GET, "/api/tokens/" + id, token).getBody().get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aTokenCarriesOnlyThePartnersGroupsWhateverElseItsCreatorIs() {
        String both = data.partnerUser(alfa);
        identityService.createMembership(both, Groups.VENDOR_STAFF);
        Partner toCertify = data.uncertifiedPartner();
        String certification = "/api/partners/" + toCertify.getCode() + "/certification";

        assertThat(call(HttpMethod.PUT, certification, bearer(token(both))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.PUT, certification, basic(both)).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void aTokenStopsWorkingWhenItsCreatorLeavesThePartner() {
        ResponseEntity<JsonNode> created = create(anna, "CRM");
        String token = created.getBody().get("token").asText();
        assertThat(call(HttpMethod.GET, "/api/transfers", bearer(token)).getStatusCode()).isEqualTo(HttpStatus.OK);

        identityService.deleteMembership(anna, alfa.group());

        ResponseEntity<JsonNode> refused = call(HttpMethod.GET, "/api/transfers", bearer(token));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody().get("detail").asText()).startsWith("Токен API больше не действует");
        assertThat(call(HttpMethod.GET, "/api/tokens/" + created.getBody().get("id").asLong(), basic(alfaColleague)).getBody()
                .get("status").asText()).isEqualTo("CREATOR_LEFT");
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() throws Exception {
        ResponseEntity<JsonNode> created = create(anna, "CRM");
        String token = created.getBody().get("token").asText();

        Map<String, Object> row = jdbc.queryForMap("select * from api_token where id = ?", created.getBody().get("id").asLong());

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        assertThat(row.get("secret_hash")).isEqualTo(sha256);
        assertThat(row.get("prefix")).isEqualTo(token.substring(0, 9));
        assertThat(row.get("partner_code")).isEqualTo(alfa.getCode());
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token.substring(9)));
    }

    @Test
    void anIdempotencyKeyIsRefusedSoTheSecretIsNeverStoredForAReplay() {
        HttpHeaders headers = basic(anna);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "token-1");

        ResponseEntity<JsonNode> refused = http.exchange("/api/tokens", HttpMethod.POST, new HttpEntity<>(Map.of("name", "CRM"), headers),
                JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").asText()).startsWith("Токен API выпускается без Idempotency-Key");
        assertThat(jdbc.queryForObject("select count(*) from api_token where partner_code = ?", Long.class, alfa.getCode())).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "название\u0000с нулем"})
    void aTokenNeedsAName(String name) {
        assertThat(create(anna, name).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(create(anna, "д".repeat(101)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void badTokensNeverLockThePersonOut() {
        ResponseEntity<JsonNode> created = create(anna, "CRM");
        String revoked = created.getBody().get("token").asText();
        call(HttpMethod.DELETE, "/api/tokens/" + created.getBody().get("id").asLong(), basic(anna));

        // Camunda locks a user after 10 wrong passwords (loginMaxAttempts); three times as many wrong tokens
        for (int attempt = 0; attempt < 30; attempt++) {
            String wrong = switch (attempt % 3) {
                case 0 -> randomToken();
                case 1 -> revoked;
                default -> anna + ":" + anna;
            };
            assertThat(call(HttpMethod.GET, "/api/transfers", bearer(wrong)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(failedLogins(anna)).isZero();
        assertThat(jdbc.queryForObject("select lock_exp_time_ from act_id_user where id_ = ?", java.sql.Timestamp.class, anna)).isNull();
        assertThat(identityService.checkPassword(anna, anna)).isTrue();
        assertThat(call(HttpMethod.GET, "/api/transfers", basic(anna)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongPasswordIsWhatCountsAsAFailedLogin() {
        HttpHeaders wrongPassword = new HttpHeaders();
        wrongPassword.setBasicAuth(alfaColleague, "wrong");

        assertThat(call(HttpMethod.GET, "/api/transfers", wrongPassword).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(failedLogins(alfaColleague)).isEqualTo(1);
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() {
        ResponseEntity<JsonNode> created = create(anna, "CRM");
        long id = created.getBody().get("id").asLong();
        String token = created.getBody().get("token").asText();

        call(HttpMethod.GET, "/api/transfers", bearer(token));
        Instant first = lastUsed(id);
        assertThat(first).isNotNull();
        call(HttpMethod.GET, "/api/transfers", bearer(token));
        assertThat(lastUsed(id)).isEqualTo(first);

        jdbc.update("update api_token set last_used_at = ? where id = ?", java.sql.Timestamp.from(first.minusSeconds(61)), id);
        call(HttpMethod.GET, "/api/transfers", bearer(token));
        assertThat(lastUsed(id)).isAfterOrEqualTo(first);
        assertThat(Instant.parse(call(HttpMethod.GET, "/api/tokens/" + id, basic(anna)).getBody().get("lastUsedAt").asText()))
                .isEqualTo(lastUsed(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/v3/api-docs", "/actuator/metrics"})
    void aTokenOpensOnlyTheApi(String path) {
        String token = token(anna);
        assertThat(call(HttpMethod.GET, path, bearer(token)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theOpenApiDocumentShowsTheTokenEndpoints() {
        JsonNode paths = call(HttpMethod.GET, "/v3/api-docs", basic(anna)).getBody().get("paths");

        assertThat(paths.get("/api/tokens").has("post")).isTrue();
        assertThat(paths.get("/api/tokens").has("get")).isTrue();
        assertThat(paths.get("/api/tokens/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/tokens/{id}").has("delete")).isTrue();
        assertThat(paths.get("/api/tokens").get("post").get("responses").has("201")).isTrue();
        assertThat(paths.get("/api/tokens/{id}").get("delete").get("responses").has("204")).isTrue();
    }

    private ResponseEntity<JsonNode> create(String user, String name) {
        HttpHeaders headers = basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/tokens", HttpMethod.POST, new HttpEntity<>(Map.of("name", name), headers), JsonNode.class);
    }

    private String token(String user) {
        ResponseEntity<JsonNode> created = create(user, "CRM");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("token").asText();
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, HttpHeaders headers) {
        return http.exchange(path, method, new HttpEntity<>(headers), JsonNode.class);
    }

    /** Camunda's count of a user's failed password checks, which locks the user after {@code loginMaxAttempts}. */
    private int failedLogins(String user) {
        return jdbc.queryForObject("select coalesce(attempts_, 0) from act_id_user where id_ = ?", Integer.class, user);
    }

    private Instant lastUsed(long id) {
        java.sql.Timestamp value = jdbc.queryForObject("select last_used_at from api_token where id = ?", java.sql.Timestamp.class, id);
        return value == null ? null : value.toInstant();
    }

    private static HttpHeaders basic(String user) {
        return TransferApi.basic(user);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = TransferApi.basic(null);
        headers.setBearerAuth(token);
        return headers;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "pf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<Long> ids(JsonNode page) {
        return page.get("content").findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
