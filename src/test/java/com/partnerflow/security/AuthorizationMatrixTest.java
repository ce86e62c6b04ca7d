package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.audit.InstallationProcess;
import com.partnerflow.audit.RemovalProcess;
import com.partnerflow.billing.BillingService;
import com.partnerflow.billing.SettlementApi;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.developer.DeveloperAuthorizationProcess;
import com.partnerflow.partner.PartnerProfileChangeProcess;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.moderation.ReviewDecision;
import com.partnerflow.partner.Partner;
import com.partnerflow.reporting.ReportingApi;
import com.partnerflow.reporting.ReportingProcess;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * Who may do what with every process, over {@code /api} and {@code /engine-rest}: one table, {@link #POLICY}, and one
 * case per cell. The requests are built once for the class; a start, and a completion the table allows, work on
 * fresh requests of their own, so no case changes what another one reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    /**
     * The intended policy (DESIGN.md «Who uses it», docs/security.md): {@code Y} allowed, {@code .} refused, one column
     * per {@link Role} in its order. A process without a row for an action has no such thing (an installation ends at
     * once: no running instance, no task). «own» is the request's: the partner that submitted or processes it, the
     * client user of its subscriber; the «other» partner and client are strangers to it (the other client is served by
     * the same partner). Vendor staff, operations and administrators see every partner's requests; each reviewer
     * group works and sees its own process; only the vendor's administrators deploy. Camunda's administrators hold
     * every engine permission, so they may also complete a task where the domain does not ask for a particular
     * partner's people (it does for the reporting application: only the servicing partner decides).
     */
    private static final String POLICY = """
            #                              own-    other-  own-    other-  vendor-                 audit-
            #                              partner partner client  client  staff   auditor lead    moder.  finance ops     admin   anonym.
            transfer      see-request      Y       .       .       .       Y       .       .       .       .       Y       Y       .
            transfer      see-instance     Y       .       .       .       Y       .       .       .       .       Y       Y       .
            transfer      see-tasks        .       .       .       .       Y       .       .       .       .       Y       Y       .
            transfer      start            Y       Y       .       .       .       .       .       .       .       .       .       .
            transfer      complete         .       .       .       .       Y       .       .       .       .       .       Y       .
            transfer      read-history     Y       .       .       .       Y       .       .       .       .       Y       Y       .
            reporting     see-request      Y       .       Y       .       Y       .       .       .       .       Y       Y       .
            reporting     see-instance     Y       .       Y       .       Y       .       .       .       .       Y       Y       .
            reporting     see-tasks        Y       .       .       .       Y       .       .       .       .       Y       Y       .
            reporting     start            Y       .       Y       .       .       .       .       .       .       .       .       .
            reporting     complete         Y       .       .       .       .       .       .       .       .       .       .       .
            reporting     read-history     Y       .       Y       .       Y       .       .       .       .       Y       Y       .
            settlement    see-request      Y       .       .       .       Y       .       .       .       Y       Y       Y       .
            settlement    see-instance     .       .       .       .       .       .       .       .       Y       Y       Y       .
            settlement    see-tasks        .       .       .       .       .       .       .       .       Y       Y       Y       .
            settlement    start            .       .       .       .       .       .       .       .       Y       .       Y       .
            settlement    complete         .       .       .       .       .       .       .       .       Y       .       Y       .
            settlement    read-history     .       .       .       .       .       .       .       .       Y       Y       Y       .
            audit         see-request      Y       .       .       .       Y       Y       Y       .       .       Y       Y       .
            audit         see-instance     Y       .       .       .       Y       Y       Y       .       .       Y       Y       .
            audit         see-tasks        .       .       .       .       Y       Y       Y       .       .       Y       Y       .
            audit         start            Y       .       .       .       .       .       .       .       .       .       .       .
            audit         complete         .       .       .       .       .       Y       .       .       .       .       Y       .
            audit         read-history     Y       .       .       .       Y       Y       Y       .       .       Y       Y       .
            installation  see-request      Y       .       Y       .       Y       .       .       .       .       Y       Y       .
            installation  start            .       .       Y       .       .       .       .       .       .       .       .       .
            installation  read-history     .       .       .       .       .       .       .       .       .       Y       Y       .
            removal       see-request      Y       .       Y       .       Y       .       .       .       .       Y       Y       .
            removal       start            .       .       Y       .       .       .       .       .       .       .       .       .
            removal       read-history     .       .       .       .       .       .       .       .       .       Y       Y       .
            moderation    see-request      Y       .       .       .       Y       .       .       Y       .       Y       Y       .
            moderation    see-instance     Y       .       .       .       Y       .       .       Y       .       Y       Y       .
            moderation    see-tasks        .       .       .       .       Y       .       .       Y       .       Y       Y       .
            moderation    start            Y       .       .       .       .       .       .       .       .       .       .       .
            moderation    complete         .       .       .       .       .       .       .       Y       .       .       Y       .
            moderation    read-history     Y       .       .       .       Y       .       .       Y       .       Y       Y       .
            developer     see-request      Y       .       .       .       Y       .       .       .       .       Y       Y       .
            developer     see-instance     Y       .       .       .       Y       .       .       .       .       Y       Y       .
            developer     see-tasks        .       .       .       .       Y       .       .       .       .       Y       Y       .
            developer     start            Y       .       .       .       .       .       .       .       .       .       .       .
            developer     complete         .       .       .       .       Y       .       .       .       .       .       Y       .
            developer     read-history     Y       .       .       .       Y       .       .       .       .       Y       Y       .
            profile       see-request      Y       .       .       .       Y       .       .       .       .       Y       Y       .
            profile       see-instance     Y       .       .       .       Y       .       .       .       .       Y       Y       .
            profile       see-tasks        .       .       .       .       Y       .       .       .       .       Y       Y       .
            profile       start            Y       Y       .       .       .       .       .       .       .       .       .       .
            profile       complete         .       .       .       .       Y       .       .       .       .       .       Y       .
            profile       read-history     Y       .       .       .       Y       .       .       .       .       Y       Y       .
            engine        deploy           .       .       .       .       .       .       .       .       .       .       Y       .
            engine        undeploy         .       .       .       .       .       .       .       .       .       .       Y       .
            """;

    enum Role { OWN_PARTNER, OTHER_PARTNER, OWN_CLIENT, OTHER_CLIENT, VENDOR_STAFF, AUDITOR, AUDIT_LEAD, MODERATOR, FINANCE, OPS,
        ADMIN, ANONYMOUS }

    /** The processes, and the engine itself for deployments. */
    enum Flow { TRANSFER, REPORTING, SETTLEMENT, AUDIT, INSTALLATION, REMOVAL, MODERATION, DEVELOPER, PROFILE, ENGINE }

    enum Action { SEE_REQUEST, SEE_INSTANCE, SEE_TASKS, START, COMPLETE, READ_HISTORY, DEPLOY, UNDEPLOY }

    record Case(Flow process, Action action, Role role, boolean allowed) {
        @Override
        public String toString() {
            return label(process) + ": " + label(role) + (allowed ? " may " : " may not ") + label(action);
        }
    }

    /** A request in flight: its process, business key, the open task a completion answers, and its {@code /api} resource. */
    record Subject(String key, String businessKey, String taskKey, String requestPath) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    SubscriberService subscriberService;
    @Autowired
    BillingService billing;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    TransferApi transfers;
    ReportingApi reporting;
    ExtensionApi extensions;
    ModerationApi moderations;

    final Map<Role, String> users = new EnumMap<>(Role.class);
    Partner ownPartner;
    Partner servingPartner;
    Subscriber ownSubscriber;
    long accountId;
    long publishedVersionId;
    final Map<Flow, Subject> subjects = new EnumMap<>(Flow.class);

    static Stream<Case> policy() {
        List<Case> cases = new ArrayList<>();
        for (String line : POLICY.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            assertThat(cells).as(line).hasSize(2 + Role.values().length);
            Flow process = Flow.valueOf(constant(cells[0]));
            Action action = Action.valueOf(constant(cells[1]));
            for (Role role : Role.values()) {
                String cell = cells[2 + role.ordinal()];
                assertThat(cell).as(line).isIn("Y", ".");
                cases.add(new Case(process, action, role, cell.equals("Y")));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    void requestsOfEveryProcessAndAUserInEveryRole() {
        transfers = new TransferApi(http);
        reporting = new ReportingApi(http);
        extensions = new ExtensionApi(http);
        moderations = new ModerationApi(http);

        ownPartner = data.partner();
        servingPartner = data.partner();
        ownSubscriber = data.subscriber(ownPartner);
        users.put(Role.OWN_PARTNER, data.developer(ownPartner));
        users.put(Role.OTHER_PARTNER, data.developer(data.partner()));
        users.put(Role.OWN_CLIENT, data.clientUser(ownSubscriber));
        users.put(Role.OTHER_CLIENT, data.clientUser(data.subscriber(ownPartner)));
        users.put(Role.VENDOR_STAFF, data.user(Groups.VENDOR_STAFF));
        users.put(Role.AUDITOR, data.user(Groups.AUDITORS));
        users.put(Role.AUDIT_LEAD, data.user(Groups.AUDIT_LEADS));
        users.put(Role.MODERATOR, data.user(Groups.MODERATORS));
        users.put(Role.FINANCE, data.user(Groups.FINANCE));
        users.put(Role.OPS, data.user(Groups.OPS));
        users.put(Role.ADMIN, "admin");
        users.put(Role.ANONYMOUS, null);
        accountId = moderations.account(user(Role.OWN_PARTNER), "Матрица " + ownPartner.getCode());

        for (Flow process : new Flow[] {Flow.TRANSFER, Flow.REPORTING, Flow.SETTLEMENT, Flow.AUDIT, Flow.MODERATION, Flow.DEVELOPER,
                Flow.PROFILE}) {
            subjects.put(process, fresh(process));
        }
        publishedVersionId = publishedVersion();
        ResponseEntity<JsonNode> installed = extensions.install(user(Role.OWN_CLIENT), ownSubscriber.getNumber(),
                data.dataArea(ownSubscriber, ExtensionApi.ACCOUNTING).getId(), publishedVersionId);
        assertThat(installed.getStatusCode().value()).as("%s", installed.getBody()).isEqualTo(201);
        subjects.put(Flow.INSTALLATION, new Subject(InstallationProcess.KEY, installed.getBody().get("id").asText(), null,
                "/api/subscribers/" + ownSubscriber.getNumber() + "/data-areas"));
        long removed = installedOnce();
        assertThat(removal(user(Role.OWN_CLIENT), removed).getStatusCode().value()).isEqualTo(204);
        subjects.put(Flow.REMOVAL, new Subject(RemovalProcess.KEY, String.valueOf(removed), null,
                "/api/subscribers/" + ownSubscriber.getNumber() + "/data-areas"));
    }

    /** A fresh installation of the published version into a new data area of the own client; returns its id. */
    private long installedOnce() {
        ResponseEntity<JsonNode> installed = extensions.install(user(Role.OWN_CLIENT), ownSubscriber.getNumber(),
                data.dataArea(ownSubscriber, ExtensionApi.ACCOUNTING).getId(), publishedVersionId);
        assertThat(installed.getStatusCode().value()).as("%s", installed.getBody()).isEqualTo(201);
        return installed.getBody().get("id").asLong();
    }

    private ResponseEntity<JsonNode> removal(String user, long installationId) {
        JsonNode installation = StreamSupport.stream(get(user(Role.OWN_CLIENT), "/api/subscribers/" + ownSubscriber.getNumber()
                        + "/data-areas").getBody().spliterator(), false)
                .flatMap(area -> StreamSupport.stream(area.get("installations").spliterator(), false))
                .filter(found -> found.get("id").asLong() == installationId).findFirst().orElseThrow();
        return extensions.remove(user, ownSubscriber.getNumber(), installation.get("dataAreaId").asLong(), installationId);
    }

    /** A new process is not forgotten: every deployed process has requests here and rows in the policy. */
    @Test
    void everyDeployedProcessIsInThePolicy() {
        Set<String> deployed = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).collect(Collectors.toSet());
        assertThat(subjects.values().stream().map(Subject::key)).as("a request of every process")
                .containsExactlyInAnyOrderElementsOf(deployed);
        assertThat(policy().map(Case::process).distinct()).as("rows for every process and the engine")
                .containsExactlyInAnyOrder(Flow.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policy")
    void everyRoleGetsWhatThePolicySaysAndNothingElse(Case rule) {
        String user = user(rule.role());
        boolean allowed = switch (rule.action()) {
            case SEE_REQUEST -> read(get(user, subject(rule).requestPath()));
            case SEE_INSTANCE -> listed(get(user, "/engine-rest/process-instance?processDefinitionKey=" + subject(rule).key()
                    + "&businessKey=" + subject(rule).businessKey() + "&maxResults=10"));
            case SEE_TASKS -> listed(get(user, "/engine-rest/task?processDefinitionKey=" + subject(rule).key()
                    + "&processInstanceBusinessKey=" + subject(rule).businessKey() + "&maxResults=10"));
            case READ_HISTORY -> readsHistory(user, subject(rule));
            case START -> done(start(rule.process(), user));
            // a completion the policy allows uses up the task: it gets a request of its own
            case COMPLETE -> completes(user, rule.allowed() ? fresh(rule.process()) : subject(rule), rule.process());
            case DEPLOY -> done(deploy(user));
            case UNDEPLOY -> undeploys(user);
        };
        assertThat(allowed).as(rule.toString()).isEqualTo(rule.allowed());
        if (!allowed && rule.role() != Role.ANONYMOUS && rule.action() == Action.DEPLOY) {
            assertThat(lastStatus).as("%s: the engine's own refusal", rule).isEqualTo(403);
        }
    }

    // ---- the requests ----

    /** A new request of the process, waiting at its first task, submitted by whoever submits it in real life. */
    private Subject fresh(Flow process) {
        int n = SEQUENCE.incrementAndGet();
        String partnerUser = user(Role.OWN_PARTNER);
        return switch (process) {
            case TRANSFER -> {
                Subscriber subscriber = transferable();
                ResponseEntity<JsonNode> created = transfers.submit(partnerUser,
                        TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF);
                assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
                String id = created.getBody().get("id").asText();
                yield new Subject(TransferProcess.KEY, id, TransferProcess.Elements.REVIEW_LETTER, "/api/transfers/" + id);
            }
            case REPORTING -> {
                long id = reporting.submitted(user(Role.OWN_CLIENT), ReportingApi.application(ownClientsNewSubscriber().getNumber()));
                yield new Subject(ReportingProcess.KEY, String.valueOf(id), ReportingProcess.Elements.PROCESS_APPLICATION,
                        "/api/reporting-applications/" + id);
            }
            case SETTLEMENT -> {
                String month = SettlementApi.monthWithOneCharge(billing, ownPartner, ownSubscriber).toString();
                ResponseEntity<JsonNode> started = new SettlementApi(http).start(user(Role.FINANCE), month);
                assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
                Task task = openTask(SettlementProcess.KEY, month, SettlementProcess.Elements.CONFIRM_RECONCILIATION);
                long reconciliationId = transfers.get(user(Role.FINANCE), "/engine-rest/task/" + task.getId() + "/variables/"
                        + SettlementProcess.RECONCILIATION_ID.name()).getBody().get("value").asLong();
                yield new Subject(SettlementProcess.KEY, month, SettlementProcess.Elements.CONFIRM_RECONCILIATION,
                        "/api/reconciliations/" + reconciliationId);
            }
            case AUDIT -> {
                long extensionId = extensions.registered(partnerUser, "Матрица аудита " + n);
                long versionId = extensions.submitted(partnerUser, extensionId, ExtensionApi.version("1.0", ownSubscriber.getNumber()));
                yield new Subject(ExtensionAuditProcess.KEY, String.valueOf(versionId), ExtensionAuditProcess.Elements.AUDIT_VERSION,
                        "/api/extension-versions/" + versionId);
            }
            case MODERATION -> {
                long configurationId = moderations.created(partnerUser, accountId, ModerationApi.complete("Матрица " + n));
                ModerationApi.expect(moderations.send(partnerUser, configurationId), 200);
                yield new Subject(ConfigurationModerationProcess.KEY, String.valueOf(moderations.moderationId(partnerUser, configurationId)),
                        ConfigurationModerationProcess.Elements.REVIEW, "/api/configurations/" + configurationId);
            }
            case DEVELOPER -> {
                long id = data.requestDeveloperAuthorization(partnerUser, data.partnerUser(ownPartner));
                yield new Subject(DeveloperAuthorizationProcess.KEY, String.valueOf(id), DeveloperAuthorizationProcess.Elements.REVIEW,
                        "/api/developer-authorizations/" + id);
            }
            case PROFILE -> {
                // one open request per partner: the shared subject is the own partner's, a completion's fresh one another partner's
                String requester = subjects.containsKey(Flow.PROFILE) ? data.partnerUser(data.partner()) : partnerUser;
                long id = data.requestProfileChange(requester);
                yield new Subject(PartnerProfileChangeProcess.KEY, String.valueOf(id), PartnerProfileChangeProcess.Elements.REVIEW,
                        "/api/profile-changes/" + id);
            }
            case INSTALLATION, REMOVAL, ENGINE -> throw new IllegalArgumentException(process + " has no task");
        };
    }

    /** A subscriber of another partner, whose client user is also the «own client»: what a transfer is about. */
    private Subscriber transferable() {
        Subscriber subscriber = data.subscriber(servingPartner);
        subscriberService.addClientUser(subscriber.getNumber(), user(Role.OWN_CLIENT));
        return subscriber;
    }

    /** A new subscriber of the own partner that the «own client» acts for: one open application per subscriber. */
    private Subscriber ownClientsNewSubscriber() {
        Subscriber subscriber = data.subscriber(ownPartner);
        subscriberService.addClientUser(subscriber.getNumber(), user(Role.OWN_CLIENT));
        return subscriber;
    }

    /** A version of the own partner's extension for the own subscriber, approved by an auditor, so published. */
    private long publishedVersion() {
        long extensionId = extensions.registered(user(Role.OWN_PARTNER), "Матрица установки " + SEQUENCE.incrementAndGet());
        long versionId = extensions.submitted(user(Role.OWN_PARTNER), extensionId, ExtensionApi.version("1.0", ownSubscriber.getNumber()));
        Task audit = openTask(ExtensionAuditProcess.KEY, String.valueOf(versionId), ExtensionAuditProcess.Elements.AUDIT_VERSION);
        ResponseEntity<JsonNode> approved = transfers.complete(user(Role.AUDITOR), audit.getId(), ExtensionApi.audit("APPROVE", Map.of(), null));
        assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(204);
        return versionId;
    }

    // ---- the actions ----

    /** Starts the process through its usual door, with input that is valid for whoever may start it. */
    private ResponseEntity<JsonNode> start(Flow process, String user) {
        int n = SEQUENCE.incrementAndGet();
        return switch (process) {
            case TRANSFER -> {
                Subscriber subscriber = transferable();
                yield transfers.submit(user, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF);
            }
            case REPORTING -> reporting.submit(user, ReportingApi.application(ownClientsNewSubscriber().getNumber()));
            case SETTLEMENT -> new SettlementApi(http).start(user, SettlementApi.monthWithOneCharge(billing, ownPartner, ownSubscriber).toString());
            case AUDIT -> extensions.submit(user, extensions.registered(user(Role.OWN_PARTNER), "Матрица запуска " + n),
                    ExtensionApi.version("1.0", ownSubscriber.getNumber()), "Выписки.epf", new byte[] {1, 2, 3});
            case INSTALLATION -> extensions.install(user, ownSubscriber.getNumber(),
                    data.dataArea(ownSubscriber, ExtensionApi.ACCOUNTING).getId(), publishedVersionId);
            case REMOVAL -> removal(user, installedOnce());
            case MODERATION -> moderations.send(user, moderations.created(user(Role.OWN_PARTNER), accountId,
                    ModerationApi.complete("Матрица запуска " + n)));
            case DEVELOPER -> exchange(user, HttpMethod.POST, "/api/developer-authorizations", Map.of("developer",
                    data.partnerUser(ownPartner), "applications", List.of("ACCOUNTING"), "reason", "Матрица запуска " + n));
            case PROFILE -> startedOrOneOpenPerPartner(exchange(user, HttpMethod.POST, "/api/profile-changes",
                    Map.of("phone", "+7 495 000-00-" + String.format("%02d", n % 100), "reason", "Матрица запуска " + n)));
            case ENGINE -> throw new IllegalArgumentException("the engine is not started");
        };
    }

    /**
     * A profile change the door let through: created, or refused by the one rule a partner's own open request sets (the
     * own partner's is the shared subject, open for every other case) — an allowed start, not a refusal of the caller.
     */
    private static ResponseEntity<JsonNode> startedOrOneOpenPerPartner(ResponseEntity<JsonNode> answer) {
        if (answer.getStatusCode().value() == 409 && answer.getBody() != null
                && answer.getBody().path("detail").asText().startsWith("У партнера уже есть открытый запрос на изменение данных")) {
            return ResponseEntity.status(201).body(answer.getBody());
        }
        return answer;
    }

    /** Completes the request's open task as its form would; a refusal must leave the task open. */
    private boolean completes(String user, Subject subject, Flow process) {
        Task task = openTask(subject.key(), subject.businessKey(), subject.taskKey());
        Map<String, Object> answer = switch (process) {
            case TRANSFER -> Map.of(TransferProcess.LETTER_DECISION.name(), TransferApi.string("FORWARD"));
            case REPORTING -> ReportingApi.approve(true, "TWO_TO_NINE");
            case SETTLEMENT -> Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), TransferApi.string("CONFIRM"));
            case AUDIT -> ExtensionApi.audit("APPROVE", Map.of(), null);
            case MODERATION -> ModerationApi.review(ReviewDecision.APPROVE, null);
            case DEVELOPER -> Map.of(DeveloperAuthorizationProcess.DECISION.name(), TransferApi.string("APPROVE"));
            case PROFILE -> Map.of(PartnerProfileChangeProcess.DECISION.name(), TransferApi.string("APPROVE"));
            case INSTALLATION, REMOVAL, ENGINE -> throw new IllegalArgumentException(process + " has no task");
        };
        boolean completed = done(transfers.complete(user, task.getId(), answer));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is %s", completed ? "done" : "still open")
                .isEqualTo(completed ? 0 : 1);
        return completed;
    }

    /** The historic instance and its variables: both visible or neither. */
    private boolean readsHistory(String user, Subject subject) {
        String instanceId = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(subject.key())
                .processInstanceBusinessKey(subject.businessKey()).singleResult().getId();
        boolean instance = listed(get(user, "/engine-rest/history/process-instance?processDefinitionKey=" + subject.key()
                + "&processInstanceBusinessKey=" + subject.businessKey() + "&maxResults=10"));
        boolean variables = listed(get(user, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId + "&maxResults=10"));
        assertThat(variables).as("the history's variables are visible exactly when its instance is").isEqualTo(instance);
        return instance;
    }

    private ResponseEntity<JsonNode> deploy(String user) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "matrix-" + SEQUENCE.incrementAndGet());
        body.add("data", new ByteArrayResource("nothing to run".getBytes()) {
            @Override
            public String getFilename() {
                return "matrix-note.txt";
            }
        });
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Deletes a deployment: refused with 403, or 404 by whoever may not even read it, and then it is still there. */
    private boolean undeploys(String user) {
        String deploymentId = deployment();
        boolean deleted = done(exchange(user, HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId, null));
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(deleted ? 0 : 1);
        return deleted;
    }

    /** A harmless deployment of its own (a text file), made by the administrator, for someone to try to delete. */
    private String deployment() {
        ResponseEntity<JsonNode> deployed = deploy(user(Role.ADMIN));
        assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
        return deployed.getBody().get("id").asText();
    }

    // ---- plumbing ----

    private int lastStatus;

    private Subject subject(Case rule) {
        return subjects.get(rule.process());
    }

    private String user(Role role) {
        return users.get(role);
    }

    private Task openTask(String key, String businessKey, String taskKey) {
        return taskService.createTaskQuery().processDefinitionKey(key).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).singleResult();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null);
    }

    private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** 2xx: done; a client error (no login, no right, unknown to the caller, refused by the domain): not done. */
    private boolean done(ResponseEntity<JsonNode> response) {
        lastStatus = response.getStatusCode().value();
        if (!response.getStatusCode().is2xxSuccessful() && !response.getStatusCode().is4xxClientError()) {
            fail("Neither done nor refused: %s %s", response.getStatusCode(), response.getBody());
        }
        return response.getStatusCode().is2xxSuccessful();
    }

    /** 200: readable; 401, 403, 404: not. */
    private boolean read(ResponseEntity<JsonNode> response) {
        lastStatus = response.getStatusCode().value();
        assertThat(lastStatus).as("%s", response.getBody()).isIn(200, 401, 403, 404);
        return lastStatus == 200;
    }

    /** A list with something in it: seen; an empty list or 401/403: not. */
    private boolean listed(ResponseEntity<JsonNode> response) {
        lastStatus = response.getStatusCode().value();
        assertThat(lastStatus).as("%s", response.getBody()).isIn(200, 401, 403);
        return lastStatus == 200 && response.getBody().isArray() && !response.getBody().isEmpty();
    }

    private static String constant(String label) {
        return label.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String label(Enum<?> value) {
        return value.name().replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
