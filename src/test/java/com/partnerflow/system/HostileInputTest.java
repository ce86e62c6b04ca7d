package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.audit.InstallationProcess;
import com.partnerflow.audit.RemovalProcess;
import com.partnerflow.billing.SettlementApi;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.developer.DeveloperAuthorizationProcess;
import com.partnerflow.partner.PartnerProfileChangeProcess;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.TeamApi;
import com.partnerflow.reporting.ReportingApi;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.DataArea;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.HostileRequests.Endpoint;
import com.partnerflow.system.HostileRequests.Multipart;
import com.partnerflow.system.HostileRequests.Request;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * Hostile input against every {@code /api} endpoint, every start form and every user task form on
 * {@code /engine-rest} (each task reached through its process, as its users decide the earlier tasks): random
 * and boundary values, wrong types, huge strings and files, unicode, markup and SQL, missing and extra
 * fields, wrong users. Every answer must be below 500, carry no stack trace or SQL, be JSON (never HTML),
 * give accepted text back exactly as sent, and a refused request must leave every table of the schema
 * as it was.
 *
 * <p>The endpoints, start forms and user tasks are read from the application, so a new one without a generator fails
 * the build. {@code -Dfuzz.cases=N} cases per endpoint (default: a small sample for {@code verify};
 * {@code ./mvnw -Pfuzz verify} runs 1,000), {@code -Dfuzz.seed=S} to replay a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(HostileInputTest.class);

    static final int CASES = Integer.getInteger("fuzz.cases", 8);
    static final long SEED = Long.getLong("fuzz.seed", 20261204L);

    /** The ones that create or replace the resource they answer with, so sent text must come back as sent. */
    private static final Set<String> ECHOING = Set.of("POST /api/configuration-accounts", "PUT /api/configurations/{id}",
            "POST /api/configuration-accounts/{id}/configurations", "POST /api/extensions", "POST /api/reporting-applications",
            "POST /api/developer-authorizations", "POST /api/tokens", "POST /api/profile-changes");

    /** Serve a file, not JSON, when they succeed. */
    private static final Set<String> DOWNLOADS = Set.of("GET /api/transfers/{id}/letter", "GET /api/extension-versions/{id}/file",
            "GET /api/reconciliations/{id}/charges.csv", "GET /api/partners/{code}/charges.csv");

    private static final List<Pattern> INTERNALS = Stream.of("\\tat ", "(?m)^\\s*at [a-z]+\\.", "\\b(java|javax|jakarta|org|com)\\.[\\w.$]+(Exception|Error)\\b",
                    "org\\.hibernate", "org\\.h2", "org\\.springframework", "com\\.partnerflow", "SQLSTATE", "(?i)sql statement",
                    "(?i)\\bselect\\b[^\"]{0,80}\\bfrom\\b", "(?i)\\binsert into\\b", "(?i)\\bupdate\\b[^\"]{0,40}\\bset\\b",
                    "(?i)constraint", "\\[[BCDFIJSZL][\\w.$;]*@[0-9a-f]{4,}", "\\b[a-z]+\\.[a-z]+\\.[\\w.$]+@[0-9a-f]{5,8}\\b", "(?i)could not execute", "ENGINE-\\d{5}", "org\\.camunda\\.bpm\\.engine\\.impl",
                    "\"type\":\"(ClassCast|NullPointer|IllegalArgument|IllegalState|(String)?IndexOutOfBounds|Arithmetic|UnsupportedOperation|NumberFormat)Exception\"")
            .map(Pattern::compile).toList();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired FormService forms;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired com.partnerflow.billing.BillingService billing;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private StoredRows rows;
    private HostileRequests requests;
    private Map<String, Endpoint> endpoints;
    private Map<String, Endpoint> startForms;
    private Map<String, TaskKind> taskKinds;
    /** Users who are sometimes sent instead of a form's own users: other roles, another partner, a client. */
    private List<String> strangers;
    private final Map<String, String> openTasks = new java.util.HashMap<>();
    /** Set when preparing a request wrote rows (a fresh task), so the counts are taken again before it is sent. */
    private boolean prepared;

    /**
     * User tasks not fuzzed yet. Empty: every user task kind of the models is fuzzed. A new user task fails
     * {@link #everyUserTaskKindIsFuzzedOrAKnownGap} until it gets a {@link TaskKind} (or, for a reason, is listed here).
     */
    private static final Set<String> NOT_FUZZED_YET = Set.of();

    /**
     * A kind of user task: its form's variables as Tasklist sends them, and how to reach a fresh one through the
     * process (starting it and deciding the earlier tasks as their users do); {@code reach} answers the business key.
     */
    record TaskKind(Endpoint form, String taskDefinitionKey, java.util.function.Supplier<String> reach) {
    }

    @BeforeAll
    void fixtures() {
        awaitIdleEngine();
        rows = new StoredRows(jdbc);
        Partner partner = data.partner();
        Partner other = data.partner();
        String employee = data.partnerUser(partner);
        String developer = data.developer(partner);
        String otherEmployee = data.partnerUser(other);
        Subscriber client = data.subscriber(partner);
        Subscriber otherClient = data.subscriber(other);
        String clientUser = data.clientUser(client);
        DataArea area = data.dataArea(client, "Бухгалтерия предприятия");
        String intruder = data.user(Groups.PARTNERS);
        requests = new HostileRequests(http.getRootUri(), List.of("vera", "artem", "fedor", "marina", "olga", otherEmployee, clientUser),
                intruder);

        long account = created(employee, "/api/configuration-accounts", Map.of("name", "Аккаунт для фаззинга"));
        long configuration = created(employee, "/api/configuration-accounts/" + account + "/configurations", configuration());
        long configurationToSend = created(employee, "/api/configuration-accounts/" + account + "/configurations", configuration());
        long invitation = new ModerationApi(http).invited(employee, account, other.getCode());
        Partner toCertify = data.uncertifiedPartner();
        long extension = created(developer, "/api/extensions", extension());
        long version = created(developer, "/api/extensions/" + extension + "/versions", multipart(versionFields(), "file", "Загрузка.epf", EPF));
        long transfer = created(employee, "/api/transfers",
                multipart(letterFields(otherClient), "letter", "letter.pdf", TransferApi.PDF));
        long application = created(clientUser, "/api/reporting-applications", ReportingApi.application(client.getNumber()));
        long pendingAuthorization = data.requestDeveloperAuthorization(employee, data.partnerUser(partner));
        long developerAuthorization = jdbc.queryForObject("select id from developer_authorization where developer = ?", Long.class, developer);
        List<String> reconciliations = jdbc.queryForList("select id from reconciliation order by id", String.class);
        Subscriber statusClient = data.subscriber(partner); // its status changes under fuzzing, the others' must not
        long restriction = created("vera", "/api/restricted-applications", Map.of("name", "Программа для фаззинга"));
        // webhooks of a partner with no requests: no event writes a delivery while other endpoints are fuzzed
        String hookUser = data.partnerUser(data.partner());
        long webhook = created(hookUser, "/api/webhooks", webhook());
        long token = created(employee, "/api/tokens", Map.of("name", "CRM для фаззинга"));
        // a team of its own (ADR 0047): its administrator's changes touch no other fixture's people
        Partner teamPartner = data.partner();
        String teamAdmin = data.partnerAdministrator(teamPartner);
        String teamMember = data.partnerUser(teamPartner);
        // profile changes: one open request per partner, so the fuzzed request and start form each have a partner of their own
        long pendingProfileChange = data.requestProfileChange(employee);
        String profileRequester = data.partnerUser(data.partner());
        String profileStarter = data.partnerUser(data.partner());
        awaitIdleEngine();
        String letterReview = tasks.createTaskQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(transfer)).singleResult().getId();

        List<String> ids = List.of("1", "0");
        endpoints = Stream.of(
                get("/api/reporting-applications/{id}", List.of(clientUser, employee), Map.of("id", ids(application))),
                get("/api/reporting-applications", List.of(clientUser, employee), Map.of(),
                        Map.of("status", List.of("SUBMITTED", "ENABLED"), "subscriber", List.of(client.getNumber()))),
                json("POST", "/api/reporting-applications", List.of(clientUser, employee), Map.of(),
                        () -> ReportingApi.application(client.getNumber())),
                get("/api/catalogue", List.of(employee), Map.of(), Map.of("category", List.of("SALES", "DOCUMENTS"),
                        "industry", List.of("ANY", "RETAIL"), "search", List.of("Учет", "%_!"))),
                get("/api/catalogue/{id}", List.of(employee), Map.of("id", ids(configuration))),
                get("/api/configurations", List.of(employee), Map.of(), Map.of("own", List.of("true", "false"),
                        "status", List.of("DRAFT", "PUBLISHED"), "account", ids(account))),
                get("/api/configurations/{id}", List.of(employee), Map.of("id", ids(configuration))),
                json("PUT", "/api/configurations/{id}", List.of(employee), Map.of("id", ids(configuration)), HostileInputTest::configuration),
                call("POST", "/api/configurations/{id}/moderation", List.of(employee), Map.of("id", ids(configuration))),
                call("DELETE", "/api/configurations/{id}/moderation", List.of(employee), Map.of("id", ids(configuration))),
                json("POST", "/api/configuration-accounts", List.of(employee), Map.of(), () -> Map.of("name", "Аккаунт")),
                get("/api/configuration-accounts", List.of(employee), Map.of(),
                        Map.of("manager", List.of(partner.getCode(), other.getCode()), "search", List.of("Аккаунт", "%_"))),
                get("/api/configuration-accounts/{id}", List.of(employee), Map.of("id", ids(account))),
                json("POST", "/api/configuration-accounts/{id}/members", List.of(employee), Map.of("id", ids(account)),
                        () -> Map.of("partnerCode", other.getCode())),
                call("DELETE", "/api/configuration-accounts/{id}/members/{partnerCode}", List.of(employee),
                        Map.of("id", ids(account), "partnerCode", List.of(other.getCode()))),
                get("/api/configuration-invitations", List.of(otherEmployee, employee), Map.of(),
                        Map.of("status", List.of("PENDING", "ACCEPTED"), "account", ids(account), "partner", List.of(other.getCode()))),
                get("/api/configuration-invitations/{id}", List.of(otherEmployee, employee), Map.of("id", ids(invitation))),
                call("POST", "/api/configuration-invitations/{id}/acceptance", List.of(otherEmployee), Map.of("id", ids(invitation))),
                call("POST", "/api/configuration-invitations/{id}/refusal", List.of(otherEmployee), Map.of("id", ids(invitation))),
                call("POST", "/api/configuration-invitations/{id}/withdrawal", List.of(employee), Map.of("id", ids(invitation))),
                json("POST", "/api/configurations/{id}/unpublication", List.of(employee, "marina"), Map.of("id", ids(configuration)),
                        () -> Map.of("reason", "Ссылки не открываются")),
                get("/api/partners/{code}/certification", List.of("vera", employee), Map.of("code", List.of(toCertify.getCode(), partner.getCode()))),
                call("PUT", "/api/partners/{code}/certification", List.of("vera"), Map.of("code", List.of(toCertify.getCode()))),
                call("DELETE", "/api/partners/{code}/certification", List.of("vera"), Map.of("code", List.of(toCertify.getCode()))),
                json("POST", "/api/configuration-accounts/{id}/employees", List.of(employee), Map.of("id", ids(account)),
                        () -> Map.of("name", "Петров Петр")),
                call("DELETE", "/api/configuration-accounts/{id}/employees/{name}", List.of(employee),
                        Map.of("id", ids(account), "name", List.of("Петров Петр"))),
                json("POST", "/api/configuration-accounts/{id}/contacts", List.of(employee), Map.of("id", ids(account)),
                        () -> Map.of("name", "Контакт", "email", "contact@partners.test")),
                call("DELETE", "/api/configuration-accounts/{id}/contacts", List.of(employee), Map.of("id", ids(account))),
                json("POST", "/api/configuration-accounts/{id}/configurations", List.of(employee), Map.of("id", ids(account)),
                        HostileInputTest::configuration),
                get("/api/subscribers", List.of(clientUser, employee), Map.of(),
                        Map.of("status", List.of("ACTIVE", "SUSPENDED"), "search", List.of(client.getNumber(), "ООО"))),
                get("/api/subscribers/{number}/extensions", List.of(clientUser), Map.of("number", List.of(client.getNumber())),
                        Map.of("kind", List.of("ADDITIONAL_REPORT"), "owner", List.of("PARTNER", "CLIENT"), "search", List.of("Отчет", "%_"))),
                get("/api/subscribers/{number}/data-areas", List.of(clientUser), Map.of("number", List.of(client.getNumber()))),
                json("POST", "/api/subscribers/{number}/data-areas/{dataAreaId}/installations", List.of(clientUser),
                        Map.of("number", List.of(client.getNumber()), "dataAreaId", ids(area.getId())),
                        () -> Map.of("versionId", version)),
                json("POST", "/api/extensions", List.of(developer), Map.of(), HostileInputTest::extension),
                get("/api/extensions", List.of(developer), Map.of()),
                get("/api/extension-versions", List.of(developer), Map.of(), Map.of("status", List.of("IN_AUDIT", "APPROVED"))),
                get("/api/extensions/{id}", List.of(developer), Map.of("id", ids(extension))),
                new Endpoint("POST", "/api/extensions/{id}/versions", List.of(developer), Map.of("id", ids(extension)), Map.of(), null,
                        new Multipart(HostileInputTest::versionFields, "file", "Загрузка.epf", EPF, 50 * 1024 * 1024 + 1)),
                get("/api/extension-versions/{id}", List.of(developer), Map.of("id", ids(version))),
                get("/api/extension-versions/{id}/file", List.of(developer), Map.of("id", ids(version))),
                get("/api/extension-versions/{id}/grants", List.of(developer), Map.of("id", ids(version)),
                        Map.of("subscriber", List.of(client.getNumber()), "allClients", List.of("true", "false"))),
                json("POST", "/api/extension-versions/{id}/grants", List.of(developer), Map.of("id", ids(version)),
                        () -> Map.of("subscribers", List.of(client.getNumber()), "allClients", false)),
                call("DELETE", "/api/extension-versions/{id}/grants/{subscriber}", List.of(developer),
                        Map.of("id", ids(version), "subscriber", List.of(client.getNumber(), "all"))),
                call("DELETE", "/api/subscribers/{number}/data-areas/{dataAreaId}/installations/{installationId}", List.of(clientUser),
                        Map.of("number", List.of(client.getNumber()), "dataAreaId", ids(area.getId()), "installationId", ids)),
                get("/api/subscribers/{number}", List.of(clientUser, employee), Map.of("number", List.of(client.getNumber()))),
                json("PUT", "/api/subscribers/{number}/status", List.of("vera"), Map.of("number", List.of(statusClient.getNumber())),
                        () -> Map.of("status", "SUSPENDED", "reason", "Партнер приостановил обслуживание")),
                get("/api/restricted-applications", List.of(employee, "vera"), Map.of()),
                json("POST", "/api/restricted-applications", List.of("vera"), Map.of(),
                        () -> Map.of("name", "Отраслевая программа " + UUID.randomUUID(), "note", "только партнеры из списка")),
                call("DELETE", "/api/restricted-applications/{id}", List.of("vera"), Map.of("id", ids(restriction))),
                call("PUT", "/api/restricted-applications/{id}/partners/{code}", List.of("vera"),
                        Map.of("id", ids(restriction), "code", List.of(partner.getCode()))),
                call("DELETE", "/api/restricted-applications/{id}/partners/{code}", List.of("vera"),
                        Map.of("id", ids(restriction), "code", List.of(partner.getCode()))),
                get("/api/partners/{code}/invoices", List.of(employee), Map.of("code", List.of(partner.getCode()))),
                get("/api/reconciliations/{id}", List.of("fedor"), Map.of("id", reconciliations.isEmpty() ? ids : reconciliations)),
                get("/api/reconciliations", List.of("fedor", employee), Map.of(), Map.of("period", List.of("2026-11", "2026-12"))),
                get("/api/reconciliations/{id}/charges.csv", List.of("fedor"), Map.of("id", reconciliations.isEmpty() ? ids : reconciliations)),
                get("/api/partners/{code}/charges/monthly", List.of(employee, "fedor"), Map.of("code", List.of(partner.getCode())),
                        Map.of("from", List.of("2026-01", "2025-12"), "to", List.of("2026-06", "2026-12"), "by", List.of("PRODUCT", "CLIENT"))),
                get("/api/partners/{code}/charges.csv", List.of(employee), Map.of("code", List.of(partner.getCode())),
                        Map.of("from", List.of("2026-01"), "to", List.of("2026-06"))),
                json("POST", "/api/developer-authorizations", List.of(employee), Map.of(),
                        () -> developerRequest(freshEmployee(partner))),
                get("/api/developer-authorizations", List.of(employee, "vera"), Map.of(), Map.of("partner", List.of(partner.getCode()),
                        "status", List.of("REQUESTED", "ACTIVE"), "developer", List.of(employee))),
                get("/api/developer-authorizations/{id}", List.of(employee), Map.of("id", ids(pendingAuthorization))),
                json("POST", "/api/developer-authorizations/{id}/decision", List.of("vera"), Map.of("id", ids(pendingAuthorization)),
                        () -> Map.of("decision", "REJECT", "comment", "Нет сертификата 1С:Специалист")),
                json("POST", "/api/developer-authorizations/{id}/withdrawal", List.of("vera"), Map.of("id", ids(developerAuthorization)),
                        () -> Map.of("reason", "Сотрудник уволился")),
                get("/api/partners/{code}", List.of(employee, "vera"), Map.of("code", List.of(partner.getCode(), other.getCode()))),
                json("POST", "/api/profile-changes", List.of(profileRequester), Map.of(), HostileInputTest::profileChange),
                get("/api/profile-changes", List.of(employee, "vera"), Map.of(), Map.of("status", List.of("REQUESTED", "APPLIED"),
                        "partner", List.of(partner.getCode()), "updatedSince", List.of("2026-01-01T00:00:00Z"))),
                get("/api/profile-changes/{id}", List.of(employee), Map.of("id", ids(pendingProfileChange))),
                get("/api/subscribers/{number}/products", List.of(clientUser), Map.of("number", List.of(client.getNumber()))),
                json("POST", "/api/webhooks", List.of(hookUser), Map.of(), HostileInputTest::webhook),
                get("/api/webhooks", List.of(hookUser), Map.of(), Map.of("page", List.of("0", "1"), "sort", List.of("created", "-url"))),
                get("/api/webhooks/{id}", List.of(hookUser), Map.of("id", ids(webhook))),
                json("PUT", "/api/webhooks/{id}", List.of(hookUser), Map.of("id", ids(webhook)), HostileInputTest::webhook),
                call("POST", "/api/webhooks/{id}/secret", List.of(hookUser), Map.of("id", ids(webhook))),
                call("DELETE", "/api/webhooks/{id}", List.of(hookUser), Map.of("id", ids(webhook))),
                get("/api/webhooks/{id}/deliveries", List.of(hookUser), Map.of("id", ids(webhook))),
                new Endpoint("POST", "/api/transfers", List.of(employee), Map.of(), Map.of(), null,
                        new Multipart(() -> letterFields(otherClient), "letter", "letter.pdf", TransferApi.PDF, 10 * 1024 * 1024 + 1)),
                get("/api/transfers/{id}", List.of(employee), Map.of("id", ids(transfer))),
                get("/api/transfers", List.of(employee), Map.of(), Map.of("page", List.of("0", "1"), "size", List.of("1", "100"))),
                get("/api/transfers/{id}/letter", List.of(employee), Map.of("id", ids(transfer))),
                call("POST", "/api/transfers/{id}/withdrawal", List.of(employee), Map.of("id", ids(transfer))),
                json("POST", "/api/tokens", List.of(employee), Map.of(), () -> Map.of("name", "CRM партнера")),
                get("/api/tokens", List.of(employee), Map.of(), Map.of("sort", List.of("name", "-lastUsed", "created"))),
                get("/api/tokens/{id}", List.of(employee), Map.of("id", ids(token))),
                get("/api/team", List.of(teamAdmin, teamMember), Map.of(), Map.of("status", List.of("ACTIVE", "DEACTIVATED"),
                        "sort", List.of("name", "-userId"))),
                get("/api/team/{userId}", List.of(teamMember), Map.of("userId", List.of(teamMember, teamAdmin))),
                json("POST", "/api/team", List.of(teamAdmin), Map.of(),
                        () -> TeamApi.employee("f" + Long.toString(System.nanoTime(), 36))),
                call("POST", "/api/team/{userId}/deactivation", List.of(teamAdmin), Map.of("userId", List.of(teamMember))),
                call("POST", "/api/team/{userId}/reactivation", List.of(teamAdmin), Map.of("userId", List.of(teamMember))),
                call("PUT", "/api/team/{userId}/administrator", List.of(teamAdmin), Map.of("userId", List.of(teamMember))),
                call("DELETE", "/api/team/{userId}/administrator", List.of(teamAdmin), Map.of("userId", List.of(teamMember))),
                call("POST", "/api/team/{userId}/invitation", List.of(teamAdmin), Map.of("userId", List.of(teamMember))),
                call("DELETE", "/api/tokens/{id}", List.of(employee), Map.of("id", ids(token))),
                get("/api/requests", List.of(employee, "vera", clientUser), Map.of(), Map.of("kind", List.of("transfers", "reconciliations"),
                        "status", List.of("LETTER_REVIEW", "INVOICED"), "subscriber", List.of(otherClient.getNumber()),
                        "updatedSince", List.of("2026-01-01T00:00:00Z"), "sort", List.of("-updated", "due", "created"))),
                get("/api/requests/{kind}/{id}/timeline", List.of(employee), Map.of("kind", List.of("transfers"), "id", ids(transfer))),
                get("/api/requests/{kind}/{id}", List.of(employee), Map.of("kind", List.of("transfers"), "id", ids(transfer))),
                get("/api/tasks", List.of(employee, "vera"), Map.of(), Map.of("kind", List.of("TRANSFER_LETTER_REVIEW"),
                        "dueBefore", List.of("2030-01-01T00:00:00Z"), "overdue", List.of("true", "false"))),
                get("/api/tasks/{id}", List.of("vera"), Map.of("id", List.of(letterReview))),
                call("POST", "/api/tasks/{id}/claim", List.of("vera"), Map.of("id", List.of(letterReview))),
                call("POST", "/api/tasks/{id}/unclaim", List.of("vera"), Map.of("id", List.of(letterReview))))
                .collect(Collectors.toMap(Endpoint::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));

        // start forms: the variables as Tasklist sends them, to .../submit-form or, as a REST client would, .../start
        startForms = Stream.of(
                startForm("subscriber-transfer", List.of(employee), () -> Map.of(
                        TransferProcess.SUBSCRIBER_NUMBER.name(), string(otherClient.getNumber()), TransferProcess.SUBSCRIBER_NAME.name(), string(otherClient.getName()),
                        TransferProcess.REQUESTED_PARTNER_NAME.name(), string(TransferApi.REQUESTED_PARTNER_NAME),
                        TransferProcess.REQUESTED_PARTNER_CODE.name(), string(partner.getCode()),
                        TransferProcess.REASON.name(), string("Переходим к нам"), TransferProcess.LETTER_DATE.name(), string(LocalDate.now().minusDays(1).toString()),
                        TransferProcess.LETTER.name(), TransferApi.transientFile("letter.pdf", TransferApi.PDF))),
                startForm("reporting-extension-application", List.of(clientUser),
                        () -> ReportingApi.startFormVariables(ReportingApi.application(client.getNumber()))),
                // a month with a charge of its own: a month with nothing to reconcile is refused at the door
                startForm("monthly-settlement", List.of("fedor"), () -> {
                    prepared = true;
                    return Map.of(SettlementProcess.PERIOD.name(),
                            string(SettlementApi.monthWithOneCharge(billing, partner, client).toString()));
                }),
                startForm("extension-audit", List.of(developer), () -> {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    variables.put(ExtensionAuditProcess.EXTENSION_NAME.name(), string("Фаззинг"));
                    variables.put(ExtensionAuditProcess.KIND.name(), string("ADDITIONAL_PROCESSING"));
                    variables.put(ExtensionAuditProcess.TARGET_APPLICATION.name(), string("Бухгалтерия предприятия"));
                    variables.put(ExtensionAuditProcess.OWNER.name(), string("PARTNER"));
                    variables.put(ExtensionAuditProcess.VERSION_NUMBER.name(), string("1.0.0"));
                    variables.put(ExtensionAuditProcess.TARGET_APPLICATION_VERSION.name(), string("3.0.150"));
                    variables.put(ExtensionAuditProcess.CHANGE_NOTES.name(), string("Первая версия"));
                    variables.put(ExtensionAuditProcess.DISTRIBUTION.name(), string("ALL"));
                    variables.put(ExtensionAuditProcess.FILE.name(), file("Фаззинг.epf", EPF));
                    return variables;
                }),
                startForm("extension-installation", List.of(clientUser), () -> Map.of(InstallationProcess.SUBSCRIBER_NUMBER.name(), string(client.getNumber()),
                        InstallationProcess.DATA_AREA_ID.name(), typed(area.getId(), "Long"), InstallationProcess.VERSION_ID.name(), typed(version, "Long"))),
                startForm("extension-removal", List.of(clientUser), () -> Map.of(RemovalProcess.SUBSCRIBER_NUMBER.name(), string(client.getNumber()),
                        RemovalProcess.DATA_AREA_ID.name(), typed(area.getId(), "Long"), RemovalProcess.INSTALLATION_ID.name(), typed(1L, "Long"))),
                startForm("developer-authorization", List.of(employee), () -> {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    variables.put(DeveloperAuthorizationProcess.DEVELOPER.name(), string(freshEmployee(partner)));
                    variables.put(DeveloperAuthorizationProcess.APPLICATIONS.name(), ReportingApi.jsonValue(List.of("ACCOUNTING", "PAYROLL")));
                    variables.put(DeveloperAuthorizationProcess.REASON.name(), string("Доработки для клиентов"));
                    return variables;
                }),
                startForm("partner-profile-change", List.of(profileStarter), () -> {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    profileChange().forEach((name, value) -> variables.put(name, string((String) value)));
                    return variables;
                }),
                startForm("configuration-moderation", List.of(employee),
                        () -> Map.of(ConfigurationModerationProcess.CONFIGURATION_ID.name(), typed(configurationToSend, "Long"))))
                .collect(Collectors.toMap(Endpoint::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        java.util.concurrent.atomic.AtomicReference<Subscriber> corrected = new java.util.concurrent.atomic.AtomicReference<>();
        strangers = List.of("vera", "artem", "lidia", "fedor", "olga", "marina", employee, otherEmployee, clientUser);
        java.util.concurrent.atomic.AtomicInteger names = new java.util.concurrent.atomic.AtomicInteger();
        ModerationApi moderation = new ModerationApi(http);
        java.util.function.Supplier<String> freshTransfer = () -> String.valueOf(created(employee, "/api/transfers",
                multipart(letterFields(data.subscriber(other)), "letter", "letter.pdf", TransferApi.PDF)));
        java.util.function.Supplier<String> freshVersion = () -> {
            Map<String, Object> body = new LinkedHashMap<>(extension());
            body.put("name", "Фаззинг " + names.incrementAndGet());
            long fresh = created(developer, "/api/extensions", body);
            return String.valueOf(created(developer, "/api/extensions/" + fresh + "/versions",
                    multipart(versionFields(), "file", "Загрузка.epf", EPF)));
        };
        java.util.function.Supplier<String> sentConfiguration = () -> {
            long fresh = moderation.created(employee, account, ModerationApi.complete("Фаззинг модерации " + names.incrementAndGet()));
            ModerationApi.expect(moderation.send(employee, fresh), 200);
            return String.valueOf(moderation.moderationId(employee, fresh));
        };
        java.util.function.Supplier<String> settlement = () -> {
            String period = SettlementApi.monthWithOneCharge(billing, partner, client).toString();
            ModerationApi.expect(new SettlementApi(http).start("fedor", period), 200);
            return period;
        };
        taskKinds = Stream.of(
                new TaskKind(startForm("subscriber-transfer:userTask_reviewLetter", List.of("vera"),
                        () -> Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD"), TransferProcess.LETTER_COMMENT.name(), string("Письмо в порядке"))),
                        "userTask_reviewLetter", freshTransfer),
                new TaskKind(startForm("subscriber-transfer:userTask_correctRequest", List.of(employee), () -> {
                    Map<String, Object> variables = new LinkedHashMap<>(letterVariables(corrected.get()));
                    variables.put(TransferProcess.LETTER.name(), TransferApi.transientFile("letter-signed.pdf", TransferApi.PDF));
                    return variables;
                }), "userTask_correctRequest", () -> {
                    corrected.set(data.subscriber(other)); // the correction cannot change the subscriber
                    String transferId = String.valueOf(created(employee, "/api/transfers",
                            multipart(letterFields(corrected.get()), "letter", "letter.pdf", TransferApi.PDF)));
                    return decided(transferId, TransferProcess.KEY, "userTask_reviewLetter", "vera",
                        Map.of(TransferProcess.LETTER_DECISION.name(), string("RETURN"), TransferProcess.LETTER_COMMENT.name(), string("Нет подписи директора")));
                }),
                new TaskKind(startForm("subscriber-transfer:userTask_partnerAgreement", List.of(otherEmployee),
                        () -> Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE"), TransferProcess.PARTNER_COMMENT.name(), string("Не возражаем"))),
                        "userTask_partnerAgreement", () -> forwarded(freshTransfer.get())),
                new TaskKind(startForm("subscriber-transfer:userTask_vendorDecision", List.of("vera"),
                        () -> Map.of(TransferProcess.VENDOR_DECISION.name(), string("APPROVE"), TransferProcess.VENDOR_COMMENT.name(), string("Задолженности нет"))),
                        "userTask_vendorDecision", () -> decided(forwarded(freshTransfer.get()), TransferProcess.KEY, "userTask_partnerAgreement",
                        otherEmployee, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("OBJECT"), TransferProcess.PARTNER_COMMENT.name(), string("У клиента задолженность")))),
                new TaskKind(startForm("reporting-extension-application:userTask_processApplication", List.of(employee),
                        () -> ReportingApi.approve(true, "TWO_TO_NINE")), "userTask_processApplication", () -> {
                    Subscriber applicant = data.subscriber(partner);
                    return String.valueOf(created(data.clientUser(applicant), "/api/reporting-applications",
                            ReportingApi.application(applicant.getNumber())));
                }),
                new TaskKind(startForm("extension-audit:userTask_auditVersion", List.of("artem"), () -> {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    ExtensionAuditProcess.SEVERITY.values().forEach(severity -> variables.put(severity.name(), string(ExtensionAuditProcess.NO_FINDING)));
                    variables.put(ExtensionAuditProcess.AUDIT_DECISION.name(), string("APPROVE"));
                    variables.put(ExtensionAuditProcess.AUDIT_COMMENT.name(), string("Замечаний нет"));
                    return variables;
                }), "userTask_auditVersion", freshVersion),
                new TaskKind(startForm("extension-audit:userTask_reviewOverdueAudit", List.of("lidia"),
                        () -> Map.of(ExtensionAuditProcess.LEAD_NOTE.name(), string("Аудитор в отпуске, передано другому"))), "userTask_reviewOverdueAudit", () -> {
                    String versionId = freshVersion.get();
                    awaitIdleEngine();
                    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(ExtensionAuditProcess.KEY)
                            .processInstanceBusinessKey(versionId).singleResult().getId();
                    management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
                    return versionId;
                }),
                new TaskKind(startForm("extension-audit:userTask_reviseVersion", List.of(developer), () -> {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    variables.put(ExtensionAuditProcess.REVISION_DECISION.name(), string("RESUBMIT"));
                    variables.put(ExtensionAuditProcess.VERSION_NUMBER.name(), string("1.0.1"));
                    variables.put(ExtensionAuditProcess.CHANGE_NOTES.name(), string("Запрос вынесен из цикла"));
                    variables.put(ExtensionAuditProcess.FILE.name(), file("Загрузка-исправлено.epf", EPF));
                    return variables;
                }), "userTask_reviseVersion", () -> decided(freshVersion.get(), ExtensionAuditProcess.KEY, "userTask_auditVersion", "artem",
                        ExtensionApi.audit("REQUIRE_CHANGES", Map.of("performance", new String[] {"MAJOR", "Запрос в цикле"}),
                                "Исправьте до публикации"))),
                new TaskKind(startForm("configuration-moderation:userTask_reviewConfiguration", List.of("marina"),
                        () -> Map.of(ConfigurationModerationProcess.REVIEW_DECISION.name(), string("APPROVE"), ConfigurationModerationProcess.REVIEW_COMMENT.name(), string("Все в порядке"))),
                        "userTask_reviewConfiguration", sentConfiguration),
                new TaskKind(startForm("configuration-moderation:userTask_reviseConfiguration", List.of(employee), () -> {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    variables.put(ConfigurationModerationProcess.TITLE.name(), string("Сервисная служба для розницы"));
                    variables.put(ConfigurationModerationProcess.SHORT_DESCRIPTION.name(), string("Прием заявок, назначение исполнителей и контроль сроков."));
                    variables.put(ConfigurationModerationProcess.FULL_DESCRIPTION.name(), string("Готовые процессы и справочники для сервисной службы."));
                    variables.put(ConfigurationModerationProcess.CATEGORY.name(), string("SERVICE"));
                    variables.put(ConfigurationModerationProcess.INDUSTRY.name(), string("RETAIL"));
                    variables.put(ConfigurationModerationProcess.LINKS.name(), string("https://partnerflow.example/screenshots/service-2.png"));
                    variables.put(ConfigurationModerationProcess.FREE.name(), typed(false, "Boolean"));
                    variables.put(ConfigurationModerationProcess.PRICE.name(), string("4900"));
                    variables.put(ConfigurationModerationProcess.SUPPORT_CONTACT.name(), string("support@partners.example"));
                    variables.put(ConfigurationModerationProcess.ENTITIES.name(), string("Процесс «Обработка заявок»\nСправочник «Клиенты»"));
                    variables.put(ConfigurationModerationProcess.REVISION_ACTION.name(), string("RESUBMIT"));
                    return variables;
                }), "userTask_reviseConfiguration", () -> decided(sentConfiguration.get(), ConfigurationModerationProcess.KEY,
                        "userTask_reviewConfiguration", "marina",
                        Map.of(ConfigurationModerationProcess.REVIEW_DECISION.name(), string("REQUEST_CHANGES"), ConfigurationModerationProcess.REVIEW_COMMENT.name(), string("Добавьте в название отрасль")))),
                new TaskKind(startForm("developer-authorization:userTask_reviewDeveloperRequest", List.of("vera"),
                        () -> Map.of(DeveloperAuthorizationProcess.DECISION.name(), string("REJECT"),
                                DeveloperAuthorizationProcess.DECISION_COMMENT.name(), string("Нет сертификата 1С:Специалист"))),
                        "userTask_reviewDeveloperRequest",
                        () -> String.valueOf(data.requestDeveloperAuthorization(employee, data.partnerUser(partner)))),
                new TaskKind(startForm("partner-profile-change:userTask_reviewProfileChange", List.of("vera"),
                        () -> Map.of(PartnerProfileChangeProcess.DECISION.name(), string("REJECT"),
                                PartnerProfileChangeProcess.DECISION_COMMENT.name(), string("Пришлите письмо на бланке партнера"))),
                        "userTask_reviewProfileChange", () -> String.valueOf(data.requestProfileChange(data.partnerUser(data.partner())))),
                new TaskKind(startForm("monthly-settlement:userTask_confirmReconciliation", List.of("fedor"),
                        () -> Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("CONFIRM"), SettlementProcess.FINANCE_NOTE.name(), string("Начисления верны"))),
                        "userTask_confirmReconciliation", settlement),
                new TaskKind(startForm("monthly-settlement:userTask_answerReconciliation", List.of(employee),
                        () -> Map.of(SettlementProcess.PARTNER_REPLY.name(), string("Начисление за клиента верное, договор от 1 марта"))),
                        "userTask_answerReconciliation", () -> decided(settlement.get(), SettlementProcess.KEY,
                        "userTask_confirmReconciliation", "fedor",
                        Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("SEND_BACK"), SettlementProcess.FINANCE_NOTE.name(), string("Проверьте начисление за клиента")))))
                .collect(Collectors.toMap(kind -> kind.form().pattern(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        endpoints.putAll(taskDecisions(reconciliations));
        log.info("Hostile input: {} cases per endpoint, seed {}, {} tables counted", CASES, SEED, rows.tables());
    }

    @Test
    void everyApiEndpointHasAGenerator() {
        Set<String> inApplication = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api"))
                .forEach(pattern -> mapping.getMethodsCondition().getMethods()
                        .forEach(method -> inApplication.add(method.name() + " " + pattern))));

        assertThat(inApplication).as("endpoints of the application").isNotEmpty();
        assertThat(endpoints.keySet()).containsExactlyInAnyOrderElementsOf(inApplication);
    }

    @Test
    void everyStartFormHasAGenerator() {
        Set<String> withStartForm = new TreeSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (!definition.getResourceName().contains("processes/")) {
                continue; // deployed by a test
            }
            StartFormData form = forms.getStartFormData(definition.getId());
            if (form.getFormKey() != null || form.getCamundaFormRef() != null) {
                withStartForm.add("POST " + definition.getKey());
            }
        }

        assertThat(withStartForm).as("process definitions with a start form").isNotEmpty();
        assertThat(startForms.keySet()).containsExactlyInAnyOrderElementsOf(withStartForm);
    }

    @Test
    void everyUserTaskKindIsFuzzedOrAKnownGap() {
        Set<String> inModels = new TreeSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (definition.getResourceName().contains("processes/")) {
                repository.getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
                        .forEach(task -> inModels.add(definition.getKey() + ":" + task.getId()));
            }
        }
        Set<String> declared = new TreeSet<>(taskKinds.keySet());
        declared.addAll(NOT_FUZZED_YET);

        assertThat(inModels).as("user tasks of the processes").isNotEmpty();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(inModels);
    }

    @TestFactory
    Stream<DynamicTest> everyTaskFormWithstandsHostileInput() {
        return taskKinds.values().stream().map(kind -> DynamicTest.dynamicTest(kind.form().pattern(), () -> fuzz(kind.form(),
                (fuzz, index) -> formRequest(fuzz, kind.form(), index,
                        submitForm -> "/engine-rest/task/" + openTask(kind) + (submitForm ? "/submit-form" : "/complete")))));
    }

    /** The task of this kind the previous cases left open, or a fresh one when a case completed it. */
    private String openTask(TaskKind kind) {
        String taskId = openTasks.get(kind.form().pattern());
        if (taskId == null || tasks.createTaskQuery().taskId(taskId).count() == 0) {
            String businessKey = kind.reach().get();
            awaitIdleEngine();
            taskId = task(businessKey, processKey(kind), kind.taskDefinitionKey()).getId();
            openTasks.put(kind.form().pattern(), taskId);
            prepared = true;
        }
        return taskId;
    }

    /**
     * The typed decision {@code POST /api/tasks/{id}/{decision}} of every task kind, on an open task of its kind reached
     * through its process (the one the form's fuzzing starts with), with the body its users send; and finance's bulk call.
     */
    private Map<String, Endpoint> taskDecisions(List<String> reconciliations) {
        Map<String, Endpoint> decisions = new LinkedHashMap<>();
        for (TaskKind kind : taskKinds.values()) {
            com.partnerflow.work.TaskKind decision = com.partnerflow.work.TaskKind.of(processKey(kind), kind.taskDefinitionKey()).orElseThrow();
            String pattern = "/api/tasks/{id}/" + decision.decision();
            Map<String, List<String>> path = Map.of("id", List.of(openTask(kind)));
            Endpoint endpoint = switch (decision) {
                case TRANSFER_CORRECTION -> new Endpoint("POST", pattern, kind.form().users(), path, Map.of(), null, new Multipart(
                        () -> Map.of("decision", "RESUBMIT", "reason", "Переходим к нам"), "letter", "letter.pdf", TransferApi.PDF,
                        10 * 1024 * 1024 + 1));
                case VERSION_REVISION -> new Endpoint("POST", pattern, kind.form().users(), path, Map.of(), null, new Multipart(
                        () -> Map.of("decision", "RESUBMIT", "versionNumber", "1.0.1", "changeNotes", "Запрос вынесен из цикла"),
                        "file", "Загрузка-исправлено.epf", EPF, 50 * 1024 * 1024 + 1));
                default -> json("POST", pattern, kind.form().users(), path, () -> decisionBody(decision));
            };
            decisions.put(endpoint.key(), endpoint);
        }
        String reconciliation = reconciliations.isEmpty() ? "1" : reconciliations.get(0);
        Endpoint bulk = json("POST", "/api/tasks/reconciliation-confirmations", List.of("fedor"), Map.of(), () -> Map.of("items",
                List.of(Map.of("reconciliationId", Long.valueOf(reconciliation), "decision", "CONFIRM", "note", "Начисления верны"))));
        decisions.put(bulk.key(), bulk);
        return decisions;
    }

    /** The JSON body of a typed decision as a partner's CRM sends it. */
    private static Map<String, Object> decisionBody(com.partnerflow.work.TaskKind decision) {
        return switch (decision) {
            case TRANSFER_LETTER_REVIEW -> Map.of("decision", "FORWARD", "comment", "Письмо в порядке");
            case TRANSFER_AGREEMENT -> Map.of("decision", "AGREE", "comment", "Не возражаем");
            case TRANSFER_VENDOR_DECISION -> Map.of("decision", "APPROVE", "comment", "Задолженности нет");
            case APPLICATION_PROCESSING -> Map.of("decision", "APPROVE", "multiUserMode", true, "tier", "TWO_TO_NINE");
            case VERSION_AUDIT -> Map.of("decision", "REQUIRE_CHANGES", "comment", "Исправьте до публикации", "findings",
                    List.of(Map.of("category", "PERFORMANCE", "severity", "MAJOR", "note", "Запрос в цикле")));
            case OVERDUE_AUDIT_REVIEW -> Map.of("note", "Аудитор в отпуске, передано другому");
            case RECONCILIATION_CONFIRMATION -> Map.of("decision", "CONFIRM", "note", "Начисления верны");
            case RECONCILIATION_ANSWER -> Map.of("reply", "Начисление за клиента верное, договор от 1 марта");
            case CONFIGURATION_REVIEW -> Map.of("decision", "APPROVE", "comment", "Все в порядке");
            case CONFIGURATION_REVISION -> Map.of("decision", "RESUBMIT");
            case DEVELOPER_REVIEW -> Map.of("decision", "REJECT", "comment", "Нет сертификата 1С:Специалист");
            case PROFILE_CHANGE_REVIEW -> Map.of("decision", "REJECT", "comment", "Пришлите письмо на бланке партнера");
            case TRANSFER_CORRECTION, VERSION_REVISION -> throw new IllegalArgumentException(decision + " is multipart");
        };
    }

    /** Decides the open task of the instance as its user does in Tasklist, over {@code /engine-rest}; answers the business key. */
    private String decided(String businessKey, String processKey, String taskDefinitionKey, String user, Map<String, Object> variables) {
        awaitIdleEngine();
        String taskId = task(businessKey, processKey, taskDefinitionKey).getId();
        ResponseEntity<JsonNode> done = new TransferApi(http).complete(user, taskId, variables);
        assertThat(done.getStatusCode().value()).as("%s of %s %s: %s", taskDefinitionKey, processKey, businessKey, done.getBody())
                .isEqualTo(204);
        return businessKey;
    }

    /** A transfer whose letter vendor staff forwarded: the current partner's agreement is open. */
    private String forwarded(String transferId) {
        return decided(transferId, TransferProcess.KEY, "userTask_reviewLetter", "vera",
                Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD"), TransferProcess.LETTER_COMMENT.name(), string("Письмо в порядке")));
    }

    private org.camunda.bpm.engine.task.Task task(String businessKey, String processKey, String taskDefinitionKey) {
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as("open %s of %s %s", taskDefinitionKey, processKey, businessKey).isNotNull();
        return task;
    }

    private static String processKey(TaskKind kind) {
        return kind.form().pattern().substring(0, kind.form().pattern().indexOf(':'));
    }

    @TestFactory
    Stream<DynamicTest> everyApiEndpointWithstandsHostileInput() {
        return endpoints.values().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.key(), () -> fuzz(endpoint,
                (fuzz, index) -> requests.next(fuzz, endpoint, index))));
    }

    @TestFactory
    Stream<DynamicTest> everyStartFormWithstandsHostileInput() {
        return startForms.values().stream().map(form -> DynamicTest.dynamicTest(form.pattern(), () -> fuzz(form,
                (fuzz, index) -> startFormRequest(fuzz, form, index))));
    }

    private void fuzz(Endpoint endpoint, java.util.function.BiFunction<Fuzz, Integer, Request> next) {
        Fuzz fuzz = new Fuzz(SEED ^ endpoint.key().hashCode());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        long started = System.nanoTime();
        Map<String, Long> before = rows.count();
        for (int index = 0; index < CASES; index++) {
            Request request = next.apply(fuzz, index);
            if (prepared) {
                before = rows.count();
                prepared = false;
            }
            ResponseEntity<byte[]> response = send(request);
            int status = response.getStatusCode().value();
            statuses.merge(status, 1, Integer::sum);
            List<String> problems = problems(endpoint, request, response);
            Map<String, Long> after = rows.count();
            if (status >= 400) {
                String changes = StoredRows.changes(before, after);
                if (!changes.isEmpty()) {
                    problems.add("refused, but rows changed: " + changes);
                }
            } else {
                awaitIdleEngine();
                after = rows.count();
            }
            before = after;
            if (!problems.isEmpty() && failures.size() < 15) {
                failures.add(request.description() + "\n    -> " + status + " " + Fuzz.describe(body(response)) + "\n    " + problems);
            }
        }
        log.info("Hostile input {}: {} cases in {} ms, statuses {}", endpoint.key(), CASES, (System.nanoTime() - started) / 1_000_000,
                statuses);
        assertThat(failures).as("failed cases of %s (seed %s), statuses %s", endpoint.key(), SEED, statuses).isEmpty();
    }

    private List<String> problems(Endpoint endpoint, Request request, ResponseEntity<byte[]> response) {
        List<String> problems = new ArrayList<>();
        int status = response.getStatusCode().value();
        String body = body(response);
        if (status >= 500) {
            problems.add("server error");
        }
        String sent = java.net.URLDecoder.decode(request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery(), StandardCharsets.UTF_8)
                + java.net.URLDecoder.decode(request.uri().getRawPath(), StandardCharsets.UTF_8)
                + (request.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(request.body()));
        for (Pattern internal : INTERNALS) {
            Matcher matcher = internal.matcher(body);
            while (matcher.find()) {
                // stored by an earlier accepted case (a comment, a reason) and listed now: the fuzzer's own data
                String found = matcher.group();
                if (!sent.contains(found) && Fuzz.NASTY.stream().noneMatch(nasty -> nasty.contains(found))) {
                    problems.add("internals in the answer: " + matcher.group());
                    break;
                }
            }
        }
        MediaType type = response.getHeaders().getContentType();
        boolean download = status < 300 && DOWNLOADS.contains(endpoint.key());
        if (!body.isEmpty() && !download && (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json")))) {
            problems.add("answered as " + type + ", not JSON");
        }
        if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML)) {
            problems.add("answered as HTML");
        }
        if (status < 300 && ECHOING.contains(endpoint.key()) && !request.sentText().isEmpty()) {
            try {
                JsonNode answer = JSON.readTree(body);
                request.sentText().forEach((name, value) -> {
                    JsonNode echoed = answer.get(name);
                    if (echoed != null && echoed.isTextual() && !echoed.asText().equals(value) && !echoed.asText().equals(value.strip())) {
                        problems.add(name + " came back as " + Fuzz.describe(echoed.asText()));
                    }
                });
            } catch (java.io.IOException e) {
                problems.add("accepted, but the answer is not JSON");
            }
        }
        return problems;
    }

    private Request startFormRequest(Fuzz fuzz, Endpoint form, int index) {
        return formRequest(fuzz, form, index,
                submitForm -> "/engine-rest/process-definition/key/" + form.pattern() + (submitForm ? "/submit-form" : "/start"));
    }

    /** The form's variables with one to three of them dropped, retyped, changed or added, to the form's URL. */
    private Request formRequest(Fuzz fuzz, Endpoint form, int index, Function<Boolean, String> pathOf) {
        List<String> notes = new ArrayList<>();
        String user = fuzz.pick(form.users());
        if (fuzz.chance(12)) {
            List<String> wrong = strangers.stream().filter(stranger -> !form.users().contains(stranger)).toList();
            user = fuzz.pick(wrong);
            notes.add("as " + user);
        }
        boolean submitForm = fuzz.chance(60);
        String path = pathOf.apply(submitForm); // first: a task form's variables may depend on the task reached
        Map<String, Object> variables = new LinkedHashMap<>(form.json().get());
        List<String> names = new ArrayList<>(variables.keySet());
        int changes = 1 + fuzz.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int what = fuzz.nextInt(10);
            if (what < 2) {
                String name = fuzz.pick(names);
                variables.remove(name);
                notes.add("-" + name);
            } else if (what < 5) {
                String name = fuzz.pick(names);
                Map<String, Object> value = fuzz.typedValue();
                variables.put(name, value);
                notes.add(name + "=" + Fuzz.describe(value));
            } else if (what < 9) {
                String name = fuzz.pick(names);
                Map<String, Object> value = string(fuzz.text());
                variables.put(name, value);
                notes.add(name + "=" + Fuzz.describe(value));
            } else {
                String name = fuzz.chance(50) ? fuzz.pick("transferId", "applicationId", "versionId", "initiator", "reconciliationIds",
                        "tier", "letterDecision", "auditDecision", "reviewDecision", "settlementDecision", "partnerAnswer", "vendorDecision",
                        "revisionDecision", "revisionAction", "reconciliationId", "configurationId") : fuzz.text();
                variables.put(name, fuzz.typedValue());
                notes.add("+" + Fuzz.describe(name));
            }
        }
        // 10 MB in base64 inside JSON takes seconds to go through: the profile's runs only
        if (index == 1 && CASES >= 100 && variables.containsKey("letter")) {
            variables.put(TransferProcess.LETTER.name(), file("letter.pdf", new byte[10 * 1024 * 1024 + 1]));
            notes.add("letter of 10 MB + 1");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("variables", fuzz.chance(3) ? fuzz.json(1) : variables);
        if (!submitForm && fuzz.chance(30)) {
            payload.put("businessKey", fuzz.text());
        }
        byte[] body = fuzz.chance(5) ? fuzz.brokenJson().getBytes(StandardCharsets.UTF_8) : HostileRequests.write(payload);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return new Request(form.pattern() + " #" + index + " " + path + " " + String.join("; ", notes), user, user, HttpMethod.POST,
                java.net.URI.create(http.getRootUri() + path), headers, body, Map.of());
    }

    private ResponseEntity<byte[]> send(Request request) {
        return http.exchange(new RequestEntity<>(request.body(), request.headers(), request.method(), request.uri()), byte[].class);
    }

    private static String body(ResponseEntity<byte[]> response) {
        return response.getBody() == null ? "" : new String(response.getBody(), StandardCharsets.UTF_8);
    }

    /** Until no job is due: an accepted request's asynchronous steps have run, and nothing changes the counts meanwhile. */
    private void awaitIdleEngine() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> management.createJobQuery().executable().count() == 0);
    }

    /** An IP literal on loopback (allowed in tests, no DNS lookup), where nothing listens. */
    private static Map<String, Object> webhook() {
        return Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("request.created", "task.waiting"),
                "description", "CRM для фаззинга");
    }

    private long created(String user, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(body instanceof org.springframework.util.MultiValueMap<?, ?> ? MediaType.MULTIPART_FORM_DATA
                : MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as("POST %s: %s", path, response.getBody()).isEqualTo(201);
        return response.getBody().get("id").asLong();
    }

    private static final byte[] EPF = "EPF fuzzing fixture".getBytes(StandardCharsets.UTF_8);

    private static Map<String, Object> configuration() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Учет договоров");
        body.put("shortDescription", "Согласование и хранение договоров");
        body.put("fullDescription", "Маршрут согласования, сроки, напоминания.");
        body.put("category", "DOCUMENTS");
        body.put("industry", "ANY");
        body.put("links", List.of("https://example.com/contracts.png"));
        body.put("price", 3000);
        body.put("supportContact", "help@partners.test");
        body.put("entities", List.of(Map.of("kind", "PROCESS", "name", "Согласование договора")));
        return body;
    }

    private static Map<String, Object> extension() {
        return Map.of("name", "Выгрузка в банк", "kind", "ADDITIONAL_PROCESSING", "targetApplication", "Бухгалтерия предприятия",
                "owner", "PARTNER");
    }

    private static Map<String, Object> versionFields() {
        return Map.of("version", "1.0.0", "targetApplicationVersion", "3.0.150", "changeNotes", "Первая версия", "distribution", "ALL");
    }

    /** The letter's fields as the start and correction forms send them. */
    private static Map<String, Object> letterVariables(Subscriber subscriber) {
        return Map.of(TransferProcess.SUBSCRIBER_NUMBER.name(), string(subscriber.getNumber()), TransferProcess.SUBSCRIBER_NAME.name(), string(subscriber.getName()),
                TransferProcess.REQUESTED_PARTNER_NAME.name(), string(TransferApi.REQUESTED_PARTNER_NAME),
                TransferProcess.REASON.name(), string("Переходим к нам"), TransferProcess.LETTER_DATE.name(), string(LocalDate.now().minusDays(1).toString()));
    }

    private static Map<String, Object> letterFields(Subscriber subscriber) {
        return TransferApi.letter(subscriber.getNumber(), subscriber.getName());
    }

    private static org.springframework.util.MultiValueMap<String, Object> multipart(Map<String, Object> fields, String filePart,
                                                                                    String fileName, byte[] file) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(parts::add);
        parts.add(filePart, HostileRequests.file(fileName, file));
        return parts;
    }

    private static List<String> ids(long valid) {
        return List.of(String.valueOf(valid));
    }

    private static Endpoint get(String pattern, List<String> users, Map<String, List<String>> path) {
        return get(pattern, users, path, Map.of());
    }

    private static Endpoint get(String pattern, List<String> users, Map<String, List<String>> path, Map<String, List<String>> query) {
        return new Endpoint("GET", pattern, users, path, query, null, null);
    }

    private static Endpoint call(String method, String pattern, List<String> users, Map<String, List<String>> path) {
        return new Endpoint(method, pattern, users, path, Map.of(), null, null);
    }

    private static Endpoint json(String method, String pattern, List<String> users, Map<String, List<String>> path,
                                 java.util.function.Supplier<Map<String, Object>> body) {
        return new Endpoint(method, pattern, users, path, Map.of(), body, null);
    }

    /** A start form, keyed {@code POST <process key>}. */
    private static Endpoint startForm(String processKey, List<String> users, java.util.function.Supplier<Map<String, Object>> variables) {
        return new Endpoint("POST", processKey, users, Map.of(), Map.of(), variables, null);
    }

    private static Map<String, Object> string(String value) {
        return typed(value, "String");
    }

    /** A new employee of the partner, for a request of their own: its rows are written before the request is counted. */
    private String freshEmployee(Partner partner) {
        prepared = true;
        return data.partnerUser(partner);
    }

    /** A request to change the partner's details, as a partner's CRM sends it. */
    private static Map<String, Object> profileChange() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", "+7 495 765-43-21");
        body.put("website", "https://partner.example");
        body.put("reason", "Переехали в новый офис");
        return body;
    }

    /** A request for a developer authorization, as a partner's CRM sends it. */
    private static Map<String, Object> developerRequest(String developer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("developer", developer);
        body.put("applications", List.of("ACCOUNTING", "PAYROLL"));
        body.put("reason", "Доработки для клиентов");
        return body;
    }

    private static Map<String, Object> typed(Object value, String type) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("value", value);
        variable.put("type", type);
        return variable;
    }

    private static Map<String, Object> file(String name, byte[] content) {
        return Map.of("value", Base64.getEncoder().encodeToString(content), "type", "File",
                "valueInfo", Map.of("filename", name, "mimeType", "application/octet-stream", "transient", true));
    }
}
