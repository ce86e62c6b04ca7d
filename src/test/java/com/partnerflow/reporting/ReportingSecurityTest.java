package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingApi.application;
import static com.partnerflow.reporting.ReportingApi.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.Subscribers;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.transfer.TransferApi;

/**
 * Who may do what with a reporting-extension application, through {@code /api} and {@code /engine-rest}
 * alike: only the servicing partner processes it, a client sees only its own organization, and the
 * partner never changes the client's list of users.
 */
class ReportingSecurityTest extends IntegrationTest {

    static final String USERS_CHANGE_REFUSED = "Партнер не может добавлять или изменять пользователей в заявлении клиента.";

    @Autowired TestRestTemplate http;
    @Autowired TestData data;
    @Autowired TaskService taskService;
    @Autowired Subscribers subscribers;
    @Autowired TransactionTemplate transaction;
    @Autowired ReportingService service;

    ReportingApi api;
    Partner partner;
    String partnerUser;
    Subscriber subscriber;
    String client;
    String outsider;
    long applicationId;
    String taskId;

    @BeforeEach
    void anApplicationOfAClientAndAnotherPartnerWatching() {
        api = new ReportingApi(http);
        partner = data.partner();
        partnerUser = data.partnerUser(partner);
        subscriber = data.subscriber(partner);
        client = data.clientUser(subscriber);
        outsider = data.partnerUser(data.partner());
        applicationId = api.submitted(client, application(subscriber.getNumber()));
        taskId = api.task(partnerUser, applicationId).get("id").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/reporting-applications/1", "/api/subscribers/1001/products",
            "/engine-rest/process-definition/key/reporting-extension-application/form-variables"})
    void everyApiNeedsALogin(String path) {
        assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(null)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anonymousCannotSubmit() {
        assertThat(api.submit(null, application(subscriber.getNumber())).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.submitStartForm(null, ReportingApi.startFormVariables(application(subscriber.getNumber())))
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.submitTaskForm(null, taskId, approve(true, "TWO_TO_NINE")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theClientAndTheServicingPartnerSeeTheApplicationAndItsInstance() {
        for (String user : new String[] {client, partnerUser, "vera"}) {
            assertThat(api.get(user, "/api/reporting-applications/" + applicationId).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(instances(user, "/engine-rest/process-instance?businessKey=")).as(user).isEqualTo(1);
            assertThat(instances(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=")).as(user).isEqualTo(1);
        }
        assertThat(api.task(client, applicationId)).as("the client does not process its own application").isNull();
    }

    @Test
    void anotherPartnerCannotSeeOrProcessTheApplication() {
        assertThat(api.task(outsider, applicationId)).isNull();
        assertThat(api.get(outsider, "/api/reporting-applications/" + applicationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(outsider, "/api/subscribers/" + subscriber.getNumber() + "/products").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(instances(outsider, "/engine-rest/process-instance?businessKey=")).isZero();
        assertThat(instances(outsider, "/engine-rest/history/process-instance?processInstanceBusinessKey=")).isZero();
        assertThat(api.get(outsider, "/engine-rest/task/" + taskId).getStatusCode().value()).isIn(403, 404);
        assertThat(api.get(outsider, "/engine-rest/task/" + taskId + "/form-variables").getStatusCode().value()).isIn(403, 404);

        ResponseEntity<JsonNode> submitted = api.submitTaskForm(outsider, taskId, approve(true, "TWO_TO_NINE"));
        assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isIn(403, 404);
        ResponseEntity<JsonNode> completed = http.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                json(outsider, Map.of("variables", approve(true, "TWO_TO_NINE"))), JsonNode.class);
        assertThat(completed.getStatusCode().value()).isIn(403, 404);
        ResponseEntity<JsonNode> claimed = http.exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                json(outsider, Map.of("userId", outsider)), JsonNode.class);
        assertThat(claimed.getStatusCode().value()).isIn(403, 404);

        assertThat(api.task(partnerUser, applicationId).get("id").asText()).isEqualTo(taskId);
        assertThat(api.application(client, applicationId).get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void theClientCannotApproveItsOwnApplication() {
        ResponseEntity<JsonNode> submitted = api.submitTaskForm(client, taskId, approve(true, "TEN_OR_MORE"));

        assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isIn(403, 404);
        assertThat(api.application(client, applicationId).get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void aClientSeesOnlyItsOwnOrganization() {
        Subscriber neighbour = data.subscriber(partner);
        String neighboursUser = data.clientUser(neighbour);

        assertThat(api.get(neighboursUser, "/api/reporting-applications/" + applicationId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(neighboursUser, "/api/subscribers/" + subscriber.getNumber() + "/products").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(neighboursUser, "/api/subscribers/" + neighbour.getNumber() + "/products").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(instances(neighboursUser, "/engine-rest/process-instance?businessKey=")).isZero();
        assertThat(instances(neighboursUser, "/engine-rest/history/process-instance?processInstanceBusinessKey=")).isZero();
        assertThat(api.get("ivan", "/api/reporting-applications/" + applicationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(client, "/api/subscribers/1001/products").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aClientCannotApplyForAnotherSubscriberNorLearnThatItExists() {
        Subscriber neighbour = data.subscriber(partner);
        String unknown = "9" + neighbour.getNumber();

        // an existing subscriber the caller does not act for reads exactly like an unknown number
        ResponseEntity<JsonNode> overApi = api.submit(client, application(neighbour.getNumber()));
        ResponseEntity<JsonNode> forUnknown = api.submit(client, application(unknown));
        assertThat(overApi.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(forUnknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(overApi.getBody().get("detail").asText()).contains("абонент с номером " + neighbour.getNumber() + " не найден");
        assertThat(overApi.getBody().get("detail").asText().replace(neighbour.getNumber(), "N"))
                .isEqualTo(forUnknown.getBody().get("detail").asText().replace(unknown, "N"));
        ResponseEntity<JsonNode> overStartForm = api.submitStartForm(client,
                ReportingApi.startFormVariables(application(neighbour.getNumber())));
        assertThat(overStartForm.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ResponseEntity<JsonNode> byOutsider = api.submit(outsider, application(neighbour.getNumber()));
        assertThat(byOutsider.getStatusCode()).as("a partner applies only for its own clients").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<JsonNode> byVendorStaff = api.submit("vera", application(neighbour.getNumber()));
        assertThat(byVendorStaff.getStatusCode()).as("vendor staff may not start the process at all").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.submit(partnerUser, application(neighbour.getNumber())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theApplicationIdAndTheBusinessKeyComeFromTheDomainNotFromTheForm() {
        Subscriber another = data.subscriber(partner);
        String anotherClient = data.clientUser(another);
        Map<String, Object> variables = ReportingApi.startFormVariables(application(another.getNumber()));
        variables.put(ReportingProcess.APPLICATION_ID.name(), Map.of("value", applicationId, "type", "Long"));
        variables.put(ReportingProcess.TIER_RULE.name(), ReportingApi.string("TEN_OR_MORE"));
        ResponseEntity<JsonNode> started = http.exchange("/engine-rest/process-definition/key/" + ReportingProcess.KEY + "/submit-form",
                HttpMethod.POST, json(anotherClient, Map.of("variables", variables, "businessKey", String.valueOf(applicationId))),
                JsonNode.class);

        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        long id = started.getBody().get("businessKey").asLong();
        assertThat(id).isNotEqualTo(applicationId);
        JsonNode own = api.application(anotherClient, id);
        assertThat(own.get("subscriberNumber").asText()).isEqualTo(another.getNumber());
        assertThat(own.get("requestedTier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(api.application(client, applicationId).get("subscriberNumber").asText()).isEqualTo(subscriber.getNumber());
    }

    /** Found by a session (issue 20): switching the mode on for one planned user was approved and charged «10 и более». */
    @Test
    void thePartnerCannotSwitchTheModeOnForFewerThanTwoUsers() {
        Subscriber single = data.subscriber(partner);
        Map<String, Object> body = new java.util.LinkedHashMap<>(application(single.getNumber()));
        body.put("multiUserMode", false);
        body.put("users", ReportingApi.threeUsers().subList(0, 1));
        long oneUser = api.submitted(data.clientUser(single), body);
        String task = api.task(partnerUser, oneUser).get("id").asText();

        ResponseEntity<JsonNode> approved = api.submitTaskForm(partnerUser, task, approve(true, "TEN_OR_MORE"));

        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(approved.getBody().get("message").asText()).contains("не меньше чем для двух пользователей", "их 1");
        assertThat(api.application(partnerUser, oneUser).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(api.submitTaskForm(partnerUser, task, approve(false, null)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void thePartnerCannotChangeTheUsersInTheForm() {
        List<Map<String, Object>> users = new ArrayList<>(ReportingApi.threeUsers());
        users.add(ReportingApi.user("Новиков Олег Игоревич", "oleg@romashka.example"));
        Map<String, Object> variables = new java.util.LinkedHashMap<>(approve(true, "TEN_OR_MORE"));
        variables.put(ReportingProcess.USERS.name(), ReportingApi.jsonValue(users));

        ResponseEntity<JsonNode> added = api.submitTaskForm(partnerUser, taskId, variables);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(added.getBody().get("message").asText()).isEqualTo(USERS_CHANGE_REFUSED);

        List<Map<String, Object>> renamed = new ArrayList<>(ReportingApi.threeUsers());
        renamed.set(1, ReportingApi.user("Лебедева Мария Андреевна", "boss@elsewhere.example"));
        variables.put(ReportingProcess.USERS.name(), ReportingApi.jsonValue(renamed));
        ResponseEntity<JsonNode> changed = api.submitTaskForm(partnerUser, taskId, variables);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(changed.getBody().get("message").asText()).isEqualTo(USERS_CHANGE_REFUSED);

        variables.put(ReportingProcess.USERS.name(), ReportingApi.jsonValue(ReportingApi.threeUsers().subList(0, 2)));
        assertThat(api.submitTaskForm(partnerUser, taskId, variables).getStatusCode()).as("removed one").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(api.task(partnerUser, applicationId).get("id").asText()).isEqualTo(taskId);
        assertUsersUntouched("SUBMITTED");
    }

    @Test
    void thePartnerCannotChangeTheUsersThroughATaskVariableSetBeforehand() {
        List<Map<String, Object>> users = new ArrayList<>(ReportingApi.threeUsers());
        users.add(ReportingApi.user("Новиков Олег Игоревич", "oleg@romashka.example"));
        assertThat(api.putTaskVariable(partnerUser, taskId, ReportingProcess.USERS.name(), ReportingApi.jsonValue(users)).getStatusCode())
                .as("a partner writes variables only through its form").isEqualTo(HttpStatus.FORBIDDEN);
        // and should the variable be there anyway (an administrator's mistake), the domain still refuses
        api.putTaskVariable("admin", taskId, ReportingProcess.USERS.name(), ReportingApi.jsonValue(users));

        ResponseEntity<JsonNode> completed = api.submitTaskForm(partnerUser, taskId, approve(true, "TEN_OR_MORE"));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(completed.getBody().get("message").asText()).isEqualTo(USERS_CHANGE_REFUSED);
        assertThat(api.task(partnerUser, applicationId).get("id").asText()).isEqualTo(taskId);
        assertUsersUntouched("SUBMITTED");
    }

    @Test
    void thePartnerCannotChangeTheUsersThroughATaskLocalVariable() {
        List<Map<String, Object>> users = new ArrayList<>(ReportingApi.threeUsers());
        users.add(ReportingApi.user("Новиков Олег Игоревич", "oleg@romashka.example"));
        assertThat(http.exchange("/engine-rest/task/" + taskId + "/localVariables/users", HttpMethod.PUT,
                json(partnerUser, ReportingApi.jsonValue(users)), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        http.exchange("/engine-rest/task/" + taskId + "/localVariables/users", HttpMethod.PUT,
                json("admin", ReportingApi.jsonValue(users)), JsonNode.class);

        ResponseEntity<JsonNode> completed = api.submitTaskForm(partnerUser, taskId, approve(true, "TEN_OR_MORE"));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(completed.getBody().get("message").asText()).isEqualTo(USERS_CHANGE_REFUSED);
        assertUsersUntouched("SUBMITTED");
    }

    @Test
    void aDecisionVariableSetDifferentlyOnTheTaskAndTheInstanceCannotSplitTheDomainFromTheProcess() {
        // the instance says REJECT, the task-local copy (which the complete listener reads) says APPROVE; a partner may
        // not write variables outside its form any more, so an administrator sets them up, as a mistake would
        assertThat(http.exchange("/engine-rest/task/" + taskId + "/variables/applicationDecision", HttpMethod.PUT,
                json(partnerUser, ReportingApi.string("REJECT")), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        http.exchange("/engine-rest/task/" + taskId + "/variables/applicationDecision", HttpMethod.PUT,
                json("admin", ReportingApi.string("REJECT")), JsonNode.class);
        http.exchange("/engine-rest/task/" + taskId + "/localVariables/applicationDecision", HttpMethod.PUT,
                json("admin", ReportingApi.string("APPROVE")), JsonNode.class);
        http.exchange("/engine-rest/task/" + taskId + "/localVariables/multiUserMode", HttpMethod.PUT,
                json("admin", ReportingApi.bool(true)), JsonNode.class);

        ResponseEntity<JsonNode> completed = http.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                json(partnerUser, Map.of()), JsonNode.class);

        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        // the gateway follows what the domain recorded: approved, so the product is enabled and the slot freed
        assertThat(api.application(client, applicationId).get("status").asText()).isEqualTo("ENABLED");
        assertThat(api.reportingProduct(client, subscriber.getNumber()).get("multiUserModeEnabled").asBoolean()).isTrue();
    }

    @Test
    void thePartnerCannotRewriteTheInstancesVariables() {
        String instanceId = api.task(partnerUser, applicationId).get("processInstanceId").asText();
        ResponseEntity<JsonNode> put = http.exchange("/engine-rest/process-instance/" + instanceId + "/variables/users",
                HttpMethod.PUT, json(partnerUser, ReportingApi.jsonValue(ReportingApi.threeUsers().subList(0, 2))), JsonNode.class);

        assertThat(put.getStatusCode().value()).isIn(403, 404);
    }

    @Test
    void theUnchangedUsersListAsTheFormHoldsItIsAccepted() {
        Map<String, Object> variables = new java.util.LinkedHashMap<>(approve(true, "TWO_TO_NINE"));
        variables.put(ReportingProcess.USERS.name(), ReportingApi.jsonValue(ReportingApi.threeUsers()));

        ResponseEntity<JsonNode> completed = api.submitTaskForm(partnerUser, taskId, variables);

        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertUsersUntouched("ENABLED");
    }

    @Test
    void theTaskGoesToThePartnerServingAtSubmissionAndAfterATransferTheOldPartnerMayNotDecide() {
        List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
        assertThat(links).filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).containsExactly(partner.group());

        Partner newPartner = data.partner();
        String newPartnerUser = data.partnerUser(newPartner);
        transferSubscriberTo(newPartner);

        // the task moved to the new partner: the engine no longer lets the old one work it, and the domain refuses it anyway
        ResponseEntity<JsonNode> byOldPartner = api.submitTaskForm(partnerUser, taskId, approve(true, "TWO_TO_NINE"));
        assertThat(byOldPartner.getStatusCode().is4xxClientError()).as("%s", byOldPartner.getBody()).isTrue();
        assertThat(taskService.getIdentityLinksForTask(taskId)).filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).containsExactly(newPartner.group());
        assertThatThrownBy(() -> service.decide(applicationId,
                new PartnerDecision(ApplicationDecision.APPROVE, true, MultiUserTier.TWO_TO_NINE, null, null), partnerUser))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(violation -> assertThat(((BusinessRuleViolation) violation).kind()).isEqualTo(BusinessRuleViolation.Kind.FORBIDDEN));
        assertThat(api.application(client, applicationId).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(api.get(newPartnerUser, "/api/reporting-applications/" + applicationId).getStatusCode())
                .as("the new partner sees the application").isEqualTo(HttpStatus.OK);
        assertThat(api.get(partnerUser, "/api/reporting-applications/" + applicationId).getStatusCode())
                .as("the old partner no longer does").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(instances(newPartnerUser, "/engine-rest/process-instance?businessKey=")).as("nor its instance").isOne();
        assertThat(instances(partnerUser, "/engine-rest/process-instance?businessKey=")).isZero();
        assertThat(instances(partnerUser, "/engine-rest/history/process-instance?processInstanceBusinessKey=")).isZero();
    }

    @Test
    void afterATransferTheNewPartnerProcessesTheApplication() {
        Partner newPartner = data.partner();
        String newPartnerUser = data.partnerUser(newPartner);
        transferSubscriberTo(newPartner);

        JsonNode task = api.task(newPartnerUser, applicationId);
        assertThat(task).as("the new partner's task").isNotNull();
        assertThat(api.submitTaskForm(newPartnerUser, task.get("id").asText(), approve(true, "TWO_TO_NINE")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.application(client, applicationId).get("decidedByPartner").asText()).isEqualTo(newPartner.getCode());
    }

    @Test
    void afterATransferTheOneListOfRequestsShowsTheApplicationToTheNewPartnerAndNoLongerToTheOld() {
        Partner newPartner = data.partner();
        String newPartnerUser = data.partnerUser(newPartner);
        assertThat(listedRequests(partnerUser)).contains(applicationId);
        transferSubscriberTo(newPartner);

        assertThat(listedRequests(newPartnerUser)).containsExactly(applicationId);
        assertThat(listedRequests(partnerUser)).doesNotContain(applicationId);
    }

    /** The reporting applications {@code GET /api/requests} lists to the user. */
    private List<Long> listedRequests(String user) {
        ResponseEntity<JsonNode> response = api.get(user, "/api/requests?kind=reporting-applications&size=100");
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(response.getBody().get("content").spliterator(), false).map(request -> request.get("id").asLong())
                .toList();
    }

    private void transferSubscriberTo(Partner newPartner) {
        transaction.executeWithoutResult(status -> {
            Subscriber moved = subscribers.findByNumber(subscriber.getNumber()).orElseThrow();
            moved.transferTo(newPartner, null, Instant.now());
            subscribers.save(moved); // publishes SubscriberTransferred, as TransferService.approve does
        });
    }

    private void assertUsersUntouched(String status) {
        JsonNode application = api.application(client, applicationId);
        assertThat(application.get("status").asText()).isEqualTo(status);
        assertThat(application.get("users")).extracting(user -> user.get("email").asText())
                .containsExactly("ivan@romashka.example", "maria@romashka.example", "dmitry@romashka.example");
    }

    private long instances(String user, String pathWithKey) {
        ResponseEntity<JsonNode> response = api.get(user, pathWithKey + applicationId + "&processDefinitionKey=" + ReportingProcess.KEY
                + "&maxResults=10");
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody().size();
    }

    private static HttpEntity<Object> json(String user, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
