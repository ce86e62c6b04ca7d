package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.billing.BillingService;
import com.partnerflow.billing.SettlementApi;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.billing.SettlementProcess.Elements;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * The forms of the monthly settlement as finance and a partner use them in Camunda Tasklist, in a real headless
 * Chromium, one test per form: finance starts the settlement from the embedded start form (the previous month chosen
 * already; a month with nothing to settle refused with «Нечего сверять»), confirms a partner's reconciliation in its
 * Camunda Form, and a partner answers the note of a reconciliation sent back. The outcome is checked in the engine and
 * through the API. Each test settles a month of its own, so the demo data's previous month stays as it is.
 */
class SettlementTasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Ежемесячная сверка с партнерами";
    private static final String CONFIRM = "Подтвердить сверку партнера";
    private static final String ANSWER = "Ответить на замечание по сверке";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final By START_FORM = By.cssSelector("form[name='settlementStartForm']");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag("ru"));

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestData testData;
    @Autowired
    TestRestTemplate http;
    @Autowired
    BillingService billing;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Clock clock;

    SettlementApi api;
    String finance;
    Partner partner;
    String partnerUser;
    Subscriber subscriber;

    @BeforeEach
    void aPartnerWithAClient() {
        api = new SettlementApi(http);
        finance = testData.user(Groups.FINANCE);
        partner = testData.partner();
        partnerUser = testData.partnerUser(partner);
        subscriber = testData.subscriber(partner);
    }

    /**
     * The form offers the closed months, the previous one chosen; finance picks the oldest offered (two years back, a
     * month no other test settles) and starts: the partner's reconciliation waits for finance.
     */
    @Test
    void settlementStartFormStartsTheChosenMonth() {
        YearMonth previous = YearMonth.now(clock).minusMonths(1);
        YearMonth month = SettlementApi.oneCharge(billing, partner, subscriber, previous.minusMonths(23));

        Tasklist tasklist = Tasklist.logInAs(browser, port, finance);
        tasklist.openStartForm(PROCESS, START_FORM);
        tasklist.waitForText(START_FORM, "(предыдущий месяц)");
        assertThat(tasklist.selectedText("period")).isEqualTo(MONTH.format(previous) + " (предыдущий месяц)");
        tasklist.select("period", MONTH.format(month));
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();
        assertThat(tasklist.notice()).contains("Сверка за " + MONTH.format(month) + " запущена");

        List<Task> confirmations = taskService.createTaskQuery().processDefinitionKey(SettlementProcess.KEY)
                .processInstanceBusinessKey(month.toString()).taskDefinitionKey(Elements.CONFIRM_RECONCILIATION).list();
        assertThat(confirmations).hasSize(1);
        JsonNode reconciliation = reconciliation(confirmations.get(0));
        assertThat(reconciliation.path("partner").path("code").asText()).isEqualTo(partner.getCode());
        assertThat(reconciliation.path("chargeCount").asInt()).isEqualTo(1);
    }

    /** A month with no charges: the start is refused at the door, in Russian, and nothing is started. */
    @Test
    void settlementStartFormRefusesAMonthWithNothingToSettle() {
        YearMonth empty = YearMonth.now(clock).minusMonths(23);

        Tasklist tasklist = Tasklist.logInAs(browser, port, finance);
        tasklist.openStartForm(PROCESS, START_FORM);
        tasklist.waitForText(START_FORM, "(предыдущий месяц)");
        tasklist.select("period", MONTH.format(empty));
        tasklist.start();

        assertThat(tasklist.errorMessage()).contains("Нечего сверять: за " + MONTH.format(empty) + " нет начислений.");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SettlementProcess.KEY)
                .processInstanceBusinessKey(empty.toString()).count()).isZero();
    }

    @Test
    void settlementConfirmFormIssuesTheInvoice() {
        String month = startedWithOneCharge();
        Task confirmation = openTask(month, Elements.CONFIRM_RECONCILIATION);

        Tasklist tasklist = Tasklist.logInAs(browser, port, finance);
        tasklist.openTask(GROUP_TASKS, CONFIRM, confirmation.getId());
        tasklist.claim();
        tasklist.waitForFormText("Партнер: " + partner.getCode() + " — " + partner.getName());
        assertThat(tasklist.formText()).contains("за " + MONTH.format(YearMonth.parse(month))).contains("Начислений: 1");
        tasklist.chooseOption("Подтвердить: выставить счет");
        tasklist.complete();

        Outcomes.awaitEnded(historyService, confirmation.getProcessInstanceId(), Elements.END_MONTH_SETTLED);
        JsonNode invoices = get(partnerUser, "/api/partners/" + partner.getCode() + "/invoices").get("content");
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).path("number").asText()).isEqualTo("PF-" + month + "-" + partner.getCode());
    }

    @Test
    void settlementAnswerFormReturnsTheReconciliationToFinance() {
        String month = startedWithOneCharge();
        Task confirmation = openTask(month, Elements.CONFIRM_RECONCILIATION);
        long reconciliationId = reconciliation(confirmation).path("id").asLong();
        JsonNode sentBack = api.tasks(finance, month).get(0);
        assertThat(api.complete(finance, sentBack, Map.of(
                SettlementProcess.SETTLEMENT_DECISION.name(), TransferApi.string("SEND_BACK"),
                SettlementProcess.FINANCE_NOTE.name(), TransferApi.string("Подтвердите число пользователей"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Task answer = openTask(month, Elements.ANSWER_RECONCILIATION);

        Tasklist tasklist = Tasklist.logInAs(browser, port, partnerUser);
        tasklist.openTask(GROUP_TASKS, ANSWER, answer.getId());
        tasklist.claim();
        tasklist.waitForFormText("Замечание финансовой службы: Подтвердите число пользователей");
        tasklist.fillFormField("Ваш ответ финансовой службе", "Пользователей двое, все верно");
        tasklist.complete();

        openTask(month, Elements.CONFIRM_RECONCILIATION);
        JsonNode reconciliation = get(finance, "/api/reconciliations/" + reconciliationId);
        assertThat(reconciliation.path("partnerReply").asText()).isEqualTo("Пользователей двое, все верно");
        assertThat(reconciliation.path("sendBacks").asInt()).isEqualTo(1);
    }

    /** A month of its own with one charge of the partner, settled by finance over {@code /engine-rest}. */
    private String startedWithOneCharge() {
        String month = SettlementApi.monthWithOneCharge(billing, partner, subscriber).toString();
        ResponseEntity<JsonNode> started = api.start(finance, month);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        return month;
    }

    /** The open task of the kind in the month's settlement, once the engine has created it. */
    private Task openTask(String month, String taskDefinitionKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processDefinitionKey(SettlementProcess.KEY).processInstanceBusinessKey(month)
                .taskDefinitionKey(taskDefinitionKey).singleResult(), task -> task != null);
    }

    /** The reconciliation a task settles, as finance reads it. */
    private JsonNode reconciliation(Task task) {
        Object id = taskService.getVariable(task.getId(), SettlementProcess.RECONCILIATION_ID.name());
        return get(finance, "/api/reconciliations/" + id);
    }


    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = api.get(user, path);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
