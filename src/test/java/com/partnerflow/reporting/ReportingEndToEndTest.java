package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingApi.application;
import static com.partnerflow.reporting.ReportingApi.approve;
import static com.partnerflow.reporting.ReportingApi.reject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.ReceivedMail;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/**
 * A reporting-extension application (seed 001) through the running application, as its users drive it:
 * the client (or its partner for it) submits over {@code /api} or Tasklist's start form, the servicing
 * partner processes it through Tasklist's {@code submit-form}, the organization card shows the product,
 * and the job executor mails the client and the partner.
 */
class ReportingEndToEndTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    ReportingApi api;
    Partner partner;
    String partnerUser;
    Subscriber subscriber;
    String client;

    @BeforeEach
    void aSubscriberWithAClientUserAndItsPartner() {
        api = new ReportingApi(http);
        partner = data.partner();
        partnerUser = data.partnerUser(partner);
        subscriber = data.subscriber(partner);
        client = data.clientUser(subscriber);
    }

    @Test
    void clientAppliesForMultiUserModeAndThePartnerApprovesIt() throws Exception {
        ResponseEntity<JsonNode> created = api.submit(client, application(subscriber.getNumber()));

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode submitted = created.getBody();
        long id = submitted.get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/reporting-applications/" + id);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("regNumber").asText()).isEqualTo("FR" + subscriber.getNumber());
        assertThat(submitted.get("requestedMultiUserMode").asBoolean()).isTrue();
        assertThat(submitted.get("requestedTier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(submitted.get("submittedBy").asText()).isEqualTo(client);
        assertThat(submitted.get("users")).hasSize(3);
        assertThat(submitted.get("signatureRoles")).extracting(JsonNode::asText).containsExactly("SIGN", "ENCRYPT", "ADMINISTER");

        JsonNode task = api.task(partnerUser, id);
        assertThat(task).as("the servicing partner's task").isNotNull();
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(ReportingProcess.Elements.PROCESS_APPLICATION);
        MimeMessage waiting = mailTo(partnerUser + "@users.test", "Обработайте заявление № " + id);
        assertThat(text(waiting)).contains("Абонент: " + subscriber.getNumber(), "пользователей: 3",
                "1С-Отчетность клиенту не подключена", "Открыть задачу: " + "https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + task.get("id").asText());
        JsonNode formVariables = api.get(partnerUser, "/engine-rest/task/" + task.get("id").asText() + "/form-variables").getBody();
        assertThat(formVariables.at("/" + ReportingProcess.CLIENT_MULTI_USER_MODE.name() + "/value").asText()).isEqualTo("Включен");
        assertThat(formVariables.at("/" + ReportingProcess.MULTI_USER_MODE.name() + "/value").asBoolean()).isTrue();
        assertThat(formVariables.at("/" + ReportingProcess.TIER.name() + "/value").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(formVariables.at("/" + ReportingProcess.REG_NUMBER.name() + "/value").asText()).isEqualTo("FR" + subscriber.getNumber());
        assertThat(formVariables.at("/" + ReportingProcess.SIGNATURE_ROLES_TEXT.name() + "/value").asText()).isEqualTo("подписание, шифрование, администрирование");

        ResponseEntity<JsonNode> processed = api.submitTaskForm(partnerUser, task.get("id").asText(), approve(true, "TWO_TO_NINE"));

        assertThat(processed.getStatusCode()).as("%s", processed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode enabled = api.application(client, id);
        assertThat(enabled.get("status").asText()).isEqualTo("ENABLED");
        assertThat(enabled.get("multiUserMode").asBoolean()).isTrue();
        assertThat(enabled.get("tier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(enabled.get("tierLabel").asText()).isEqualTo("от 2 до 9");
        assertThat(enabled.get("decidedBy").asText()).isEqualTo(partnerUser);
        assertThat(enabled.get("decidedByPartner").asText()).isEqualTo(partner.getCode());

        JsonNode product = api.reportingProduct(client, subscriber.getNumber());
        assertThat(product).isNotNull();
        assertThat(product.get("name").asText()).isEqualTo("1С-Отчетность");
        assertThat(product.get("multiUserModeEnabled").asBoolean()).isTrue();
        assertThat(product.get("multiUserMode").asText()).isEqualTo("Включен");
        assertThat(product.get("tier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(product.get("tierLabel").asText()).isEqualTo("от 2 до 9");
        assertThat(product.get("multiUserSince").asText()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(product.get("applicationId").asLong()).isEqualTo(id);
        assertThat(api.reportingProduct(partnerUser, subscriber.getNumber())).isEqualTo(product);
        assertThat(api.reportingProduct("vera", subscriber.getNumber())).isEqualTo(product);

        // this month's license at the partner's 30 % sublicense discount; the configured promotions
        // («СуперХод» 50 % and the others) never apply to the multi-user extension
        Map<String, Object> charge = chargeOf(id);
        assertThat(charge).containsEntry("ITEM", "REPORTING_MULTI_USER_2_9")
                .containsEntry("PERIOD", YearMonth.now(clock).toString())
                .containsEntry("PARTNER_ID", partner.getId())
                .containsEntry("PROMOTION", null);
        assertThat((BigDecimal) charge.get("LIST_PRICE")).isEqualByComparingTo("3000.00");
        assertThat((BigDecimal) charge.get("DISCOUNT_PERCENT")).isEqualByComparingTo("30");
        assertThat((BigDecimal) charge.get("AMOUNT")).isEqualByComparingTo("2100.00");

        awaitEnded(id, ReportingProcess.Elements.END_APPROVED);
        MimeMessage toClient = mailTo(client + "@users.test", "обработано");
        assertThat(text(toClient)).contains("FR" + subscriber.getNumber(), "Включен", "«от 2 до 9»");
        MimeMessage toPartner = mailTo(partner.getEmail(), "обработано");
        assertThat(toPartner.getSubject()).contains("Заявление № " + id);
        assertThat(api.task(partnerUser, id)).isNull();
    }

    @Test
    void clientAppliesThroughTasklistsStartFormWithJsonLists() {
        Map<String, Object> variables = ReportingApi.startFormVariables(application(subscriber.getNumber()));

        ResponseEntity<JsonNode> started = api.submitStartForm(client, variables);

        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        long id = started.getBody().get("businessKey").asLong();
        JsonNode submitted = api.application(client, id);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("requestedTier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(submitted.get("users")).extracting(user -> user.get("email").asText())
                .containsExactly("ivan@romashka.example", "maria@romashka.example", "dmitry@romashka.example");
        assertThat(submitted.get("signatureRoles")).hasSize(3);
        assertThat(submitted.get("submittedBy").asText()).isEqualTo(client);

        JsonNode task = api.task(partnerUser, id);
        assertThat(api.submitTaskForm(partnerUser, task.get("id").asText(), approve(true, "TWO_TO_NINE")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.application(client, id).get("status").asText()).isEqualTo("ENABLED");
        assertThat(api.reportingProduct(client, subscriber.getNumber()).get("multiUserModeEnabled").asBoolean()).isTrue();
    }

    @Test
    void partnerSwitchesMultiUserModeOffAndTheCardShowsItOff() throws Exception {
        // first the mode is on, from an earlier application
        long first = api.submitted(client, application(subscriber.getNumber()));
        api.submitTaskForm(partnerUser, api.task(partnerUser, first).get("id").asText(), approve(true, "TWO_TO_NINE"));
        assertThat(api.reportingProduct(client, subscriber.getNumber()).get("multiUserModeEnabled").asBoolean()).isTrue();

        long id = api.submitted(client, application(subscriber.getNumber()));
        ResponseEntity<JsonNode> processed = api.submitTaskForm(partnerUser, api.task(partnerUser, id).get("id").asText(),
                approve(false, null));

        assertThat(processed.getStatusCode()).as("%s", processed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode application = api.application(client, id);
        assertThat(application.get("status").asText()).isEqualTo("ENABLED");
        assertThat(application.get("requestedMultiUserMode").asBoolean()).as("the client's request stays as it was").isTrue();
        assertThat(application.get("multiUserMode").asBoolean()).isFalse();
        assertThat(application.path("tier").asText(null)).isNull();
        JsonNode product = api.reportingProduct(client, subscriber.getNumber());
        assertThat(product.get("multiUserModeEnabled").asBoolean()).isFalse();
        assertThat(product.get("multiUserMode").asText()).isEqualTo("Выключен");
        assertThat(product.path("tier").asText(null)).isNull();
        assertThat(product.path("tierLabel").asText(null)).isNull();
        assertThat(product.path("multiUserSince").asText(null)).isNull();
        assertThat(product.get("applicationId").asLong()).isEqualTo(id);
        assertThat(jdbc.queryForObject("select count(*) from license_charge where subscriber_id = ?", Long.class,
                subscriber.getId())).as("only the first application's charge: no extension, no charge").isOne();

        awaitEnded(id, ReportingProcess.Elements.END_APPROVED);
        assertThat(text(mailTo(client + "@users.test", "№ " + id + " "))).contains("многопользовательский режим: Выключен");
    }

    @Test
    void aSecondApplicationWithTheSameTierInTheSameMonthIsNotChargedTwice() {
        for (int round = 0; round < 2; round++) {
            long id = api.submitted(client, application(subscriber.getNumber()));
            ResponseEntity<JsonNode> processed = api.submitTaskForm(partnerUser, api.task(partnerUser, id).get("id").asText(),
                    approve(true, "TWO_TO_NINE"));
            assertThat(processed.getStatusCode()).as("%s", processed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(api.application(client, id).get("status").asText()).isEqualTo("ENABLED");
        }
        assertThat(jdbc.queryForObject("select count(*) from license_charge where subscriber_id = ?", Long.class,
                subscriber.getId())).isOne();
    }

    @Test
    void partnerSetsTheTierToTenOrMore() {
        long id = api.submitted(client, application(subscriber.getNumber()));

        ResponseEntity<JsonNode> processed = api.submitTaskForm(partnerUser, api.task(partnerUser, id).get("id").asText(),
                approve(true, "TEN_OR_MORE"));

        assertThat(processed.getStatusCode()).as("%s", processed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode application = api.application(client, id);
        assertThat(application.get("requestedTier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(application.get("tier").asText()).isEqualTo("TEN_OR_MORE");
        assertThat(application.get("users")).as("the users are the client's, untouched").hasSize(3);
        JsonNode product = api.reportingProduct(client, subscriber.getNumber());
        assertThat(product.get("tier").asText()).isEqualTo("TEN_OR_MORE");
        assertThat(product.get("tierLabel").asText()).isEqualTo("10 и более");
        assertThat(product.get("multiUserSince").asText()).isEqualTo(LocalDate.now(clock).toString());
        Map<String, Object> charge = chargeOf(id);
        assertThat(charge).containsEntry("ITEM", "REPORTING_MULTI_USER_10_PLUS");
        assertThat((BigDecimal) charge.get("AMOUNT")).as("6000 less 30 %").isEqualByComparingTo("4200.00");
    }

    private Map<String, Object> chargeOf(long applicationId) {
        return jdbc.queryForMap("select item, period, partner_id, list_price, promotion, discount_percent, amount"
                + " from license_charge where source like ?", "reporting-multi-user:" + subscriber.getNumber() + ":%");
    }

    @Test
    void partnerSwitchesTheModeOnForAClientWhoLeftItOff() {
        Map<String, Object> body = application(subscriber.getNumber());
        body.put("multiUserMode", false);
        long id = api.submitted(client, body);
        assertThat(api.application(client, id).path("requestedTier").asText(null)).isNull();
        String taskId = api.task(partnerUser, id).get("id").asText();

        ResponseEntity<JsonNode> withoutTier = api.submitTaskForm(partnerUser, taskId,
                Map.of(ReportingProcess.MULTI_USER_MODE.name(), ReportingApi.bool(true), ReportingProcess.APPLICATION_DECISION.name(), ReportingApi.string("APPROVE")));
        assertThat(withoutTier.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutTier.getBody().get("message").asText()).contains("Выберите вид расширения");

        assertThat(api.submitTaskForm(partnerUser, taskId, approve(true, "TWO_TO_NINE")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.reportingProduct(client, subscriber.getNumber()).get("tier").asText()).isEqualTo("TWO_TO_NINE");
    }

    @Test
    void rejectionNeedsAReasonAndTheClientReadsIt() throws Exception {
        long id = api.submitted(client, application(subscriber.getNumber()));
        String taskId = api.task(partnerUser, id).get("id").asText();

        ResponseEntity<JsonNode> withoutReason = api.submitTaskForm(partnerUser, taskId, reject(null));
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutReason.getBody().get("message").asText()).isEqualTo("Укажите причину отказа.");
        ResponseEntity<JsonNode> blankReason = api.submitTaskForm(partnerUser, taskId, reject("   "));
        assertThat(blankReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(api.task(partnerUser, id).get("id").asText()).as("the task stays open").isEqualTo(taskId);
        assertThat(api.application(client, id).get("status").asText()).isEqualTo("SUBMITTED");

        ResponseEntity<JsonNode> rejected = api.submitTaskForm(partnerUser, taskId, reject("Не указан ИНН владельца КЭП"));

        assertThat(rejected.getStatusCode()).as("%s", rejected.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode application = api.application(client, id);
        assertThat(application.get("status").asText()).isEqualTo("REJECTED");
        assertThat(application.get("rejectionReason").asText()).isEqualTo("Не указан ИНН владельца КЭП");
        assertThat(api.get(client, "/api/subscribers/" + subscriber.getNumber() + "/products").getBody())
                .as("a rejected application puts nothing on the card").isEmpty();
        awaitEnded(id, ReportingProcess.Elements.END_REJECTED);
        MimeMessage toClient = mailTo(client + "@users.test", "отклонено");
        assertThat(text(toClient)).contains("Причина: Не указан ИНН владельца КЭП");
        assertThat(text(mailTo(partner.getEmail(), "отклонено"))).contains("Не указан ИНН владельца КЭП");

        assertThat(api.submit(client, application(subscriber.getNumber())).getStatusCode())
                .as("after a rejection the client may apply again").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void partnerSubmitsOnTheClientsBehalf() throws Exception {
        ResponseEntity<JsonNode> created = api.submit(partnerUser, application(subscriber.getNumber()));

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("submittedBy").asText()).isEqualTo(partnerUser);
        assertThat(api.application(client, id).get("status").asText()).as("the client sees it too").isEqualTo("SUBMITTED");

        assertThat(api.submitTaskForm(partnerUser, api.task(partnerUser, id).get("id").asText(), approve(true, "TWO_TO_NINE"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.reportingProduct(client, subscriber.getNumber()).get("multiUserModeEnabled").asBoolean()).isTrue();
        awaitEnded(id, ReportingProcess.Elements.END_APPROVED);
        assertThat(mailTo(client + "@users.test", "обработано").getSubject()).contains("№ " + id);
        assertThat(mailTo(partnerUser + "@users.test", "обработано").getSubject()).contains("№ " + id);
    }

    private void awaitEnded(long id, String endEvent) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(id)).processDefinitionKey(ReportingProcess.KEY)
                        .singleResult().getId())
                .activityId(endEvent).count()).isEqualTo(1));
    }

    static String text(MimeMessage message) throws Exception {
        return ReceivedMail.text(message);
    }

    /** The first mail to {@code recipient} whose subject contains {@code subjectPart}, awaited. */
    static MimeMessage mailTo(String recipient, String subjectPart) {
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
