package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.reporting.ReportingApi;
import com.partnerflow.reporting.ReportingProcess;
import com.partnerflow.reporting.ReportingProcess.Elements;
import com.partnerflow.subscriber.Subscriber;

/**
 * The forms of the reporting-extension application as people use them in Camunda Tasklist, in a real headless
 * Chromium, one test per form: a client user fills the Camunda Form start form (the users, one a line, which the form
 * turns into the list variable {@code users}; a checklist of the e-signature owner's roles), and the servicing partner
 * reads the application in the task form (templated text, the users table, the client's mode and the decision table's
 * tier) and approves or rejects it. Also what every Camunda Form gets from PartnerFlow's form-js module: Russian
 * messages beside the field, required fields marked, «Complete» back once a hidden field's error is gone. The outcome
 * is checked through the API as the client sees it. Shares the Spring context of every {@link IntegrationTest}.
 */
class ReportingTasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Заявление на подключение 1С-Отчетности (многопользовательский режим)";
    private static final String PROCESS_APPLICATION = "Обработать заявление клиента";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final String KPP = "770701001";
    private static final String OWNER = "Белова Ирина Олеговна";
    private static final List<List<String>> USERS = List.of(
            List.of("Белова Ирина Олеговна", "irina@vector.example"),
            List.of("Орлов Павел Игоревич", "pavel@vector.example"));

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestData testData;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void reportingApplicationSubmitFormStartsTheApplication() {
        Partner partner = testData.partner();
        Subscriber subscriber = testData.subscriber(partner);
        String client = testData.clientUser(subscriber);

        // the client applies for multi-user mode for two users
        Tasklist tasklist = Tasklist.logInAs(browser, port, client);
        fillStartForm(tasklist, subscriber, USERS);
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();
        HistoricProcessInstance application = theOnlyApplicationOf(subscriber);

        // what Tasklist submitted reached the domain intact: the list's rows and the checklist's values
        JsonNode stored = get(client, "/api/reporting-applications/" + application.getBusinessKey());
        assertThat(stored.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(stored.path("kpp").asText()).isEqualTo(KPP);
        assertThat(stored.path("users")).hasSize(2);
        for (int i = 0; i < USERS.size(); i++) {
            assertThat(stored.path("users").get(i).path("name").asText()).isEqualTo(USERS.get(i).get(0));
            assertThat(stored.path("users").get(i).path("email").asText()).isEqualTo(USERS.get(i).get(1));
        }
        assertThat(stored.path("signatureOwner").asText()).isEqualTo(OWNER);
        assertThat(stored.path("signatureRoles").toString()).isEqualTo("[\"SIGN\",\"ENCRYPT\"]");
        assertThat(taskId(application.getId())).as("the servicing partner's task").isNotNull();
    }

    @Test
    void reportingApplicationProcessFormApprovesTheApplication() {
        Partner partner = testData.partner();
        Subscriber subscriber = testData.subscriber(partner);
        String client = testData.clientUser(subscriber);
        String partnerUser = testData.partnerUser(partner);
        long applicationId = submittedOverTheApi(client, subscriber);
        HistoricProcessInstance application = theOnlyApplicationOf(subscriber);
        String instanceId = application.getId();

        // the servicing partner reads the application as the client filled it, and approves it
        Tasklist tasklist = Tasklist.logInAs(browser, port, partnerUser);
        tasklist.openTask(GROUP_TASKS, PROCESS_APPLICATION, taskId(instanceId));
        tasklist.claim();
        tasklist.waitForFormText("Многопользовательский режим: Включен");
        assertThat(tasklist.formText())
                .contains("Заявление № " + applicationId)
                .contains("Рег. номер в облаке: FR" + subscriber.getNumber())
                .contains(subscriber.getName() + ", ИНН " + subscriber.getInn() + ", КПП " + KPP)
                .contains("Владелец КЭП: " + OWNER + "; роли: подписание, шифрование");
        tasklist.waitForTableRows("Пользователи из заявления", USERS);
        assertThat(tasklist.isChecked("Параметры подключения: многопользовательский режим")).isTrue();
        tasklist.waitForSelected("Вид расширения", "от 2 до 9");
        tasklist.chooseOption("Одобрить: подключить 1С-Отчетность с этими параметрами");
        tasklist.complete();

        // the product shows on the organization card once the instance has ended (after the asynchronous mails)
        Outcomes.awaitEnded(historyService, instanceId, Elements.END_APPROVED);
        JsonNode products = get(client, "/api/subscribers/" + subscriber.getNumber() + "/products");
        assertThat(products).hasSize(1);
        JsonNode reporting = products.get(0);
        assertThat(reporting.path("product").asText()).isEqualTo("REPORTING");
        assertThat(reporting.path("multiUserModeEnabled").asBoolean()).isTrue();
        assertThat(reporting.path("tier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(reporting.path("applicationId").asLong()).isEqualTo(applicationId);
        JsonNode stored = get(client, "/api/reporting-applications/" + applicationId);
        assertThat(stored.path("status").asText()).isEqualTo("ENABLED");
        assertThat(stored.path("decidedBy").asText()).isEqualTo(partnerUser);
    }

    /**
     * «Отклонить» and «Завершить» without a reason: the reason's Russian message shows under it. A change of mind to
     * «Одобрить» hides the reason, and «Завершить» works again at once (form-js alone kept the hidden field's error and
     * Tasklist the button disabled until a reload); back to «Отклонить» with a reason, the application is rejected.
     */
    @Test
    void reportingApplicationProcessFormRejectsWithAReasonAfterAChangeOfMind() {
        Partner partner = testData.partner();
        Subscriber subscriber = testData.subscriber(partner);
        String client = testData.clientUser(subscriber);
        long applicationId = submittedOverTheApi(client, subscriber);
        String instanceId = theOnlyApplicationOf(subscriber).getId();

        Tasklist tasklist = Tasklist.logInAs(browser, port, testData.partnerUser(partner));
        tasklist.openTask(GROUP_TASKS, PROCESS_APPLICATION, taskId(instanceId));
        tasklist.claim();
        tasklist.chooseOption("Отклонить заявление");
        assertThat(tasklist.isFormFieldMarkedRequired("Причина отказа")).as("the reason is marked required").isTrue();
        tasklist.pressComplete();
        assertThat(tasklist.waitForFieldError("Причина отказа")).isEqualTo("Заполните поле.");
        tasklist.waitUntilCompleteIsEnabled(false);
        tasklist.closeNotifications();

        tasklist.chooseOption("Одобрить: подключить 1С-Отчетность с этими параметрами");
        tasklist.waitUntilCompleteIsEnabled(true);

        tasklist.chooseOption("Отклонить заявление");
        tasklist.fillFormField("Причина отказа", "Организация не сдает отчетность через 1С-Отчетность");
        tasklist.complete();

        Outcomes.awaitEnded(historyService, instanceId, Elements.END_REJECTED);
        JsonNode stored = get(client, "/api/reporting-applications/" + applicationId);
        assertThat(stored.path("status").asText()).isEqualTo("REJECTED");
        assertThat(get(client, "/api/subscribers/" + subscriber.getNumber() + "/products")).isEmpty();
    }

    /**
     * What PartnerFlow's module gives every Camunda Form (form-js), shown on the application's start form: a required
     * field's label ends in an asterisk, a malformed value gets a Russian message under its own field, with the
     * format from the form (never form-js's English «Field must match pattern» with the raw regular expression).
     */
    @Test
    void camundaFormsShowRussianMessagesBesideTheFieldAndMarkRequiredFields() {
        Subscriber subscriber = testData.subscriber(testData.partner());
        Tasklist tasklist = Tasklist.logInAs(browser, port, testData.clientUser(subscriber));
        tasklist.openStartForm(PROCESS, Tasklist.CAMUNDA_FORM);

        assertThat(tasklist.isFormFieldMarkedRequired("Номер абонента")).isTrue();
        assertThat(tasklist.isFormFieldMarkedRequired("ИНН")).isTrue();
        assertThat(tasklist.isFormFieldMarkedRequired("КПП")).as("optional").isFalse();
        tasklist.fillFormField("ИНН", "12345");
        assertThat(tasklist.waitForFieldError("ИНН")).isEqualTo("ИНН — 10 цифр для организации или 12 цифр для ИП.");
        tasklist.fillFormField("КПП", "77");
        assertThat(tasklist.waitForFieldError("КПП")).startsWith("КПП — 9 знаков");
        tasklist.fillFormField("Номер абонента", "1");
        tasklist.fillFormField("Номер абонента", "");
        assertThat(tasklist.waitForFieldError("Номер абонента")).isEqualTo("Заполните поле.");
        assertThat(tasklist.formText()).doesNotContain("Field ", "must", "pattern", "required");
        assertThat(applicationsOf(subscriber).count()).isZero();
    }

    @Test
    void reportingApplicationSubmitFormRefusesMultiUserModeForASingleUser() {
        Partner partner = testData.partner();
        Subscriber subscriber = testData.subscriber(partner);
        String client = testData.clientUser(subscriber);

        Tasklist tasklist = Tasklist.logInAs(browser, port, client);
        fillStartForm(tasklist, subscriber, USERS.subList(0, 1));
        tasklist.start();

        // the service task's Russian message reaches the client; the rollback leaves no instance and no product
        assertThat(tasklist.errorMessage()).contains("не меньше двух пользователей");
        assertThat(applicationsOf(subscriber).count()).isZero();
        assertThat(get(client, "/api/subscribers/" + subscriber.getNumber() + "/products")).isEmpty();
    }

    /**
     * Opens the start form from «Start process» and fills it, multi-user mode on (the default). The
     * form computes {@code users} from the text when it is submitted, from what it last rendered: so
     * the users are typed before other fields, as a person does, never right before «Start».
     */
    private static void fillStartForm(Tasklist tasklist, Subscriber subscriber, List<List<String>> users) {
        tasklist.openStartForm(PROCESS, Tasklist.CAMUNDA_FORM);
        tasklist.fillFormField("Номер абонента", subscriber.getNumber());
        tasklist.fillFormField("Наименование организации", subscriber.getName());
        tasklist.fillFormField("ИНН", subscriber.getInn());
        tasklist.fillFormField("КПП", KPP);
        assertThat(tasklist.isChecked("Многопользовательский режим")).as("multi-user mode is on by default").isTrue();
        tasklist.fillFormField("Пользователи", usersText(users));
        tasklist.fillFormField("Владелец КЭП", OWNER);
        tasklist.checkOption("Роли владельца КЭП", "Подписание");
        tasklist.checkOption("Роли владельца КЭП", "Шифрование");
    }

    /** The client's application as its CRM sends it, for two users: the way to the partner's task without the start form. */
    private long submittedOverTheApi(String client, Subscriber subscriber) {
        Map<String, Object> body = ReportingApi.application(subscriber.getNumber());
        body.put("organizationName", subscriber.getName());
        body.put("inn", subscriber.getInn());
        body.put("kpp", KPP);
        body.put("users", USERS.stream().map(user -> ReportingApi.user(user.get(0), user.get(1))).toList());
        body.put("signatureOwner", OWNER);
        body.put("signatureRoles", List.of("SIGN", "ENCRYPT"));
        return new ReportingApi(http).submitted(client, body);
    }


    /** The users as a person types them into the form: one a line, «ФИО; адрес». */
    private static String usersText(List<List<String>> users) {
        return String.join("\n", users.stream().map(user -> user.get(0) + "; " + user.get(1)).toList());
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private HistoricProcessInstanceQuery applicationsOf(Subscriber subscriber) {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReportingProcess.KEY)
                .variableValueEquals(ReportingProcess.SUBSCRIBER_NUMBER.name(), subscriber.getNumber());
    }

    private HistoricProcessInstance theOnlyApplicationOf(Subscriber subscriber) {
        List<HistoricProcessInstance> applications = applicationsOf(subscriber).list();
        assertThat(applications).as("applications of subscriber %s", subscriber.getNumber()).hasSize(1);
        return applications.get(0);
    }

    private String taskId(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(Elements.PROCESS_APPLICATION).singleResult().getId();
    }
}
