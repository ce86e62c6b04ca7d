package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.reporting.ReportingApi;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * Every kind of error names itself by a stable {@code type} URI, and names the fields it is about in {@code errors}
 * ({@code [{field, message}]}) where they are known, while {@code detail} keeps its Russian words (ADR 0045).
 */
class ProblemTypesTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired TestData data;

    ReportingApi reporting;
    Subscriber subscriber;
    String client;

    @BeforeEach
    void aClientOfASubscriber() {
        reporting = new ReportingApi(http);
        subscriber = data.subscriber(data.partner());
        client = data.clientUser(subscriber);
    }

    @Test
    void brokenJsonIsAMalformedRequestWithoutFields() {
        JsonNode problem = problem(reporting.submitRaw(client, "{\"subscriberNumber\": "), 400, "malformed-request");

        assertThat(problem.get("detail").asText()).isEqualTo("Неверный формат запроса.");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        Map<String, Object> body = ReportingApi.application(subscriber.getNumber());
        body.put("multiUserMode", "yes");

        JsonNode problem = problem(reporting.submit(client, body), 400, "invalid-input");

        assertThat(problem.get("detail").asText()).isEqualTo("Неверный формат запроса. Поле «multiUserMode»: ожидается true или false.");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("multiUserMode");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("ожидается true или false");
    }

    @Test
    void aNumberWhereAnObjectBelongsNamesTheListItem() {
        Map<String, Object> body = ReportingApi.application(subscriber.getNumber());
        body.put("users", List.of(42, 43));

        JsonNode problem = problem(reporting.submit(client, body), 400, "invalid-input");

        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("users[0]");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("ожидается объект");
    }

    @Test
    void aValueOutsideItsListNamesTheFieldAndTheValuesAllowed() {
        Map<String, Object> body = ReportingApi.application(subscriber.getNumber());
        body.put("signatureRoles", List.of("SIGN", "OWNER"));

        JsonNode problem = problem(reporting.submit(client, body), 400, "invalid-input");

        assertThat(problem.get("detail").asText())
                .isEqualTo("Неверный формат запроса. Поле «signatureRoles» принимает только значения: SIGN, ENCRYPT, ADMINISTER.");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("signatureRoles[1]");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("допустимые значения: SIGN, ENCRYPT, ADMINISTER");
    }

    @Test
    void aQueryParameterOfTheWrongTypeNamesTheParameter() {
        JsonNode problem = problem(get(null, "/api/catalogue?category=NOPE"), 400, "invalid-input");

        assertThat(problem.get("detail").asText()).isEqualTo("Неверное значение параметра category.");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("category");
    }

    @Test
    void aQueryParameterOutOfRangeNamesTheParameter() {
        JsonNode problem = problem(get(data.partnerUser(data.partner()), "/api/transfers?page=-1"), 400, "invalid-input");

        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("page");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("номер страницы от 0 до 1000000");
    }

    @Test
    void aBusinessRuleIsAProblemOfItsOwnKind() {
        Map<String, Object> body = ReportingApi.application(subscriber.getNumber());
        body.put("inn", "7707083894");

        JsonNode problem = problem(reporting.submit(client, body), 422, "business-rule");

        assertThat(problem.get("detail").asText()).contains("не проходит проверку контрольных цифр");
    }

    @Test
    void noLoginNotThereAndNotAllowedEachHaveTheirKind() {
        problem(get(null, "/api/transfers"), 401, "unauthenticated");
        problem(get(client, "/api/transfers/987654321"), 404, "not-found");
        problem(get(client, "/api/no-such-resource"), 404, "not-found");
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        HttpHeaders headers = TransferApi.basic(user);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private static JsonNode problem(ResponseEntity<JsonNode> response, int status, String kind) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:partnerflow:problem:" + kind);
        return response.getBody();
    }
}
