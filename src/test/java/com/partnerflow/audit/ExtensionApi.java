package com.partnerflow.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.transfer.TransferApi;

/**
 * Drives extension audits over HTTP as their users do: the developer's {@code /api/extensions} calls,
 * Tasklist's {@code submit-form} on {@code /engine-rest} for the auditors, leads and partners, and the
 * client's installations.
 */
public final class ExtensionApi {

    public static final String ACCOUNTING = "Бухгалтерия предприятия";

    private final TestRestTemplate http;

    public ExtensionApi(TestRestTemplate http) {
        this.http = http;
    }

    /** A partner-owned additional processing for «Бухгалтерия предприятия». Mutable. */
    public static Map<String, Object> extension(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "ADDITIONAL_PROCESSING");
        body.put("targetApplication", ACCOUNTING);
        body.put("owner", "PARTNER");
        return body;
    }

    /** A version for the given clients (SEVERAL), or for all of the partner's clients when none are given. Mutable. */
    public static Map<String, Object> version(String number, String... recipients) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", number);
        fields.put("targetApplicationVersion", "3.0.150");
        fields.put("changeNotes", "Загрузка выписок из файла банка");
        fields.put("distribution", recipients.length == 0 ? "ALL" : recipients.length == 1 ? "ONE" : "SEVERAL");
        if (recipients.length > 0) {
            fields.put("recipients", List.of(recipients));
        }
        return fields;
    }

    public ResponseEntity<JsonNode> register(String user, Object body) {
        return http.exchange("/api/extensions", HttpMethod.POST, json(user, body), JsonNode.class);
    }

    public long registered(String user, String name) {
        ResponseEntity<JsonNode> created = register(user, extension(name));
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("Expected 201, got " + created.getStatusCode() + " " + created.getBody());
        }
        return created.getBody().get("id").asLong();
    }

    /** {@code POST /api/extensions/{id}/versions} as multipart; the file is sent as {@code file} unless null. */
    public ResponseEntity<JsonNode> submit(String user, long extensionId, Map<String, Object> fields, String fileName, byte[] file) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                list.forEach(element -> body.add(name, element));
            } else {
                body.add(name, value);
            }
        });
        if (file != null) {
            body.add("file", new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        }
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/extensions/" + extensionId + "/versions", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    public long submitted(String user, long extensionId, Map<String, Object> fields) {
        ResponseEntity<JsonNode> created = submit(user, extensionId, fields, "Выписки.epf", new byte[] {1, 2, 3, 4});
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("Expected 201, got " + created.getStatusCode() + " " + created.getBody());
        }
        return created.getBody().get("id").asLong();
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    JsonNode version(String user, long versionId) {
        ResponseEntity<JsonNode> response = get(user, "/api/extension-versions/" + versionId);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET version " + versionId + " as " + user + ": " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    /** The open tasks of a version's audit as {@code user} sees them through {@code /engine-rest}. */
    JsonNode tasks(String user, long versionId) {
        ResponseEntity<JsonNode> response = get(user, "/engine-rest/task?processDefinitionKey=" + ExtensionAuditProcess.KEY
                + "&processInstanceBusinessKey=" + versionId + "&maxResults=10&sortBy=created&sortOrder=asc");
        if (!response.getStatusCode().is2xxSuccessful() || !response.getBody().isArray()) {
            throw new IllegalStateException("Task query failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    /** The open task with the given definition key, or null. */
    public JsonNode task(String user, long versionId, String taskDefinitionKey) {
        for (JsonNode task : tasks(user, versionId)) {
            if (task.get("taskDefinitionKey").asText().equals(taskDefinitionKey)) {
                return task;
            }
        }
        return null;
    }

    /** {@code POST /engine-rest/task/{id}/submit-form}, as Tasklist sends a form. */
    public ResponseEntity<JsonNode> submitTaskForm(String user, String taskId, Map<String, Object> variables) {
        return http.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
                json(user, Map.of("variables", variables)), JsonNode.class);
    }

    /** {@code POST /engine-rest/process-definition/key/{key}/submit-form}, as Tasklist starts a process. */
    ResponseEntity<JsonNode> submitStartForm(String user, String key, Map<String, Object> variables) {
        return http.exchange("/engine-rest/process-definition/key/" + key + "/submit-form", HttpMethod.POST,
                json(user, Map.of("variables", variables)), JsonNode.class);
    }

    /** The auditor's form: a decision, findings as {@code category prefix → [severity, note]}, an optional comment. */
    public static Map<String, Object> audit(String decision, Map<String, String[]> findings, String comment) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (FindingCategory category : FindingCategory.values()) {
            String[] finding = findings.get(category.formPrefix());
            variables.put(ExtensionAuditProcess.SEVERITY.get(category).name(), TransferApi.string(finding == null ? ExtensionAuditProcess.NO_FINDING : finding[0]));
            if (finding != null) {
                variables.put(ExtensionAuditProcess.NOTE.get(category).name(), TransferApi.string(finding[1]));
            }
        }
        variables.put(ExtensionAuditProcess.AUDIT_DECISION.name(), TransferApi.string(decision));
        if (comment != null) {
            variables.put(ExtensionAuditProcess.AUDIT_COMMENT.name(), TransferApi.string(comment));
        }
        return variables;
    }

    public ResponseEntity<JsonNode> install(String user, String subscriberNumber, long dataAreaId, Object versionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("versionId", versionId);
        return http.exchange("/api/subscribers/" + subscriberNumber + "/data-areas/" + dataAreaId + "/installations",
                HttpMethod.POST, json(user, body), JsonNode.class);
    }

    /** {@code DELETE} of an installation: the client removes an extension from its data area. */
    public ResponseEntity<JsonNode> remove(String user, String subscriberNumber, long dataAreaId, long installationId) {
        return http.exchange("/api/subscribers/" + subscriberNumber + "/data-areas/" + dataAreaId + "/installations/" + installationId,
                HttpMethod.DELETE, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    private static HttpEntity<Object> json(String user, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
