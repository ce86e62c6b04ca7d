package com.partnerflow.developer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.RuntimeService;
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
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.developer.DeveloperAuthorizationProcess.Elements;
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;

/**
 * Developer authorization through the running application as its users drive it: a partner employee requests over
 * {@code /api}, vendor staff decide through Tasklist's calls on {@code /engine-rest} or over {@code /api}, the job
 * executor mails the partner, the new developer submits an extension, and vendor staff withdraw the authorization.
 * A competing partner learns nothing and changes nothing.
 */
class DeveloperAuthorizationEndToEndTest extends IntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    Partner partner;
    String requester;
    String employee;
    String vendor;
    String competitor;

    @BeforeEach
    void aPartnerWithTwoEmployeesVendorStaffAndACompetitor() {
        partner = data.partner();
        requester = data.partnerUser(partner);
        employee = data.partnerUser(partner);
        vendor = data.user(Groups.VENDOR_STAFF);
        competitor = data.partnerUser(data.partner());
    }

    @Test
    void requestedOverTheApiApprovedInTasklistThenWithdrawnOverTheApi() throws Exception {
        ResponseEntity<JsonNode> created = post(requester, "/api/developer-authorizations", request(employee));

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/developer-authorizations/" + id);
        assertThat(created.getBody().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(created.getBody().get("requestedBy").asText()).isEqualTo(requester);
        assertThat(created.getBody().get("applicationLabels")).extracting(JsonNode::asText)
                .containsExactly("1С:Бухгалтерия 8", "1С:Зарплата и управление персоналом 8");
        assertThat(new ExtensionApi(http).register(employee, ExtensionApi.extension("Рано")).getStatusCode())
                .as("a request is not an authorization").isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode task = reviewTask(vendor, id);
        JsonNode form = get(vendor, "/engine-rest/task/" + task.get("id").asText() + "/form-variables").getBody();
        assertThat(form.at("/" + DeveloperAuthorizationProcess.PARTNER_NAME.name() + "/value").asText()).contains(partner.getCode());
        assertThat(form.at("/" + DeveloperAuthorizationProcess.DEVELOPER.name() + "/value").asText()).isEqualTo(employee);
        assertThat(form.at("/" + DeveloperAuthorizationProcess.APPLICATIONS_TEXT.name() + "/value").asText())
                .isEqualTo("1С:Бухгалтерия 8, 1С:Зарплата и управление персоналом 8");
        assertThat(form.at("/" + DeveloperAuthorizationProcess.REASON.name() + "/value").asText()).isEqualTo("Печатные формы для клиентов");

        ResponseEntity<JsonNode> approved = new TransferApi(http).complete(vendor, task.get("id").asText(),
                Map.of(DeveloperAuthorizationProcess.DECISION.name(), TransferApi.string("APPROVE")));

        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode active = get(requester, "/api/developer-authorizations/" + id).getBody();
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("decidedBy").asText()).isEqualTo(vendor);
        assertThat(active.get("validFrom").isNull()).isFalse();
        assertThat(text(mailTo(partner.getEmail(), "авторизован как разработчик"))).contains(employee, "1С:Бухгалтерия 8");
        assertThat(new ExtensionApi(http).register(employee, ExtensionApi.extension("Выписки " + id)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(requester, "/api/developer-authorizations", request(employee)).getStatusCode())
                .as("already authorized").isEqualTo(HttpStatus.CONFLICT);
        // at once: the withdrawal is awaited from the approval on (ADR 0034)
        ResponseEntity<JsonNode> withdrawn = post(vendor, "/api/developer-authorizations/" + id + "/withdrawal",
                Map.of("reason", "Сотрудник уволился"));

        assertThat(withdrawn.getStatusCode()).as("%s", withdrawn.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.getBody().get("withdrawalReason").asText()).isEqualTo("Сотрудник уволился");
        assertThat(text(mailTo(partner.getEmail(), "отозвана"))).contains("Сотрудник уволился");
        assertThat(new ExtensionApi(http).register(employee, ExtensionApi.extension("Поздно")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(vendor, "/api/developer-authorizations/" + id + "/withdrawal", Map.of("reason", "Еще раз")).getStatusCode())
                .as("nothing to withdraw").isEqualTo(HttpStatus.CONFLICT);
        await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processDefinitionKey(DeveloperAuthorizationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).count() == 0);
        assertThat(post(requester, "/api/developer-authorizations", request(employee)).getStatusCode())
                .as("a new request after a withdrawal").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void rejectedOverTheApiWithAReasonTheTasklistPathChecksToo() throws Exception {
        long id = post(requester, "/api/developer-authorizations", request(employee)).getBody().get("id").asLong();

        ResponseEntity<JsonNode> noReason = post(vendor, "/api/developer-authorizations/" + id + "/decision", Map.of("decision", "REJECT"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noReason.getBody().get("detail").asText()).contains("Укажите причину отказа");
        ResponseEntity<JsonNode> overTasklist = new TransferApi(http).complete(vendor, reviewTask(vendor, id).get("id").asText(),
                Map.of(DeveloperAuthorizationProcess.DECISION.name(), TransferApi.string("REJECT")));
        assertThat(overTasklist.getStatusCode().value()).as("the same rule on the task's door").isEqualTo(422);
        assertThat(reviewTask(vendor, id)).as("still open").isNotNull();

        ResponseEntity<JsonNode> rejected = post(vendor, "/api/developer-authorizations/" + id + "/decision",
                Map.of("decision", "REJECT", "comment", "Нет сертификата 1С:Специалист"));

        assertThat(rejected.getStatusCode()).as("%s", rejected.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(rejected.getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.getBody().get("decisionComment").asText()).isEqualTo("Нет сертификата 1С:Специалист");
        assertThat(text(mailTo(partner.getEmail(), "Отказ в авторизации"))).contains("Нет сертификата 1С:Специалист");
        assertThat(post(vendor, "/api/developer-authorizations/" + id + "/decision", Map.of("decision", "APPROVE")).getStatusCode())
                .as("decided once").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aCompetingPartnerCanNeitherRequestForNorSeeNorDecideAnotherPartnersEmployees() {
        long id = post(requester, "/api/developer-authorizations", request(employee)).getBody().get("id").asLong();
        long rows = rows();

        ResponseEntity<JsonNode> foreign = post(competitor, "/api/developer-authorizations", request(data.partnerUser(partner)));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().get("detail").asText()).contains("не найден среди сотрудников");
        ResponseEntity<JsonNode> nobody = post(competitor, "/api/developer-authorizations", request("nobody-" + id));
        assertThat(nobody.getBody().get("detail").asText()).as("reads like someone who does not exist")
                .isEqualTo(foreign.getBody().get("detail").asText().replace(forbiddenLogin(foreign), "nobody-" + id));
        assertThat(get(competitor, "/api/developer-authorizations/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(competitor, "/api/developer-authorizations/" + (id + 100_000)).getBody().get("detail").asText())
                .as("same as one that does not exist").startsWith("Запрос на авторизацию разработчика");
        assertThat(get(competitor, "/api/developer-authorizations?size=100").getBody().get("content")).extracting(view -> view.get("id").asLong())
                .doesNotContain(id);
        assertThat(get(competitor, "/api/developer-authorizations?partner=" + partner.getCode()).getBody().get("content"))
                .extracting(view -> view.get("id").asLong()).doesNotContain(id);
        assertThat(post(competitor, "/api/developer-authorizations/" + id + "/decision", Map.of("decision", "APPROVE")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(requester, "/api/developer-authorizations/" + id + "/decision", Map.of("decision", "APPROVE")).getStatusCode())
                .as("not even its own partner decides").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(competitor, "/engine-rest/task?processDefinitionKey=" + DeveloperAuthorizationProcess.KEY
                + "&processInstanceBusinessKey=" + id + "&maxResults=10").getBody()).isEmpty();
        assertThat(get(requester, "/engine-rest/task?processDefinitionKey=" + DeveloperAuthorizationProcess.KEY
                + "&processInstanceBusinessKey=" + id + "&maxResults=10").getBody()).as("vendor staff's task").isEmpty();
        assertThat(rows()).as("refused calls change nothing").isEqualTo(rows);
        assertThat(get(requester, "/api/developer-authorizations").getBody().get("content")).extracting(view -> view.get("id").asLong()).contains(id);
    }

    @Test
    void aRequestNamesEveryProblemAtOnceInRussianAndASecondOpenRequestIsAConflict() {
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("developer", " ");
        empty.put("applications", List.of());
        ResponseEntity<JsonNode> invalid = post(requester, "/api/developer-authorizations", empty);

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(invalid.getBody().get("detail").asText()).contains("«Сотрудник (логин)»", "ни одного приложения",
                "«Зачем нужна авторизация»");
        ResponseEntity<JsonNode> unknownApplication = post(requester, "/api/developer-authorizations",
                Map.of("developer", employee, "applications", List.of("WINDOWS"), "reason", "x"));
        assertThat(unknownApplication.getStatusCode().value()).isIn(400, 422);
        assertThat(post(vendor, "/api/developer-authorizations", request(employee)).getStatusCode())
                .as("vendor staff do not request").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(post(requester, "/api/developer-authorizations", request(employee)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> second = post(employee, "/api/developer-authorizations", request(employee));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).contains("уже есть открытый запрос");
    }

    // ---- plumbing ----

    private static Map<String, Object> request(String developer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("developer", developer);
        body.put("applications", List.of("PAYROLL", "ACCOUNTING"));
        body.put("reason", "Печатные формы для клиентов");
        return body;
    }

    private static String forbiddenLogin(ResponseEntity<JsonNode> response) {
        String detail = response.getBody().get("detail").asText();
        return detail.substring(detail.indexOf('«') + 1, detail.indexOf('»'));
    }

    private long rows() {
        return jdbc.queryForObject("select (select count(*) from developer_authorization) + (select count(*) from act_ru_execution)"
                + " + (select count(*) from act_ru_task)", Long.class);
    }

    private JsonNode reviewTask(String user, long id) {
        return await().atMost(PATIENCE).until(() -> {
            JsonNode tasks = get(user, "/engine-rest/task?processDefinitionKey=" + DeveloperAuthorizationProcess.KEY
                    + "&processInstanceBusinessKey=" + id + "&taskDefinitionKey=" + Elements.REVIEW + "&maxResults=10").getBody();
            return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0) : null;
        }, task -> task != null);
    }


    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static MimeMessage mailTo(String recipient, String subjectPart) {
        return ModerationApi.mailTo(MAIL, recipient, subjectPart);
    }

    private static String text(MimeMessage message) throws Exception {
        return ModerationApi.text(message);
    }
}
