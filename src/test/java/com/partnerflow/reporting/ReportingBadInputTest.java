package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingApi.application;
import static com.partnerflow.reporting.ReportingApi.user;
import static com.partnerflow.reporting.ReportingProcess.APPLICATION_DECISION;
import static com.partnerflow.reporting.ReportingProcess.MULTI_USER_MODE;
import static com.partnerflow.reporting.ReportingProcess.TIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/**
 * Every way an application can be wrong, over {@code /api} and Tasklist's start form: a 4xx with a
 * Russian detail and no internals, and nothing stored — no application, no process instance (not
 * even in the history), no authorization, no product, no mail.
 */
class ReportingBadInputTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    ReportingApi api;
    Partner partner;
    Subscriber subscriber;
    String client;

    @BeforeEach
    void aSubscriberAndItsClientUser() {
        api = new ReportingApi(http);
        partner = data.partner();
        subscriber = data.subscriber(partner);
        client = data.clientUser(subscriber);
    }

    static Stream<Arguments> badApplications() {
        return Stream.of(
                bad("INN with a wrong check digit", set("inn", "7707083894"), 422, "ИНН 7707083894 не проходит проверку контрольных цифр"),
                bad("INN of 11 digits", set("inn", "77070838931"), 422,
                        "ИНН должен состоять из 10 цифр (организация) или 12 цифр (индивидуальный предприниматель)"),
                bad("INN with letters", set("inn", "77070838AB"), 422, "ИНН должен состоять из 10 цифр"),
                bad("legal entity without KPP", set("kpp", null), 422, "для организации укажите КПП"),
                bad("legal entity with a blank KPP", set("kpp", "  "), 422, "для организации укажите КПП"),
                bad("KPP of 8 characters", set("kpp", "77070100"), 422, "КПП должен состоять из 9 символов"),
                bad("KPP with a letter in the wrong place", set("kpp", "77070100X"), 422, "КПП должен состоять из 9 символов"),
                bad("valid INN of another organization", set("inn", "7710140679"), 422, "не совпадает с ИНН абонента"),
                bad("user without e-mail", body -> users(body).get(1).remove("email"), 422,
                        "пользователь 2: укажите адрес электронной почты"),
                bad("malformed e-mail", body -> users(body).get(1).put("email", "maria@romashka"), 422,
                        "пользователь 2: укажите адрес электронной почты"),
                bad("e-mail with a space", body -> users(body).get(2).put("email", "dmitry kozlov@romashka.example"), 422,
                        "пользователь 3: укажите адрес электронной почты"),
                bad("the same e-mail twice, in another case", body -> users(body).get(2).put("email", " IVAN@Romashka.example "), 422,
                        "пользователь 3: адрес ivan@romashka.example указан дважды"),
                bad("user without a name", body -> users(body).get(0).put("name", "   "), 422,
                        "пользователь 1: не указаны фамилия, имя, отчество"),
                bad("no signature roles", set("signatureRoles", List.of()), 422, "укажите хотя бы одну роль владельца КЭП"),
                bad("signature roles missing", set("signatureRoles", null), 422, "укажите хотя бы одну роль владельца КЭП"),
                bad("no signature owner", set("signatureOwner", ""), 422, "не заполнено поле «ФИО владельца КЭП»"),
                bad("no organization name", set("organizationName", null), 422, "не заполнено поле «наименование организации»"),
                bad("organization name of 256 characters", set("organizationName", "О".repeat(256)), 422,
                        "поле «наименование организации» длиннее 255 символов"),
                bad("multi-user mode for one user", body -> users(body).subList(1, 3).clear(), 422,
                        "не меньше двух пользователей"),
                bad("multi-user mode without users", set("users", List.of()), 422, "не меньше двух пользователей"),
                bad("unknown subscriber", set("subscriberNumber", "987654321098"), 422, "абонент с номером 987654321098 не найден"),
                bad("no subscriber number", set("subscriberNumber", null), 422, "не указан номер абонента"),
                bad("subscriber number with letters", set("subscriberNumber", "12a4"), 422, "абонент с номером 12a4 не найден"),
                bad("users as a text", set("users", "Иванов, Петров"), 400, "Неверный формат запроса."),
                bad("unknown signature role", set("signatureRoles", List.of("SIGN", "OWNER")), 400,
                        "Неверный формат запроса. Поле «signatureRoles» принимает только значения: SIGN, ENCRYPT, ADMINISTER."),
                bad("multi-user mode as a word", set("multiUserMode", "yes"), 400, "Неверный формат запроса."),
                bad("user as a number", set("users", List.of(42, 43)), 400, "Неверный формат запроса."),
                bad("1001 users", set("users", IntStream.rangeClosed(1, 1001)
                        .mapToObj(i -> user("Пользователь " + i, "user" + i + "@romashka.example")).toList()), 422,
                        "в заявлении больше 1000 пользователей"),
                bad("an empty row in the users list", set("users", Arrays.asList(user("Соколов Иван", "ivan@romashka.example"),
                        null, user("Лебедева Мария", "maria@romashka.example"))), 422, "в списке пользователей есть пустые строки"),
                bad("an empty signature role", set("signatureRoles", Arrays.asList("SIGN", null)), 422, "в списке ролей владельца КЭП есть пустые значения"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApplications")
    void refusesABadApplicationInRussianAndStoresNothing(String description, Consumer<Map<String, Object>> change,
                                                          int status, String detail) {
        Map<String, Object> body = application(subscriber.getNumber());
        change.accept(body);

        ResponseEntity<JsonNode> response = storingNothing(() -> api.submit(client, body));

        assertProblem(response, status, detail);
    }

    @Test
    void listsEveryProblemAtOnce() {
        Map<String, Object> body = application(subscriber.getNumber());
        body.put("inn", "7707083894");
        body.put("kpp", null);
        body.put("signatureRoles", List.of());
        users(body).get(1).put("email", "нет");

        ResponseEntity<JsonNode> response = storingNothing(() -> api.submit(client, body));

        assertProblem(response, 422, "Заявление не принято: ");
        assertThat(response.getBody().get("detail").asText()).contains("не проходит проверку контрольных цифр",
                "для организации укажите КПП", "пользователь 2: укажите адрес электронной почты",
                "укажите хотя бы одну роль владельца КЭП");
    }

    @Test
    void refusesAnEmptyBody() {
        ResponseEntity<JsonNode> response = storingNothing(() -> api.submit(client, Map.of()));

        assertProblem(response, 422, "не указан номер абонента");
    }

    @Test
    void refusesMalformedJson() {
        ResponseEntity<JsonNode> response = storingNothing(() -> api.submitRaw(client, "{\"subscriberNumber\": \"" + subscriber.getNumber() + "\", "));

        assertProblem(response, 400, "Неверный формат запроса.");
    }

    @Test
    void individualEntrepreneurHasNoKpp() {
        Subscriber entrepreneur = data.subscriber(partner, "500100732259");
        String entrepreneursUser = data.clientUser(entrepreneur);
        Map<String, Object> body = application(entrepreneur.getNumber());
        body.put("inn", "500100732259");

        ResponseEntity<JsonNode> withKpp = storingNothing(() -> api.submit(entrepreneursUser, body));
        assertProblem(withKpp, 422, "у индивидуального предпринимателя нет КПП: оставьте поле пустым");

        body.put("kpp", "");
        ResponseEntity<JsonNode> withoutKpp = api.submit(entrepreneursUser, body);
        assertThat(withoutKpp.getStatusCode()).as("%s", withoutKpp.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(withoutKpp.getBody().path("kpp").asText(null)).isNull();
    }

    @Test
    void refusesASecondOpenApplicationForTheSameSubscriber() {
        long first = api.submitted(client, application(subscriber.getNumber()));
        String anotherClientUser = data.clientUser(subscriber);

        ResponseEntity<JsonNode> second = storingNothing(() -> api.submit(anotherClientUser, application(subscriber.getNumber())));

        assertProblem(second, 409, "По абоненту " + subscriber.getNumber() + " уже есть заявление в обработке.");
        assertThat(jdbc.queryForList("select id from reporting_application where subscriber_id = ?", Long.class, subscriber.getId()))
                .containsExactly(first);
    }

    @Test
    void refusesAnInactiveSubscriber() {
        jdbc.update("update subscriber set status = 'INACTIVE' where id = ?", subscriber.getId());

        ResponseEntity<JsonNode> response = storingNothing(() -> api.submit(client, application(subscriber.getNumber())));

        assertProblem(response, 422, "абонент " + subscriber.getNumber() + " неактивен");
    }

    @Test
    void theDemoClientAlreadyHasAnApplicationInFlight() {
        ResponseEntity<JsonNode> response = storingNothing(() -> api.submit("ivan", application("1001")));

        assertProblem(response, 409, "По абоненту 1001 уже есть заявление в обработке.");
    }

    @Test
    void refusesOneUserInMultiUserModeThroughTasklistsStartForm() {
        Map<String, Object> body = application(subscriber.getNumber());
        users(body).subList(1, 3).clear();

        ResponseEntity<JsonNode> response = storingNothing(() -> api.submitStartForm(client, ReportingApi.startFormVariables(body)));

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("message").asText()).contains("не меньше двух пользователей");
    }

    @Test
    void refusesAUsersListOfTheWrongShapeThroughTasklistsStartForm() {
        Map<String, Object> variables = ReportingApi.startFormVariables(application(subscriber.getNumber()));
        variables.put(ReportingProcess.USERS.name(), ReportingApi.jsonValue(List.of(Map.of("fullName", "Соколов Иван", "mail", "ivan@romashka.example"),
                Map.of("fullName", "Лебедева Мария", "mail", "maria@romashka.example"))));

        ResponseEntity<JsonNode> response = storingNothing(() -> api.submitStartForm(client, variables));

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("message").asText()).contains("Список заполнен неверно");
    }

    @Test
    void refusesAModeThatIsNeitherTrueNorFalseThroughTasklistsStartForm() {
        Map<String, Object> variables = ReportingApi.startFormVariables(application(subscriber.getNumber()));
        variables.put(ReportingProcess.MULTI_USER_MODE.name(), ReportingApi.string("конечно"));

        ResponseEntity<JsonNode> response = storingNothing(() -> api.submitStartForm(client, variables));

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("message").asText()).contains("Ожидается значение «да» или «нет»");
    }

    static Stream<Arguments> badDecisions() {
        return Stream.of(
                Arguments.of("no decision", Map.of(MULTI_USER_MODE.name(), ReportingApi.bool(true), TIER.name(), ReportingApi.string("TWO_TO_NINE")),
                        "Выберите решение по заявлению."),
                Arguments.of("unknown decision", Map.of(MULTI_USER_MODE.name(), ReportingApi.bool(true), TIER.name(), ReportingApi.string("TWO_TO_NINE"),
                        APPLICATION_DECISION.name(), ReportingApi.string("MAYBE")), "MAYBE"),
                Arguments.of("unknown tier", Map.of(MULTI_USER_MODE.name(), ReportingApi.bool(true), TIER.name(), ReportingApi.string("TWENTY"),
                        APPLICATION_DECISION.name(), ReportingApi.string("APPROVE")), "TWENTY"),
                Arguments.of("mode neither true nor false", Map.of(MULTI_USER_MODE.name(), ReportingApi.string("perhaps"),
                        TIER.name(), ReportingApi.string("TWO_TO_NINE"), APPLICATION_DECISION.name(), ReportingApi.string("APPROVE")),
                        "Ожидается значение «да» или «нет»"),
                Arguments.of("reason of 2001 characters", ReportingApi.reject("а".repeat(2001)), "Причина длиннее 2000 символов."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDecisions")
    void refusesABadDecisionInRussianAndKeepsTheTaskOpen(String description, Map<String, Object> variables, String message) {
        String partnerUser = data.partnerUser(partner);
        long id = api.submitted(client, application(subscriber.getNumber()));
        String taskId = api.task(partnerUser, id).get("id").asText();

        ResponseEntity<JsonNode> response = api.submitTaskForm(partnerUser, taskId, variables);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("message").asText()).contains(message);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "com.partnerflow");
        assertThat(api.task(partnerUser, id).get("id").asText()).isEqualTo(taskId);
        assertThat(api.application(client, id).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(api.get(client, "/api/subscribers/" + subscriber.getNumber() + "/products").getBody()).isEmpty();
    }

    /** Runs one request and checks that it left no trace in the domain tables or the engine. */
    private ResponseEntity<JsonNode> storingNothing(Supplier<ResponseEntity<JsonNode>> request) {
        Map<String, Long> before = stored();
        ResponseEntity<JsonNode> response = request.get();
        assertThat(stored()).as("stored by a refused request (%s)", response.getBody()).isEqualTo(before);
        return response;
    }

    private Map<String, Long> stored() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : new String[] {"reporting_application", "reporting_application_user", "reporting_application_role",
                "subscriber_product", "notification", "ACT_RU_AUTHORIZATION", "ACT_RU_TASK", "ACT_RU_VARIABLE"}) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("historic instances", history.createHistoricProcessInstanceQuery().processDefinitionKey(ReportingProcess.KEY).count());
        counts.put("instances", runtime.createProcessInstanceQuery().processDefinitionKey(ReportingProcess.KEY).count());
        return counts;
    }

    static void assertProblem(ResponseEntity<JsonNode> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("%s", type).isTrue());
        assertThat(response.getBody().get("detail").asText()).contains(detail);
        assertThat(response.getBody().toString())
                .doesNotContainPattern("\\b(java|jakarta|javax|org|com)\\.[a-z]+\\.")
                .doesNotContain("Exception", "\\tat ", "trace");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> users(Map<String, Object> body) {
        List<Map<String, Object>> users = new ArrayList<>();
        ((List<Map<String, Object>>) body.get("users")).forEach(user -> users.add(new HashMap<>(user)));
        body.put("users", users);
        return users;
    }

    private static Arguments bad(String description, Consumer<Map<String, Object>> change, int status, String detail) {
        return Arguments.of(description, change, status, detail);
    }

    private static Consumer<Map<String, Object>> set(String field, Object value) {
        return body -> body.put(field, value);
    }
}
