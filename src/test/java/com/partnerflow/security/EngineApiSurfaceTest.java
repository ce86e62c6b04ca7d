package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.billing.BillingService;
import com.partnerflow.billing.SettlementApi;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.partner.Partner;
import com.partnerflow.reporting.ReportingApi;
import com.partnerflow.reporting.ReportingProcess;
import com.partnerflow.security.EngineClient.Answer;
import com.partnerflow.security.EngineClient.Root;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * Every operation of the engine REST API that Camunda publishes ({@link EngineOpenApi}), called as every role on both
 * REST roots ({@code /engine-rest} with HTTP Basic, {@code /camunda/api/engine} with a webapp session), aimed in turn
 * at a live instance of every process with tasks: a transfer waiting for its current partner's agreement (a task with
 * candidates, a silence timer), an application waiting for its partner, an extension version waiting for its auditor (an
 * SLA timer), a configuration waiting for its moderator, a month's reconciliation waiting for finance.
 * The answer must be what {@code engine-api-policy.txt} says: anonymous callers get a 401; an operation above the
 * caller's {@link Audience} is refused by the policy (403 {@value EngineRequestGuard#REFUSED}) and changes nothing; one
 * within it reaches the engine, which decides. A party may name only itself where the policy binds a user id.
 *
 * <p>An operation within the caller's reach is called harmlessly: reads on the live request, changes on ids that do not
 * exist with a body Camunda cannot read. A refused one is called as an attacker would: on the live request, with the
 * example body of Camunda's documentation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineApiSurfaceTest extends IntegrationTest {

    enum Role { ANONYMOUS, PARTNER, COMPETITOR, CLIENT, VENDOR_STAFF, AUDITOR, AUDIT_LEAD, MODERATOR, FINANCE, OPS, ADMIN }

    private static final Map<Role, Audience> AUDIENCES = Map.of(Role.PARTNER, Audience.PARTIES, Role.COMPETITOR, Audience.PARTIES,
            Role.CLIENT, Audience.PARTIES, Role.VENDOR_STAFF, Audience.STAFF, Role.AUDITOR, Audience.STAFF, Role.AUDIT_LEAD, Audience.STAFF,
            Role.MODERATOR, Audience.STAFF, Role.FINANCE, Audience.STAFF, Role.OPS, Audience.OPERATIONS, Role.ADMIN, Audience.ADMINISTRATORS);

    /** What Camunda's webapps answer without a login, for their own login page: the engines' names and the password policy. */
    private static final Set<String> WEBAPP_PUBLIC = Set.of("GET /engine", "GET /identity/password-policy", "POST /identity/password-policy");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String MISSING = "does-not-exist";
    private static final byte[] UNREADABLE = "{\"unreadable".getBytes(StandardCharsets.UTF_8);

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
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;

    @Autowired
    BillingService billing;

    final Map<Role, String> users = new EnumMap<>(Role.class);
    final List<EngineOpenApi.Operation> operations = EngineOpenApi.operations();
    /** Each operation's line of the policy. */
    final Map<String, EngineApiPolicy.Operation> rules = EngineApiPolicy.load().operations().stream()
            .collect(java.util.stream.Collectors.toMap(rule -> rule.method() + " " + rule.template(), rule -> rule));
    /**
     * The live requests, one per process: a live id for each path variable, by the resource the path starts with
     * ({@code task.id}) or by name. The n-th operation aims at the (n mod 5)-th.
     */
    final List<Map<String, String>> targets = new ArrayList<>();
    /** What a path variable names regardless of the request: the user and group under attack, the metric. */
    final Map<String, String> common = new TreeMap<>();
    String partnerGroup;

    static Stream<Arguments> rolesAndRoots() {
        return Stream.of(Role.values()).flatMap(role -> Stream.of(Root.values()).map(root -> Arguments.of(role, root)));
    }

    @BeforeAll
    void aLiveRequestOfEveryProcessWithTasks() {
        Partner current = data.partner();
        Subscriber subscriber = data.subscriber(current);
        partnerGroup = current.group();
        users.put(Role.PARTNER, data.developer(current));
        users.put(Role.COMPETITOR, data.partnerUser(data.partner()));
        users.put(Role.CLIENT, data.clientUser(subscriber));
        users.put(Role.VENDOR_STAFF, data.user(Groups.VENDOR_STAFF));
        users.put(Role.AUDITOR, data.user(Groups.AUDITORS));
        users.put(Role.AUDIT_LEAD, data.user(Groups.AUDIT_LEADS));
        users.put(Role.MODERATOR, data.user(Groups.MODERATORS));
        users.put(Role.FINANCE, data.user(Groups.FINANCE));
        users.put(Role.OPS, data.user(Groups.OPS));
        users.put(Role.ADMIN, "admin");
        common.put("user.id", users.get(Role.PARTNER));
        common.put("group.id", partnerGroup);
        common.put("userId", users.get(Role.COMPETITOR)); // «add the competitor to the partner's group»
        common.put("filter.id", filterService.createTaskFilterQuery().filterName("Мои задачи").singleResult().getId());
        common.put("decision-definition.id", repositoryService.createDecisionDefinitionQuery().latestVersion().list().get(0).getId());
        common.put("metrics-name", "activity-instance-start");

        Subscriber transferred = data.subscriber(current);
        long transferId = new TransferApi(http).awaitingAgreement(data.partnerUser(data.partner()), transferred.getNumber(), transferred.getName());
        target(TransferProcess.KEY, String.valueOf(transferId));

        long applicationId = new ReportingApi(http).submitted(users.get(Role.CLIENT), ReportingApi.application(subscriber.getNumber()));
        target(ReportingProcess.KEY, String.valueOf(applicationId));

        ExtensionApi extensions = new ExtensionApi(http);
        long versionId = extensions.submitted(users.get(Role.PARTNER), extensions.registered(users.get(Role.PARTNER), "Поверхность " + transferId),
                ExtensionApi.version("1.0", subscriber.getNumber()));
        target(ExtensionAuditProcess.KEY, String.valueOf(versionId));

        ModerationApi moderations = new ModerationApi(http);
        long configurationId = moderations.created(users.get(Role.PARTNER),
                moderations.account(users.get(Role.PARTNER), "Поверхность " + transferId), ModerationApi.complete("Поверхность " + transferId));
        ModerationApi.expect(moderations.send(users.get(Role.PARTNER), configurationId), 200);
        target(ConfigurationModerationProcess.KEY, String.valueOf(moderations.moderationId(users.get(Role.PARTNER), configurationId)));

        String month = SettlementApi.monthWithOneCharge(billing, current, subscriber).toString();
        assertThat(new SettlementApi(http).start(users.get(Role.FINANCE), month).getStatusCode().value()).isEqualTo(200);
        target(SettlementProcess.KEY, month);
    }

    /** The live ids of one waiting request: its instance, open task, the task's execution, a job, a variable, its history. */
    private void target(String processKey, String businessKey) {
        Task task = taskService.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).list().get(0);
        String instanceId = task.getProcessInstanceId();
        String definitionId = task.getProcessDefinitionId();
        // its own timer, the process's timer start, or else the transfer's silence timer (the first target's)
        Job job = managementService.createJobQuery().processInstanceId(instanceId).list().stream().findFirst()
                .or(() -> managementService.createJobQuery().processDefinitionId(definitionId).list().stream().findFirst())
                .orElseGet(() -> managementService.createJobQuery().jobId(targets.get(0).get("job.id")).singleResult());
        Map<String, String> live = new TreeMap<>(common);
        live.put("task.id", task.getId());
        live.put("process-instance.id", instanceId);
        live.put("execution.id", task.getExecutionId());
        live.put("process-definition.id", definitionId);
        live.put("key", processKey);
        live.put("job.id", job.getId());
        live.put("job-definition.id", job.getJobDefinitionId());
        live.put("deployment.id", repositoryService.getProcessDefinition(definitionId).getDeploymentId());
        live.put("resourceId", repositoryService.getDeploymentResources(live.get("deployment.id")).get(0).getId());
        live.put("varName", runtimeService.getVariables(instanceId).keySet().iterator().next());
        live.put("authorization.id", authorizationService.createAuthorizationQuery().resourceId(task.getId()).list().get(0).getId());
        live.put("variable-instance.id", runtimeService.createVariableInstanceQuery().processInstanceIdIn(instanceId).list().get(0).getId());
        live.put("history.process-instance.id", instanceId);
        live.put("history.activity-instance.id",
                historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).list().get(0).getId());
        live.put("history.variable-instance.id",
                historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list().get(0).getId());
        live.put("history.detail.id", historyService.createHistoricDetailQuery().processInstanceId(instanceId).list().get(0).getId());
        live.put("history.process-definition.id", definitionId);
        targets.add(live);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("rolesAndRoots")
    void everyPublishedOperationAnswersAsThePolicySaysAndARefusalChangesNothing(Role role, Root root) {
        String user = users.get(role);
        EngineClient client = EngineClient.of(port, root, user, role == Role.OPS ? "cockpit" : "tasklist");
        Map<String, String> before = state();
        List<String> wrong = new ArrayList<>();

        for (int n = 0; n < operations.size(); n++) {
            EngineOpenApi.Operation operation = operations.get(n);
            Map<String, String> live = targets.get(n % targets.size());
            EngineApiPolicy.Operation rule = rules.get(operation.key());
            if (role == Role.ANONYMOUS) {
                Answer answer = attack(client, operation, live);
                boolean open = root == Root.WEBAPP && WEBAPP_PUBLIC.contains(operation.key());
                if (open ? answer.status() == 401 : answer.status() != 401) {
                    wrong.add(operation + ": " + answer + (open ? " (Camunda's webapps answer this without a login)" : ", not 401"));
                }
            } else if (!AUDIENCES.get(role).reaches(rule.audience())) {
                Answer answer = attack(client, operation, live);
                if (!answer.refusedByPolicy()) {
                    wrong.add(operation + " is for " + rule.audience() + ", yet: " + answer);
                }
            } else {
                Answer answer = harmless(client, operation, rule, live);
                if (answer.refusedByPolicy() || (AUDIENCES.get(role) == Audience.PARTIES && answer.status() >= 500)) {
                    wrong.add(operation + " is open to " + rule.audience() + ", yet: " + answer);
                }
                if (AUDIENCES.get(role) == Audience.PARTIES && rule.callerParameter() != null) {
                    Answer asSomeoneElse = attack(client, operation, live);
                    if (!asSomeoneElse.refusedByPolicy()) {
                        wrong.add(operation + " naming someone else in " + rule.callerParameter() + ": " + asSomeoneElse);
                    }
                }
            }
        }

        assertThat(wrong).as("%s on %s: answers against the policy", role, root).isEmpty();
        assertThat(state()).as("what %s's refused and harmless calls left of the live requests", role).isEqualTo(before);
    }

    /** As an attacker would: on the live request, with Camunda's example body, naming another user wherever one is named. */
    private Answer attack(EngineClient client, EngineOpenApi.Operation operation, Map<String, String> live) {
        String victim = users.get(Role.PARTNER).equals(client.user()) ? users.get(Role.COMPETITOR) : users.get(Role.PARTNER);
        Map<String, String> ids = new TreeMap<>(live);
        ids.put("user.id", victim);
        String path = concrete(operation.path(), ids);
        if (operation.path().equals("/identity/groups") || operation.path().equals("/group")) {
            path += "?userId=" + victim + "&member=" + victim;
        }
        if (operation.multipart()) {
            String boundary = "surface";
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n<x/>\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return client.call(operation.method(), path, body, "multipart/form-data; boundary=" + boundary);
        }
        if (operation.path().endsWith("/claim")) {
            return client.json(operation.method(), path, "{\"userId\":\"" + victim + "\"}");
        }
        String example = operation.exampleBody() == null ? "{}" : operation.exampleBody().toString();
        return client.json(operation.method(), path, operation.method().equals("GET") ? null : example);
    }

    /**
     * Within the caller's reach, nothing may change: reads go to the live request, changes to ids that do not exist and
     * with a body Camunda cannot read. Where the policy binds a user id, the caller names itself.
     */
    private Answer harmless(EngineClient client, EngineOpenApi.Operation operation, EngineApiPolicy.Operation rule,
                            Map<String, String> live) {
        boolean read = Set.of("GET", "HEAD", "OPTIONS").contains(operation.method());
        Map<String, String> ids = new TreeMap<>(read ? live : Map.of());
        if (rule.callerParameter() != null) {
            ids.put(rule.callerParameter(), client.user());
            ids.put("user.id", client.user());
        }
        String path = concrete(operation.path(), ids);
        if (operation.path().equals("/identity/groups")) {
            path += "?userId=" + client.user();
        }
        if (operation.path().endsWith("/claim")) {
            return client.json(operation.method(), path, "{\"userId\":\"" + client.user() + "\"}");
        }
        return client.call(operation.method(), path, read ? null : UNREADABLE, read ? null : "application/json");
    }

    /** The template with its variables filled in: {@code {id}} by the resource the path names, others by name. */
    private static String concrete(String template, Map<String, String> ids) {
        String resource = template.startsWith("/history/") ? "history." + template.split("/")[2] : template.split("/")[1];
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = ids.getOrDefault(name.equals("id") ? resource + ".id" : name, MISSING);
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(path).toString();
    }

    /** What a harmful call would change: the live requests' tasks, links, variables, jobs, grants; the directory; deployments. */
    private Map<String, String> state() {
        Map<String, String> state = new TreeMap<>();
        for (Map<String, String> live : targets) {
            String instanceId = live.get("process-instance.id");
            for (Task task : taskService.createTaskQuery().processInstanceId(instanceId).list()) {
                state.put("task " + task.getId(), task.getName() + "|" + task.getAssignee() + "|" + task.getOwner() + "|" + task.getDueDate()
                        + "|" + task.getFollowUpDate() + "|" + task.getPriority() + "|" + task.getDelegationState() + "|" + task.isSuspended());
                state.put("links " + task.getId(), taskService.getIdentityLinksForTask(task.getId()).stream()
                        .map(link -> link.getType() + ":" + link.getUserId() + ":" + link.getGroupId()).sorted().toList().toString());
                state.put("comments " + task.getId(), String.valueOf(taskService.getTaskComments(task.getId()).size()));
                state.put("grants on " + task.getId(), grants(task.getId()));
            }
            runtimeService.getVariables(instanceId).forEach((name, value) -> state.put(instanceId + " variable " + name, String.valueOf(value)));
            for (Job job : managementService.createJobQuery().processDefinitionId(live.get("process-definition.id")).list()) {
                state.put("job " + job.getId(), job.getRetries() + "|" + job.getDuedate() + "|" + job.isSuspended() + "|" + job.getExceptionMessage());
            }
            state.put(instanceId + " suspended", String.valueOf(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
                    .singleResult().isSuspended()));
            state.put(instanceId + " incidents", String.valueOf(runtimeService.createIncidentQuery().processInstanceId(instanceId).count()));
            state.put("grants on " + instanceId, grants(instanceId));
        }
        state.put("members of " + partnerGroup, identityService.createUserQuery().memberOfGroup(partnerGroup).list().stream()
                .map(u -> u.getId()).sorted().toList().toString());
        state.put("users", String.valueOf(identityService.createUserQuery().count()));
        state.put("groups", String.valueOf(identityService.createGroupQuery().count()));
        state.put("deployments", String.valueOf(repositoryService.createDeploymentQuery().count()));
        state.put("suspended definitions", String.valueOf(repositoryService.createProcessDefinitionQuery().suspended().count()));
        state.put("filters", String.valueOf(filterService.createFilterQuery().count()));
        return state;
    }

    private String grants(String resourceId) {
        return authorizationService.createAuthorizationQuery().resourceId(resourceId).list().stream()
                .map(grant -> grant.getGroupId() + ":" + grant.getUserId() + ":"
                        + List.of(grant.getPermissions(Permissions.values())))
                .sorted().toList().toString();
    }
}
