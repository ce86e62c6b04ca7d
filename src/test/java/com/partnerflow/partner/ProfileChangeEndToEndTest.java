package com.partnerflow.partner;

import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * A change of a partner's details through the running application as its users drive it: a partner employee reads
 * the profile and asks over {@code /api}, vendor staff decide with the typed decision, the job executor applies the
 * change and mails the partner. A competing partner learns nothing and changes nothing.
 */
class ProfileChangeEndToEndTest extends IntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    Partner partner;
    String employee;
    String vendor;
    String competitor;

    @BeforeEach
    void aPartnerItsEmployeeVendorStaffAndACompetitor() {
        partner = data.partner();
        employee = data.partnerUser(partner);
        vendor = data.user(Groups.VENDOR_STAFF);
        competitor = data.partnerUser(data.partner());
    }

    @Test
    void askedOverTheApiApprovedWithTheTypedDecisionAppliedAndMailedToTheOldAndTheNewMailbox() throws Exception {
        JsonNode profile = expect(get(employee, "/api/partners/" + partner.getCode()), 200);
        assertThat(profile.get("name").asText()).isEqualTo(partner.getName());
        assertThat(profile.get("competenceCenter").asBoolean()).isFalse();
        assertThat(profile.get("sublicenseDiscountPercent").decimalValue()).isEqualByComparingTo("30");
        assertThat(profile.get("certified").asBoolean()).isTrue();
        assertThat(profile.get("restrictedApplications")).isNotEmpty().allSatisfy(application ->
                assertThat(application.get("listed").asBoolean()).isFalse());
        assertThat(profile.hasNonNull("openProfileChange")).isFalse();

        String newMailbox = "office-" + partner.getCode().toLowerCase() + "@partners.test";
        ResponseEntity<JsonNode> created = post(employee, "/api/profile-changes", change("name", "  Новое имя " + partner.getCode() + " ",
                "email", newMailbox, "phone", "+7 495 765-43-21", "website", "", "reason", "Переименовались и переехали"));

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/profile-changes/" + id);
        assertThat(created.getBody().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(created.getBody().get("changes")).extracting(c -> c.get("field").asText()).containsExactly("name", "email", "phone");
        assertThat(created.getBody().at("/changes/0/to").asText()).as("stripped").isEqualTo("Новое имя " + partner.getCode());
        assertThat(expect(get(employee, "/api/partners/" + partner.getCode()), 200).at("/openProfileChange/id").asLong()).isEqualTo(id);
        assertThat(expect(get(employee, "/api/requests?kind=profile-changes"), 200).get("content"))
                .extracting(request -> request.get("id").asText()).contains(String.valueOf(id));

        ResponseEntity<JsonNode> second = post(employee, "/api/profile-changes", change("phone", "+7 495 000-00-00", "reason", "Еще раз"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).startsWith("У партнера уже есть открытый запрос на изменение данных (№ " + id);

        String task = reviewTask(id);
        assertThat(expect(new TaskApi(http).decide(employee, task, TaskKind.PROFILE_CHANGE_REVIEW, body("decision", "APPROVE")), 404)
                .get("detail").asText()).as("the partner does not decide its own request").isEqualTo("Задача не найдена.");
        JsonNode decided = expect(new TaskApi(http).decide(vendor, task, TaskKind.PROFILE_CHANGE_REVIEW,
                body("decision", "APPROVE", "comment", "Письмо на бланке получено")), 200);
        assertThat(decided.at("/request/kind").asText()).isEqualTo("profile-changes");
        assertThat(decided.at("/request/href").asText()).isEqualTo("/api/profile-changes/" + id);

        await().atMost(PATIENCE).until(() -> get(employee, "/api/profile-changes/" + id).getBody().get("status").asText().equals("APPLIED"));
        JsonNode changed = expect(get(employee, "/api/partners/" + partner.getCode()), 200);
        assertThat(changed.get("name").asText()).isEqualTo("Новое имя " + partner.getCode());
        assertThat(changed.get("email").asText()).isEqualTo(newMailbox);
        assertThat(changed.get("phone").asText()).isEqualTo("+7 495 765-43-21");
        assertThat(changed.hasNonNull("openProfileChange")).isFalse();
        assertThat(identityService.createGroupQuery().groupId(partner.group()).singleResult().getName())
                .isEqualTo("Партнер Новое имя " + partner.getCode());
        for (String mailbox : new String[] {partner.getEmail(), newMailbox}) {
            assertThat(ModerationApi.text(ModerationApi.mailTo(MAIL, mailbox, "изменены")))
                    .contains("+7 495 765-43-21", "Письмо на бланке получено");
        }
        assertThat(post(employee, "/api/profile-changes", change("phone", "+7 495 111-11-11", "reason", "Еще один номер"))
                .getStatusCode()).as("a new request once applied").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aRejectionNeedsItsReasonOnEveryDoorAndChangesNothing() throws Exception {
        long id = post(employee, "/api/profile-changes", change("phone", "+7 495 222-22-22", "reason", "Новый номер")).getBody()
                .get("id").asLong();
        String task = reviewTask(id);

        expect(new TaskApi(http).decide(vendor, task, TaskKind.PROFILE_CHANGE_REVIEW, body("decision", "REJECT")), 422);
        assertThat(new TransferApi(http).complete(vendor, task, Map.of(PartnerProfileChangeProcess.DECISION.name(),
                TransferApi.string("REJECT"))).getStatusCode().value()).as("the same rule in Tasklist").isEqualTo(422);
        JsonNode rejected = expect(new TaskApi(http).decide(vendor, task, TaskKind.PROFILE_CHANGE_REVIEW,
                body("decision", "REJECT", "comment", "Пришлите письмо на бланке партнера")), 200);

        assertThat(rejected.at("/request/status").asText()).isEqualTo("REJECTED");
        assertThat(ModerationApi.text(ModerationApi.mailTo(MAIL, partner.getEmail(), "Отказ в изменении данных")))
                .contains("Пришлите письмо на бланке партнера");
        assertThat(expect(get(employee, "/api/partners/" + partner.getCode()), 200).hasNonNull("phone")).isFalse();
        assertThat(expect(get(employee, "/api/profile-changes/" + id), 200).get("decisionComment").asText())
                .isEqualTo("Пришлите письмо на бланке партнера");
    }

    @Test
    void everyProblemIsNamedAtOnceInRussianAndOnlyAPartnersEmployeeAsks() {
        ResponseEntity<JsonNode> invalid = post(employee, "/api/profile-changes",
                change("email", "не почта", "phone", "звоните", "website", "alfa.ru", "reason", " "));

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(invalid.getBody().get("detail").asText()).contains("«Электронная почта»", "«Телефон»", "«Сайт»",
                "«Причина изменения»");
        ResponseEntity<JsonNode> nothing = post(employee, "/api/profile-changes",
                change("name", partner.getName(), "email", partner.getEmail(), "reason", "Проверка"));
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(nothing.getBody().get("detail").asText()).contains("ни одно из полей не отличается");
        assertThat(post(vendor, "/api/profile-changes", change("phone", "+7 495 333-33-33", "reason", "x")).getStatusCode())
                .as("vendor staff do not ask").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(count()).as("refused requests leave nothing").isZero();
    }

    @Test
    void aCompetingPartnerNeitherSeesTheProfileNorTheRequestNorItsTask() {
        long id = post(employee, "/api/profile-changes", change("phone", "+7 495 444-44-44", "reason", "Новый номер")).getBody()
                .get("id").asLong();
        long rows = rows();

        ResponseEntity<JsonNode> foreign = get(competitor, "/api/partners/" + partner.getCode());
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().get("detail").asText()).as("reads like a code that does not exist")
                .isEqualTo(get(competitor, "/api/partners/NOPE" + id).getBody().get("detail").asText().replace("NOPE" + id, partner.getCode()));
        assertThat(get(competitor, "/api/profile-changes/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(competitor, "/api/profile-changes?size=100&partner=" + partner.getCode()).getBody().get("content"))
                .extracting(change -> change.get("id").asLong()).doesNotContain(id);
        assertThat(get(competitor, "/api/requests/profile-changes/" + id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new TaskApi(http).decide(competitor, reviewTask(id), TaskKind.PROFILE_CHANGE_REVIEW, body("decision", "APPROVE"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rows()).as("refused calls change nothing").isEqualTo(rows);
        assertThat(get(vendor, "/api/profile-changes?partner=" + partner.getCode()).getBody().get("content"))
                .extracting(change -> change.get("id").asLong()).contains(id);
    }

    // ---- plumbing ----

    private static Map<String, Object> change(String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from partner_profile_change where partner_id = ?", Long.class, partner.getId());
    }

    private long rows() {
        return jdbc.queryForObject("select (select count(*) from partner_profile_change) + (select count(*) from act_ru_task)", Long.class);
    }

    private String reviewTask(long id) {
        return await().atMost(PATIENCE).until(() -> taskService.createTaskQuery().processDefinitionKey(PartnerProfileChangeProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult(), task -> task != null).getId();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
