package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.EngineClient.Answer;
import com.partnerflow.security.EngineClient.Root;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * What a partner could do on the engine's own surfaces before they were closed (issue «Partners on the engine's own
 * surfaces»), each tried again as the outsider would, on both REST roots where both exist, with the state checked
 * afterwards. The whole API, operation by operation, is {@link EngineApiSurfaceTest}'s.
 */
class PartnerEngineSurfaceTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    Partner current;
    String partnerUser;
    /** The partner that submitted the transfer: a party of the instance, not of the current partner's task. */
    String submitter;
    String competitor;
    String client;
    Task agreement;
    Job silenceTimer;

    /** A transfer waiting for the current partner's agreement, with its 5-day silence timer. */
    @BeforeEach
    void aTransferWaitingForTheCurrentPartner() {
        current = data.partner();
        Subscriber subscriber = data.subscriber(current);
        partnerUser = data.partnerUser(current);
        competitor = data.partnerUser(data.partner());
        client = data.clientUser(subscriber);
        submitter = data.partnerUser(data.partner());
        long transferId = new TransferApi(http).awaitingAgreement(submitter, subscriber.getNumber(), subscriber.getName());
        agreement = taskService.createTaskQuery().processDefinitionKey(TransferProcess.KEY).processInstanceBusinessKey(String.valueOf(transferId)).singleResult();
        assertThat(agreement.getTaskDefinitionKey()).isEqualTo(TransferProcess.Elements.PARTNER_AGREEMENT);
        silenceTimer = managementService.createJobQuery().processInstanceId(agreement.getProcessInstanceId()).timers()
                .activityId(TransferProcess.Elements.PARTNER_ANSWER_OVERDUE).singleResult();
    }

    // ---- 1. a refused job execution used up the job's retries ----

    @ParameterizedTest
    @EnumSource(Root.class)
    void aPartnerCannotBurnTheSilenceTimersRetries(Root root) {
        EngineClient partner = client(root, partnerUser);
        assertThat(partner.call("GET", "/job?maxResults=50", null, null).refusedByPolicy()).as("jobs are not a partner's").isTrue();

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(partner.call("POST", "/job/" + silenceTimer.getId() + "/execute", null, null).refusedByPolicy()).isTrue();
        }
        assertUntouched(silenceTimer);
    }

    @Test
    void operationsRunAJobNowAsTheJobExecutorWould() {
        Answer run = client(Root.ENGINE_REST, "olga").call("POST", "/job/" + silenceTimer.getId() + "/execute", null, null);

        assertThat(run.status()).as("%s", run).isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(silenceTimer.getId()).count()).as("the timer fired").isZero();
        assertThat(taskService.createTaskQuery().processInstanceId(agreement.getProcessInstanceId()).singleResult().getTaskDefinitionKey())
                .as("the partner's silence gives the decision to vendor staff").isEqualTo(TransferProcess.Elements.VENDOR_DECISION);
    }

    @Test
    void theEngineItselfRefusesAJobRunBeforeTouchingTheJob() {
        for (String[] caller : new String[][] {{partnerUser, Groups.PARTNERS, current.group()}, {"vera", Groups.VENDOR_STAFF}}) {
            identityService.setAuthentication(caller[0], List.of(caller).subList(1, caller.length));
            try {
                for (int attempt = 1; attempt <= 4; attempt++) {
                    assertThatThrownBy(() -> managementService.executeJob(silenceTimer.getId()))
                            .isInstanceOf(AuthorizationException.class).hasMessageContaining("не выполнено");
                }
            } finally {
                identityService.clearAuthentication();
            }
        }
        assertUntouched(silenceTimer);
        assertThat(historyService.createHistoricJobLogQuery().jobId(silenceTimer.getId()).failureLog().count())
                .as("no failed attempt in the job's history").isZero();
    }

    @Test
    void theMonthsSettlementTimerIsOutOfEveryPartnersAndClientsReach() {
        Job settlementTimer = managementService.createJobQuery().processDefinitionKey(SettlementProcess.KEY).timers()
                .activityId(SettlementProcess.Elements.START).singleResult();
        for (String outsider : new String[] {partnerUser, client}) {
            for (Root root : Root.values()) {
                for (int attempt = 1; attempt <= 4; attempt++) {
                    assertThat(client(root, outsider).call("POST", "/job/" + settlementTimer.getId() + "/execute", null, null)
                            .refusedByPolicy()).isTrue();
                }
            }
        }
        assertUntouched(settlementTimer);
    }

    // ---- 2. the history-cleanup job was anybody's ----

    @Test
    void onlyOperationsAndAdministratorsSeeOrRunTheHistoryCleanupJob() {
        Job cleanup = historyService.findHistoryCleanupJobs().get(0);
        for (String outsider : new String[] {client, partnerUser, "vera", "fedor"}) {
            EngineClient caller = client(Root.ENGINE_REST, outsider);
            assertThat(caller.call("GET", "/job?maxResults=50", null, null).refusedByPolicy()).as(outsider).isTrue();
            assertThat(caller.call("POST", "/job/" + cleanup.getId() + "/execute", null, null).refusedByPolicy()).as(outsider).isTrue();
        }
        assertUntouched(cleanup);

        Answer seenByOps = client(Root.ENGINE_REST, "olga").call("GET", "/job?maxResults=2000", null, null);
        assertThat(seenByOps.status()).isEqualTo(200);
        assertThat(seenByOps.body()).contains(cleanup.getId());
    }

    // ---- 3. a candidate could widen who sees its task ----

    @ParameterizedTest
    @EnumSource(Root.class)
    void aCandidateCannotWidenWhoSeesItsTask(Root root) {
        EngineClient partner = client(root, partnerUser);
        String task = "/task/" + agreement.getId();
        List<Answer> attempts = List.of(
                partner.json("POST", task + "/identity-links", "{\"groupId\":\"partners\",\"type\":\"candidate\"}"),
                partner.json("POST", task + "/identity-links", "{\"userId\":\"" + competitor + "\",\"type\":\"candidate\"}"),
                partner.json("POST", task + "/assignee", "{\"userId\":\"" + competitor + "\"}"),
                partner.json("POST", task + "/claim", "{\"userId\":\"" + competitor + "\"}"),
                partner.json("POST", task + "/claim?userId=" + partnerUser, "{\"userId\":\"" + competitor + "\"}"),
                partner.json("POST", task + "/claim", "{\"userId\":\"" + partnerUser + "\",\"userId\":\"" + competitor + "\"}"),
                partner.json("POST", task + "/delegate", "{\"userId\":\"" + competitor + "\"}"),
                partner.json("PUT", task, "{\"name\":\"x\",\"owner\":\"" + competitor + "\",\"due\":\"2030-01-01T00:00:00.000+0000\"}"),
                partner.json("POST", task + "/identity-links/delete", "{\"groupId\":\"" + current.group() + "\",\"type\":\"candidate\"}"),
                partner.json("POST", task + "/bpmnError", "{\"errorCode\":\"stop\"}"),
                partner.json("POST", task + "/bpmnEscalation", "{\"escalationCode\":\"stop\"}"),
                partner.json("PUT", task + "/variables/" + TransferProcess.TRANSFER_ID.name(), "{\"value\":1,\"type\":\"Long\"}"));
        assertThat(attempts).allSatisfy(answer -> assertThat(answer.refusedByPolicy()).as("%s", answer).isTrue());

        Task after = taskService.createTaskQuery().taskId(agreement.getId()).singleResult();
        assertThat(after.getAssignee()).isNull();
        assertThat(after.getOwner()).isNull();
        assertThat(after.getDueDate()).isEqualTo(agreement.getDueDate());
        assertThat(after.getName()).isEqualTo(agreement.getName());
        assertThat(taskService.getIdentityLinksForTask(agreement.getId())).singleElement()
                .satisfies(link -> assertThat(link.getGroupId()).isEqualTo(current.group()));

        assertThat(partner.json("POST", task + "/claim", "{\"userId\":\"" + partnerUser + "\"}").status()).isEqualTo(204);
        assertThat(partner.json("POST", task + "/unclaim", null).status()).as("handing its own task back").isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(agreement.getId()).singleResult().getAssignee()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Root.class)
    void theOtherPartnerOfATransferNeitherReadsNorWritesCommentsOnTheCurrentPartnersTask(Root root) {
        EngineClient other = client(root, submitter);
        String task = "/task/" + agreement.getId();
        assertThat(List.of(other.call("GET", task + "/comment", null, null),
                other.json("POST", task + "/comment/create", "{\"message\":\"" + "x".repeat(300_000) + "\"}"),
                other.call("GET", "/process-instance/" + agreement.getProcessInstanceId() + "/comment", null, null)))
                .allSatisfy(answer -> assertThat(answer.refusedByPolicy()).as("%s", answer).isTrue());
        assertThat(taskService.getTaskComments(agreement.getId())).isEmpty();

        assertThat(client(root, "vera").json("POST", task + "/comment/create", "{\"message\":\"Письмо проверено\"}").status())
                .as("the vendor's staff keep their notes").isEqualTo(200);
    }

    @Test
    void theEngineGivesACandidateTaskWorkNotUpdate() {
        identityService.setAuthentication(partnerUser, List.of(Groups.PARTNERS, current.group()));
        try {
            assertThatThrownBy(() -> taskService.addCandidateGroup(agreement.getId(), "partners")).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.setAssignee(agreement.getId(), competitor)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.setOwner(agreement.getId(), competitor)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.delegateTask(agreement.getId(), competitor)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.setVariable(agreement.getId(), TransferProcess.TRANSFER_ID.name(), 1L)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.handleBpmnError(agreement.getId(), "stop")).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.handleEscalation(agreement.getId(), "stop")).isInstanceOf(AuthorizationException.class);
            taskService.claim(agreement.getId(), partnerUser);
            taskService.setAssignee(agreement.getId(), null); // unclaiming: the same as a claim of nobody
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.getIdentityLinksForTask(agreement.getId())).singleElement()
                .satisfies(link -> assertThat(link.getGroupId()).isEqualTo(current.group()));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(agreement.getProcessInstanceId()).count())
                .as("a BPMN error nobody catches would have ended the transfer while its request stayed open").isEqualTo(1);
    }

    // ---- 5. side channels ----

    @ParameterizedTest
    @EnumSource(Root.class)
    void aPartnerLearnsNoCountsOfOtherPartnersAndNothingAboutOtherPeople(Root root) {
        EngineClient partner = client(root, partnerUser);
        for (String path : new String[] {"/process-definition/statistics", "/process-definition/key/" + TransferProcess.KEY + "/statistics",
                "/history/process-instance/report?reportType=duration&periodUnit=month", "/task/report/candidate-group-count",
                "/identity/groups?userId=" + competitor, "/group?member=" + competitor + "&maxResults=10",
                "/user?maxResults=10", "/user/" + competitor + "/profile", "/deployment?maxResults=10", "/incident?maxResults=10"}) {
            Answer answer = partner.call("GET", path, null, null);
            assertThat(answer.refusedByPolicy()).as("%s: %s", path, answer).isTrue();
        }
        Answer ownGroups = partner.call("GET", "/identity/groups?userId=" + partnerUser, null, null);
        assertThat(ownGroups.status()).isEqualTo(200);
        assertThat(ownGroups.body()).contains(current.group());
    }

    @Test
    void aTasklistSessionOpensNoneOfCockpitsPluginApi() {
        EngineClient partnerSession = client(Root.WEBAPP, partnerUser);
        for (String path : new String[] {"/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count"}) {
            Answer refused = partnerSession.send("GET", path, null, null);
            assertThat(refused.refusedByPolicy()).as("%s: %s", path, refused).isTrue();
        }
        assertThat(partnerSession.send("POST", "/camunda/api/cockpit/plugin/base/default/process-instance/count",
                "{}".getBytes(StandardCharsets.UTF_8), "application/json").refusedByPolicy()).isTrue();
        assertThat(partnerSession.send("GET", "/camunda/api/admin/plugin/adminPlugins/default/", null, null).refusedByPolicy()).isTrue();

        Answer ops = EngineClient.of(port, Root.WEBAPP, "olga", "cockpit")
                .send("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50", null, null);
        assertThat(ops.status()).as("Cockpit's own users").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui/index.html", "/anything-else"})
    void theApiDocumentationAndEveryUnknownPathNeedALogin(String path) {
        Answer anonymous = client(Root.ENGINE_REST, null).send("GET", path, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("HTTP Basic is asked for where an API lives")
                .isEqualTo(path.equals("/anything-else") ? java.util.Optional.empty() : java.util.Optional.of("Basic realm=\"PartnerFlow\""));
    }

    @Test
    void tasklistsEmbeddedFormsAreStaticPagesAnyoneMayLoad() {
        Answer form = client(Root.ENGINE_REST, null).send("GET", "/forms/transfer-submit.html", null, null);
        assertThat(form.status()).as("Tasklist loads them before the form's data, which comes through the APIs").isEqualTo(200);
        assertThat(client(Root.ENGINE_REST, null).send("GET", "/forms/../application.yaml", null, null).status()).isIn(400, 401, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/tasklist/scripts/", "/camunda/app/tasklist/styles/", "/camunda/app/cockpit/x/",
            "/camunda/app/admin/scripts/", "/camunda/app/tasklist/nothing/setup/"})
    void aWebappPageForAnEngineThatDoesNotExistIsNotFound(String path) {
        assertThat(client(Root.ENGINE_REST, null).send("GET", path, null, null).status()).as(path).isEqualTo(404);
        assertThat(client(Root.ENGINE_REST, null).send("GET", "/camunda/app/tasklist/default/", null, null).status()).isEqualTo(200);
    }

    @Test
    void aBrowsersOwnRequestsBesideTheWebappsNeverPromptForALogin() {
        // Chromium asks for /favicon.ico on every Tasklist page: a Basic challenge there would put a login dialog over Tasklist
        Answer favicon = client(Root.ENGINE_REST, null).send("GET", "/favicon.ico", null, null);
        assertThat(favicon.status()).isEqualTo(401);
        assertThat(favicon.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    // ---- 6. server errors found by a fuzzer ----

    @Test
    void aFileNameWithControlOrInvisibleCharactersIsRefusedThroughEveryDoorAndStoresNothing() {
        long transfers = rows("transfer_request");
        long documents = rows("stored_document");
        long versions = rows("extension_version");
        Subscriber subscriber = data.subscriber(data.partner());
        Map<String, String> letter = Map.of("subscriberNumber", subscriber.getNumber(), "subscriberName", subscriber.getName(),
                TransferProcess.REQUESTED_PARTNER_NAME.name(), TransferApi.REQUESTED_PARTNER_NAME, "reason", "Переход", "letterDate", java.time.LocalDate.now().toString());
        EngineClient submitter = client(Root.ENGINE_REST, partnerUser);
        List<Answer> refused = new java.util.ArrayList<>();
        refused.add(submitter.send("POST", "/api/transfers", multipart(letter, "letter", "письмо\u0000.pdf", TransferApi.PDF), MULTIPART));
        for (String name : new String[] {"фдп\u202E.exe", "a\u200Bb.pdf", "x\u007F.pdf"}) {
            refused.add(submitter.send("POST", "/api/transfers", multipart(letter, "letter", name, TransferApi.PDF), MULTIPART));
        }
        for (String name : new String[] {"письмо\u0000.pdf", "письмо\r\n.pdf", "фдп\u202E.exe"}) {
            refused.add(submitter.call("POST", "/process-definition/key/" + TransferProcess.KEY + "/submit-form",
                    submitForm(letter, name), "application/json"));
        }

        String developer = data.developer(current);
        long extensionId = new ExtensionApi(http).registered(developer, "Выгрузка " + System.nanoTime());
        refused.add(client(Root.ENGINE_REST, developer).send("POST", "/api/extensions/" + extensionId + "/versions",
                multipart(Map.of("version", "1.0.0", "targetApplicationVersion", "3.0.150", "changeNotes", "Первая", "distribution", "ALL"),
                        "file", "Выгрузка\u0000.epf", new byte[] {1, 2, 3}), MULTIPART));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as("%s", answer).isEqualTo(422);
            assertThat(answer.body()).contains("Имя файла содержит недопустимые");
        });
        assertThat(List.of(rows("transfer_request"), rows("stored_document"), rows("extension_version")))
                .containsExactly(transfers, documents, versions);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 2000})
    void aLongFileNameIsNotCalledATooLargeFile(int letters) {
        Subscriber subscriber = data.subscriber(data.partner());
        Answer answer = client(Root.ENGINE_REST, partnerUser).send("POST", "/api/transfers", multipart(Map.of("subscriberNumber",
                subscriber.getNumber(), "subscriberName", subscriber.getName(),
                TransferProcess.REQUESTED_PARTNER_NAME.name(), TransferApi.REQUESTED_PARTNER_NAME, "reason", "Переход", "letterDate",
                java.time.LocalDate.now().toString()), "letter", "п".repeat(letters) + ".pdf", TransferApi.PDF), MULTIPART);
        if (letters < 200) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        } else {
            assertThat(answer.status()).as("%s", answer).isEqualTo(422);
            assertThat(answer.body()).contains("Имя файла слишком длинное");
        }
    }

    @Test
    void aPageNumberBeyondAnyListIsTheClientsMistake() {
        Answer answer = client(Root.ENGINE_REST, "vera").send("GET", "/api/transfers?page=2147483647", null, null);
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.body()).contains("номер страницы");
    }

    @ParameterizedTest
    @EnumSource(Root.class)
    void aTaskThatIsGoneIsNamedForWhatHappenedToIt(Root root) {
        EngineClient partner = client(root, partnerUser);
        for (String action : new String[] {"complete", "claim", "unclaim", "submit-form"}) {
            String body = action.equals("claim") ? "{\"userId\":\"" + partnerUser + "\"}" : "{}";
            Answer missing = partner.json("POST", "/task/no-such-task/" + action, body);
            assertThat(missing.status()).as("%s: %s", action, missing).isEqualTo(404);
            assertThat(missing.json().get("message").asText()).isEqualTo("Задача не найдена.");
        }

        assertThat(partner.call("GET", "/task/no-such-task/form-variables", null, null).json().get("message").asText())
                .isEqualTo("Задача не найдена.");
        EngineClient outsider = client(root, competitor);
        for (String action : new String[] {"complete", "claim", "form-variables"}) {
            String method = action.equals("form-variables") ? "GET" : "POST";
            String body = method.equals("GET") ? null : action.equals("claim") ? "{\"userId\":\"" + competitor + "\"}" : "{}";
            Answer probe = outsider.json(method, "/task/" + agreement.getId() + "/" + action, body);
            assertThat(probe.status()).as("a task it cannot see is one that does not exist: %s %s", action, probe).isEqualTo(404);
            assertThat(probe.body()).doesNotContain(TransferProcess.KEY);
        }
        Answer staff = client(root, "vera").json("POST", "/task/" + agreement.getId() + "/complete", "{}");
        assertThat(staff.status()).as("seen but not hers: %s", staff).isEqualTo(403);
        assertThat(staff.json().get("message").asText()).startsWith("Недостаточно прав");

        managementService.executeJob(silenceTimer.getId()); // the 5 days are over: the timer takes the task away
        Answer late = partner.json("POST", "/task/" + agreement.getId() + "/complete",
                "{\"variables\":{\"" + TransferProcess.PARTNER_ANSWER.name() + "\":{\"value\":\"AGREE\",\"type\":\"String\"}}}");
        assertThat(late.status()).as("%s", late).isEqualTo(409);
        assertThat(late.json().get("message").asText()).startsWith("Задача уже завершена процессом");
        assertThat(partner.json("POST", "/task/" + agreement.getId() + "/claim", "{\"userId\":\"" + partnerUser + "\"}").json()
                .get("message").asText()).startsWith("Задача уже завершена процессом");
        assertThat(outsider.json("POST", "/task/" + agreement.getId() + "/complete", "{}").status())
                .as("nor does an outsider learn that it ended").isEqualTo(404);
    }

    /** Found by an outside tester: reading another partner's instance or task form told which ids exist, and what. */
    @ParameterizedTest
    @EnumSource(Root.class)
    void anInstanceOrATaskFormAPartnerCannotSeeReadsLikeOneThatDoesNotExist(Root root) {
        String instance = agreement.getProcessInstanceId();
        EngineClient outsider = client(root, competitor);
        for (String id : new String[] {instance, "no-such-instance"}) {
            for (String read : new String[] {"/variables", "/variables/" + TransferProcess.TRANSFER_ID.name(), "/activity-instances"}) {
                Answer probe = outsider.json("GET", "/process-instance/" + id + read, null);
                assertThat(probe.status()).as("%s%s: %s", id, read, probe).isEqualTo(404);
                assertThat(probe.json().get("message").asText()).isEqualTo("Экземпляр процесса не найден.");
            }
        }
        for (String id : new String[] {agreement.getId(), "no-such-task"}) {
            for (String read : new String[] {"/deployed-form", "/form"}) {
                Answer probe = outsider.json("GET", "/task/" + id + read, null);
                assertThat(probe.status()).as("%s%s: %s", id, read, probe).isEqualTo(404);
                assertThat(probe.json().get("message").asText()).isEqualTo("Задача не найдена.");
            }
        }

        assertThat(client(root, partnerUser).json("GET", "/process-instance/" + instance + "/variables", null).status())
                .as("a party of the request still reads its instance").isEqualTo(200);
        assertThat(client(root, partnerUser).json("GET", "/task/" + agreement.getId() + "/form", null).status())
                .as("and the form of its own task").isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Root.class)
    void completingOnesOwnTaskTwiceSaysSo(Root root) {
        EngineClient partner = client(root, partnerUser);
        String task = "/task/" + agreement.getId();
        String agree = "{\"variables\":{\"" + TransferProcess.PARTNER_ANSWER.name() + "\":{\"value\":\"AGREE\",\"type\":\"String\"}}}";
        assertThat(partner.json("POST", task + "/claim", "{\"userId\":\"" + partnerUser + "\"}").status()).isEqualTo(204);
        assertThat(partner.json("POST", task + "/complete", agree).status()).isEqualTo(204);

        Answer again = partner.json("POST", task + "/complete", agree);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).startsWith("Вы уже выполнили эту задачу");
    }

    // ---- 7. headers ----

    @ParameterizedTest
    @EnumSource(Root.class)
    void answersThatCarryDataAreNeverStored(Root root) {
        EngineClient partner = client(root, partnerUser);
        for (Answer answer : List.of(partner.call("GET", "/task?maxResults=5", null, null), partner.send("GET", "/api/transfers", null, null))) {
            if (root == Root.WEBAPP && answer.status() == 401) {
                continue; // /api takes the Tasklist session for GET only where a task form links to it; tested elsewhere
            }
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().allValues("Cache-Control")).anySatisfy(value -> assertThat(value).contains("no-store"))
                    .noneSatisfy(value -> assertThat(value).isEqualTo("no-cache"));
        }
    }

    @Test
    void swaggerUiRunsUnderAContentSecurityPolicy() {
        Answer page = client(Root.ENGINE_REST, partnerUser).send("GET", "/swagger-ui/index.html", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/transfers", "/engine-rest/task", "/camunda/app/tasklist/default/", "/actuator/health", "/",
            "/camunda/api/engine/engine/default/task", "/swagger-ui/index.html"})
    void traceIsNotAllowedAnywhere(String path) {
        Answer trace = client(Root.ENGINE_REST, "admin").send("TRACE", path, null, null);
        assertThat(trace.status()).as("%s", trace).isEqualTo(405);
    }

    // ---- plumbing ----

    private static final String MULTIPART = "multipart/form-data; boundary=nul-test";

    private EngineClient client(Root root, String user) {
        return EngineClient.of(port, root, user, "tasklist");
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private void assertUntouched(Job before) {
        Job after = managementService.createJobQuery().jobId(before.getId()).singleResult();
        assertThat(after.getRetries()).as("retries").isEqualTo(before.getRetries());
        assertThat(after.getDuedate()).isEqualTo(before.getDuedate());
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(runtimeService.createIncidentQuery().configuration(before.getId()).count()).as("incidents").isZero();
    }

    /** The body of a start form as Tasklist's embedded transfer form submits it, the letter as a transient File variable. */
    private static byte[] submitForm(Map<String, String> fields, String fileName) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, TransferApi.string(value)));
        variables.put(TransferProcess.LETTER.name(), Map.of("value", java.util.Base64.getEncoder().encodeToString(TransferApi.PDF), "type", "File",
                "valueInfo", Map.of("filename", fileName, "mimeType", "application/pdf", "transient", true)));
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(Map.of("variables", variables));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] multipart(Map<String, String> fields, String fileField, String fileName, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--nul-test\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--nul-test\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes("\r\n--nul-test--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
