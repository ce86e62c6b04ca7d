package com.partnerflow.billing;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.ReceivedMail;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;

/**
 * A month's settlement through the running application: charges recorded, finance starts the
 * settlement over {@code /engine-rest}, confirms one partner's reconciliation and sends the other's
 * back, the partner answers, invoices are issued and mailed (GreenMail), the partner reads its
 * invoices and downloads the CSV; a second run of the month creates nothing.
 */
class SettlementEndToEndTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    BillingService billing;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    Invoices invoices;
    @Autowired
    LicenseCharges charges;
    @Autowired
    HistoryService history;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    SettlementApi api;
    String period;
    String finance;
    Partner alfa;
    Partner beta;
    String alfaUser;
    String betaUser;

    @BeforeEach
    void twoPartnersWithChargesInAClosedMonth() {
        api = new SettlementApi(http);
        YearMonth month = SettlementApi.freshPeriod();
        period = month.toString();
        finance = data.user(Groups.FINANCE);
        alfa = data.partner();
        beta = data.partner();
        alfaUser = data.partnerUser(alfa);
        betaUser = data.partnerUser(beta);
        Subscriber alfaClient = data.subscriber(alfa);
        Subscriber betaClient = data.subscriber(beta);
        billing.recordCharge(alfa, alfaClient, BillableItem.REPORTING_MULTI_USER_2_9, "e2e:" + period + ":1", month);
        billing.recordCharge(alfa, alfaClient, BillableItem.REPORTING_LICENSE, "e2e:" + period + ":2", month);
        billing.recordCharge(beta, betaClient, BillableItem.REPORTING_MULTI_USER_10_PLUS, "e2e:" + period + ":3", month);
    }

    @Test
    void financeConfirmsSendsBackAndPartnersGetTheirInvoices() throws Exception {
        ResponseEntity<JsonNode> started = api.start(finance, period);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(started.getBody().get("businessKey").asText()).isEqualTo(period);
        List<Reconciliation> opened = reconciliations.findByPeriodOrderById(period);
        assertThat(opened).extracting(r -> r.getPartner().getCode()).containsExactlyInAnyOrder(alfa.getCode(), beta.getCode());
        long alfaReconciliation = idOf(opened, alfa);
        long betaReconciliation = idOf(opened, beta);
        assertThat(api.tasks(finance, period)).hasSize(2)
                .allMatch(task -> task.get("taskDefinitionKey").asText().equals(SettlementProcess.Elements.CONFIRM_RECONCILIATION));

        // the form shows partner and totals; the same for every reconciliation, never another's decision
        JsonNode alfaTask = api.task(finance, period, alfaReconciliation);
        JsonNode formVariables = api.get(finance, "/engine-rest/task/" + alfaTask.get("id").asText() + "/form-variables").getBody();
        assertThat(formVariables.at("/partnerName/value").asText()).contains(alfa.getCode());
        // 3000 × 0.7 + 4500 × 0.5 (СуперХод) × 0.7
        assertThat(formVariables.at("/totalAmount/value").asText()).isEqualTo("3 675,00 ₽");
        assertThat(api.complete(finance, alfaTask, Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("CONFIRM")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode betaTask = api.task(finance, period, betaReconciliation);
        ResponseEntity<JsonNode> withoutNote = api.complete(finance, betaTask,
                Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("SEND_BACK")));
        assertThat(withoutNote.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutNote.getBody().get("message").asText()).contains("Укажите");
        assertThat(api.complete(finance, betaTask, Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("SEND_BACK"),
                SettlementProcess.FINANCE_NOTE.name(), string("Подтвердите 10+ пользователей у абонента"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(api.tasks(alfaUser, period)).as("ALFA sees nothing of BETA's reconciliation").isEmpty();
        JsonNode answer = api.task(betaUser, period, betaReconciliation);
        assertThat(answer.get("taskDefinitionKey").asText()).isEqualTo(SettlementProcess.Elements.ANSWER_RECONCILIATION);
        assertThat(api.get(betaUser, "/engine-rest/task/" + answer.get("id").asText() + "/form-variables").getBody()
                .at("/financeNote/value").asText()).startsWith("Подтвердите 10+");
        MimeMessage waiting = mailTo(betaUser + "@users.test", "Ответьте на замечание финансовой службы");
        assertThat(ReceivedMail.text(waiting)).contains("Замечание финансовой службы: Подтвердите 10+ пользователей у абонента",
                "Открыть задачу: " + "https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + answer.get("id").asText());
        assertThat(ReceivedMail.html(waiting)).contains("href=\"" + "https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + answer.get("id").asText() + "\"");
        awaitNothingPendingTo(alfaUser + "@users.test");
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(message -> recipientIs(message, alfaUser + "@users.test")))
                .as("ALFA's people wait for nothing of BETA's").isEmpty();
        assertThat(api.complete(alfaUser, answer, Map.of(SettlementProcess.PARTNER_REPLY.name(), string("Чужой ответ")))
                .getStatusCode().value()).isIn(403, 404);
        assertThat(api.complete(betaUser, answer, Map.of(SettlementProcess.PARTNER_REPLY.name(), string("Да, у клиента 12 пользователей")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode again = api.task(finance, period, betaReconciliation);
        assertThat(api.get(finance, "/engine-rest/task/" + again.get("id").asText() + "/form-variables").getBody()
                .at("/partnerReply/value").asText()).isEqualTo("Да, у клиента 12 пользователей");
        assertThat(api.complete(finance, again, Map.of(SettlementProcess.SETTLEMENT_DECISION.name(), string("CONFIRM")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        awaitEnded(started.getBody().get("id").asText(), SettlementProcess.Elements.END_MONTH_SETTLED);
        String alfaInvoice = "PF-" + period + "-" + alfa.getCode();
        JsonNode alfaInvoices = api.get(alfaUser, "/api/partners/" + alfa.getCode() + "/invoices").getBody().get("content");
        assertThat(alfaInvoices).hasSize(1);
        assertThat(alfaInvoices.get(0).get("number").asText()).isEqualTo(alfaInvoice);
        assertThat(new BigDecimal(alfaInvoices.get(0).get("amount").asText())).isEqualByComparingTo("3675.00");
        assertThat(api.get(betaUser, "/api/partners/" + beta.getCode() + "/invoices").getBody().at("/content/0").get("amount").asText())
                .isEqualTo("4200.0");
        MimeMessage mail = mailTo(alfa.getEmail(), alfaInvoice);
        assertThat(ReceivedMail.text(mail)).contains("3 675,00 ₽");

        JsonNode view = api.get(finance, "/api/reconciliations/" + betaReconciliation).getBody();
        assertThat(view.get("status").asText()).isEqualTo("INVOICED");
        assertThat(view.get("partnerReply").asText()).startsWith("Да, у клиента");
        assertThat(view.get("sendBacks").asInt()).isEqualTo(1);
        assertThat(view.get("charges")).hasSize(1);
        assertThat(view.at("/invoice/number").asText()).isEqualTo("PF-" + period + "-" + beta.getCode());

        ResponseEntity<byte[]> csv = api.download(alfaUser, "/api/reconciliations/" + alfaReconciliation + "/charges.csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("charges-" + alfa.getCode() + "-" + period + ".csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFПериод;").contains("\r\n").contains(";3675,00;");
        assertThat(text.split("\r\n")).hasSize(4);

        // finance starting the month again is refused at the door: nothing is left to reconcile
        ResponseEntity<JsonNode> rerun = api.start(finance, period);
        assertThat(rerun.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rerun.getBody().get("message").asText()).isEqualTo("Нечего сверять: все начисления за " + month(YearMonth.parse(period)) + " уже в сверках (сверок: 2). Сверка не запущена.");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SettlementProcess.KEY)
                .processInstanceBusinessKey(period).count()).as("only the first run").isEqualTo(1);
        assertThat(reconciliations.findByPeriodOrderById(period)).hasSize(2);
        assertThat(invoices.findByPartnerIdOrderByPeriodDescIdDesc(alfa.getId())).hasSize(1);
    }

    @Test
    void aMonthNotClosedOrMistypedIsRefusedAndLeavesNoInstance() {
        String thisMonth = YearMonth.now(clock).toString();
        ResponseEntity<JsonNode> open = api.start(finance, thisMonth);
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(open.getBody().get("message").asText()).contains("только закончившийся месяц");
        ResponseEntity<JsonNode> mistyped = api.start(finance, period.replace("-", "/"));
        assertThat(mistyped.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(mistyped.getBody().get("message").asText()).contains("ГГГГ-ММ");
        assertThat(api.start(finance, "2026-13").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(thisMonth)
                .processDefinitionKey(SettlementProcess.KEY).count()).isZero();
        assertThat(reconciliations.findByPeriodOrderById(period)).isEmpty();
    }

    @Test
    void aMonthWithoutChargesIsRefusedWithNothingToReconcile() {
        YearMonth empty = SettlementApi.freshPeriod();
        ResponseEntity<JsonNode> refused = api.start(finance, empty.toString());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("message").asText())
                .isEqualTo("Нечего сверять: за " + month(empty) + " нет начислений. Сверка не запущена.");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SettlementProcess.KEY)
                .processInstanceBusinessKey(empty.toString()).count()).isZero();
    }

    @Test
    void theStartFormSuggestsThePreviousMonth() {
        String base = "/engine-rest/process-definition/key/" + SettlementProcess.KEY;
        JsonNode variables = api.get(finance, base + "/form-variables").getBody();
        assertThat(variables.at("/period/value").asText()).isEqualTo(YearMonth.now(clock).minusMonths(1).toString());
        // an embedded form, which fetches that value (a Camunda Form's start gets no form variables from Tasklist)
        assertThat(api.get(finance, base + "/startForm").getBody().path("key").asText())
                .isEqualTo("embedded:/forms/settlement-start.html");
    }

    @Test
    void aLicenseChargeIsRecordedOncePerSourceAtThePartnersDiscountWithoutPromotionsForMultiUserMode() {
        Subscriber client = data.subscriber(alfa);
        String source = "reporting-application:" + period;
        LicenseCharge first = transaction.execute(status ->
                billing.recordLicenseCharge(alfa, client, BillableItem.REPORTING_MULTI_USER_2_9, source));
        LicenseCharge second = transaction.execute(status ->
                billing.recordLicenseCharge(alfa, client, BillableItem.REPORTING_MULTI_USER_2_9, source));

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(first.getPeriod()).isEqualTo(YearMonth.now(clock).toString());
        assertThat(first.getPromotion()).isNull();
        assertThat(first.getAmount()).isEqualByComparingTo("2100.00");
        LicenseCharge license = transaction.execute(status ->
                billing.recordLicenseCharge(alfa, client, BillableItem.REPORTING_LICENSE, source + ":license"));
        assertThat(license.getPromotion()).isEqualTo("СуперХод");
        assertThat(license.getAmount()).isEqualByComparingTo("1575.00");
    }

    /** Found by a session (issue 20): a tier changed within a month added a second charge for one license. */
    @Test
    void aTierChangedWithinTheMonthReplacesTheMonthsChargeOfThatLicense() {
        Subscriber client = data.subscriber(alfa);
        String month = YearMonth.now(clock).toString();
        LicenseCharge small = transaction.execute(status ->
                billing.recordLicenseCharge(alfa, client, BillableItem.REPORTING_MULTI_USER_2_9, "tier-change:2-9:" + month));
        LicenseCharge license = transaction.execute(status ->
                billing.recordLicenseCharge(alfa, client, BillableItem.REPORTING_LICENSE, "tier-change:license:" + month));
        LicenseCharge large = transaction.execute(status ->
                billing.recordLicenseCharge(alfa, client, BillableItem.REPORTING_MULTI_USER_10_PLUS, "tier-change:10+:" + month));

        List<LicenseCharge> ofTheMonth = transaction.execute(status -> charges.findAll().stream()
                .filter(charge -> charge.getSubscriber().getId().equals(client.getId())).toList());
        assertThat(ofTheMonth).extracting(LicenseCharge::getId).as("the 2-9 charge gave way to the 10+ one; the other license stays")
                .containsExactlyInAnyOrder(license.getId(), large.getId());
        assertThat(ofTheMonth).extracting(LicenseCharge::getId).doesNotContain(small.getId());
    }

    private static long idOf(List<Reconciliation> reconciliations, Partner partner) {
        return reconciliations.stream().filter(r -> r.getPartner().getCode().equals(partner.getCode())).findFirst()
                .orElseThrow().getId();
    }

    /** A month as the messages name it: «ноябрь 2026». */
    private static String month(YearMonth period) {
        return period.format(DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag("ru")));
    }

    private void awaitEnded(String instanceId, String endEvent) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId).activityId(endEvent).count()).isEqualTo(1));
    }

    private static boolean recipientIs(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(address -> address.toString().equals(recipient));
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static MimeMessage mailTo(String recipient, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getSubject().contains(subjectPart) && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(address -> address.toString().equals(recipient));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst().orElse(null), message -> message != null);
    }
}
