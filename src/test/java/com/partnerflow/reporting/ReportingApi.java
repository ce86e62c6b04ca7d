package com.partnerflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.partnerflow.transfer.TransferApi;

/**
 * Drives a reporting-extension application over HTTP as its users do: the client's (or partner's)
 * {@code POST /api/reporting-applications}, and Tasklist's {@code submit-form} calls on {@code /engine-rest},
 * with variables typed exactly as Tasklist types a Camunda Form's values (lists as {@code Json}).
 */
public final class ReportingApi {

    public static final String INN = "7707083893";
    public static final String KPP = "770701001";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    public ReportingApi(TestRestTemplate http) {
        this.http = http;
    }

    /** A valid body for {@code POST /api/reporting-applications}: multi-user mode on, three users, all roles. Mutable. */
    public static Map<String, Object> application(String subscriberNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriberNumber", subscriberNumber);
        body.put("organizationName", "ООО «Ромашка»");
        body.put("inn", INN);
        body.put("kpp", KPP);
        body.put("multiUserMode", true);
        body.put("users", new ArrayList<>(threeUsers()));
        body.put("signatureOwner", "Соколов Иван Петрович");
        body.put("signatureRoles", new ArrayList<>(List.of("SIGN", "ENCRYPT", "ADMINISTER")));
        return body;
    }

    public static List<Map<String, Object>> threeUsers() {
        return List.of(user("Соколов Иван Петрович", "ivan@romashka.example"),
                user("Лебедева Мария Андреевна", "maria@romashka.example"),
                user("Козлов Дмитрий Сергеевич", "dmitry@romashka.example"));
    }

    public static Map<String, Object> user(String name, String email) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", name);
        user.put("email", email);
        return user;
    }

    /** {@code POST /api/reporting-applications} with any JSON body. */
    public ResponseEntity<JsonNode> submit(String user, Object body) {
        return http.exchange("/api/reporting-applications", HttpMethod.POST, json(user, body), JsonNode.class);
    }

    /** {@code POST /api/reporting-applications} with a raw body, e.g. broken JSON. */
    public ResponseEntity<JsonNode> submitRaw(String user, String body) {
        return http.exchange("/api/reporting-applications", HttpMethod.POST, json(user, body), JsonNode.class);
    }

    /** Submits and expects 201; returns the application's id. */
    public long submitted(String user, Object body) {
        ResponseEntity<JsonNode> created = submit(user, body);
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("Expected 201, got " + created.getStatusCode() + " " + created.getBody());
        }
        return created.getBody().get("id").asLong();
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    public JsonNode application(String user, long id) {
        ResponseEntity<JsonNode> response = get(user, "/api/reporting-applications/" + id);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET application " + id + " as " + user + ": " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    /** The REPORTING product of the organization card as {@code user} sees it, or null when the card has none. */
    public JsonNode reportingProduct(String user, String subscriberNumber) {
        ResponseEntity<JsonNode> response = get(user, "/api/subscribers/" + subscriberNumber + "/products");
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET products as " + user + ": " + response.getStatusCode() + " " + response.getBody());
        }
        for (JsonNode product : response.getBody()) {
            if (product.get("product").asText().equals("REPORTING")) {
                return product;
            }
        }
        return null;
    }

    /** The open task of an application as {@code user} sees it through {@code /engine-rest}, or null. */
    public JsonNode task(String user, long applicationId) {
        ResponseEntity<JsonNode> response = get(user, "/engine-rest/task?processDefinitionKey=" + ReportingProcess.KEY
                + "&processInstanceBusinessKey=" + applicationId + "&maxResults=10");
        if (!response.getStatusCode().is2xxSuccessful() || !response.getBody().isArray()) {
            throw new IllegalStateException("Task query failed: " + response.getStatusCode() + " " + response.getBody());
        }
        if (response.getBody().size() > 1) {
            throw new IllegalStateException("More than one task: " + response.getBody());
        }
        return response.getBody().isEmpty() ? null : response.getBody().get(0);
    }

    /** {@code POST /engine-rest/task/{id}/submit-form}, as Tasklist sends a Camunda Form. */
    public ResponseEntity<JsonNode> submitTaskForm(String user, String taskId, Map<String, Object> variables) {
        return http.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
                json(user, Map.of("variables", variables)), JsonNode.class);
    }

    /** {@code POST /engine-rest/process-definition/key/reporting-extension-application/submit-form}, as Tasklist starts it. */
    public ResponseEntity<JsonNode> submitStartForm(String user, Map<String, Object> variables) {
        return http.exchange("/engine-rest/process-definition/key/" + ReportingProcess.KEY + "/submit-form", HttpMethod.POST,
                json(user, Map.of("variables", variables)), JsonNode.class);
    }

    /** {@code PUT /engine-rest/task/{id}/variables/{name}}. */
    public ResponseEntity<JsonNode> putTaskVariable(String user, String taskId, String name, Map<String, Object> value) {
        return http.exchange("/engine-rest/task/" + taskId + "/variables/" + name, HttpMethod.PUT, json(user, value), JsonNode.class);
    }

    /** The partner's form as Tasklist submits it for an approval: mode, tier (only when shown) and decision. */
    public static Map<String, Object> approve(boolean multiUserMode, String tier) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ReportingProcess.MULTI_USER_MODE.name(), bool(multiUserMode));
        if (multiUserMode) {
            variables.put(ReportingProcess.TIER.name(), string(tier));
        }
        variables.put(ReportingProcess.APPLICATION_DECISION.name(), string("APPROVE"));
        return variables;
    }

    /** The partner's form as Tasklist submits it for a rejection; the reason only when not null. */
    public static Map<String, Object> reject(String reason) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ReportingProcess.MULTI_USER_MODE.name(), bool(true));
        variables.put(ReportingProcess.TIER.name(), string("TWO_TO_NINE"));
        variables.put(ReportingProcess.APPLICATION_DECISION.name(), string("REJECT"));
        if (reason != null) {
            variables.put(ReportingProcess.REJECTION_REASON.name(), string(reason));
        }
        return variables;
    }

    /** The start form's values as Tasklist sends them: text as String, the checkbox as Boolean, lists as Json. */
    public static Map<String, Object> startFormVariables(Map<String, Object> application) {
        Map<String, Object> variables = new LinkedHashMap<>();
        application.forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                variables.put(name, bool(flag));
            } else if (value instanceof List<?> list) {
                variables.put(name, jsonValue(list));
            } else if (value != null) {
                variables.put(name, string(value.toString()));
            }
        });
        return variables;
    }

    public static Map<String, Object> string(String value) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("value", value);
        variable.put("type", "String");
        return variable;
    }

    public static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    /** A list as Tasklist sends a dynamic list or a checklist: {@code {"type":"Json","value":"[...]"}}. */
    public static Map<String, Object> jsonValue(Object list) {
        try {
            return Map.of("value", JSON.writeValueAsString(list), "type", "Json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpEntity<Object> json(String user, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
