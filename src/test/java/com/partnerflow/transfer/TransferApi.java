package com.partnerflow.transfer;

import java.time.LocalDate;
import java.util.Base64;
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

/** Drives the transfer over HTTP as a partner's CRM and Tasklist would: {@code /api} and {@code /engine-rest}. */
public final class TransferApi {

    /** Starts like a PDF (the content check looks at the first bytes). */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    private final TestRestTemplate http;

    public TransferApi(TestRestTemplate http) {
        this.http = http;
    }

    /** The partner a test letter asks to move to: by name only, which any submitting partner may use. */
    public static final String REQUESTED_PARTNER_NAME = "ООО «Новый обслуживающий партнер»";

    /** A letter's fields as the forms name them; it names the partner by {@link #REQUESTED_PARTNER_NAME}, without a code. */
    public static Map<String, Object> letter(String subscriberNumber, String subscriberName) {
        return Map.of("subscriberNumber", subscriberNumber, "subscriberName", subscriberName,
                TransferProcess.REQUESTED_PARTNER_NAME.name(), REQUESTED_PARTNER_NAME,
                "reason", "Клиент переходит на обслуживание к нам", "letterDate", LocalDate.now().minusDays(1).toString());
    }

    /** {@code POST /api/transfers} as multipart; {@code fields} may contain anything, the file is sent as {@code letter}. */
    public ResponseEntity<JsonNode> submit(String user, Map<String, Object> fields, String fileName, byte[] file) {
        return submit(user, fields, fileName, file, null);
    }

    /** The same with an {@code Idempotency-Key} header, unless {@code idempotencyKey} is null. */
    public ResponseEntity<JsonNode> submit(String user, Map<String, Object> fields, String fileName, byte[] file, String idempotencyKey) {
        HttpHeaders headers = basic(user);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return submit(headers, fields, fileName, file);
    }

    /** {@code POST /api/transfers} with these headers (credentials of any kind: Basic, an API token). */
    public ResponseEntity<JsonNode> submit(HttpHeaders headers, Map<String, Object> fields, String fileName, byte[] file) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        fields.forEach(body::add);
        if (file != null) {
            body.add("letter", new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/transfers", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(basic(user)), JsonNode.class);
    }

    /**
     * A transfer of the subscriber, submitted by {@code submitter} and its letter forwarded by vendor staff (vera): it waits
     * for its current partner's agreement, with the silence timer running. Returns the transfer's id.
     */
    public long awaitingAgreement(String submitter, String subscriberNumber, String subscriberName) {
        ResponseEntity<JsonNode> created = submit(submitter, letter(subscriberNumber, subscriberName), "письмо.pdf", PDF);
        if (created.getStatusCode().value() != 201) {
            throw new IllegalStateException("Submission refused: " + created.getStatusCode() + " " + created.getBody());
        }
        long transferId = created.getBody().get("id").asLong();
        ResponseEntity<JsonNode> forwarded = complete("vera", task("vera", transferId).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        if (forwarded.getStatusCode().value() != 204) {
            throw new IllegalStateException("Letter not forwarded: " + forwarded.getStatusCode() + " " + forwarded.getBody());
        }
        return transferId;
    }

    /** The open task of a transfer as {@code user} sees it through {@code /engine-rest}, or null. */
    public JsonNode task(String user, long transferId) {
        ResponseEntity<JsonNode> response = get(user, "/engine-rest/task?processDefinitionKey=" + TransferProcess.KEY
                + "&processInstanceBusinessKey=" + transferId + "&maxResults=10");
        if (!response.getStatusCode().is2xxSuccessful() || !response.getBody().isArray()) {
            throw new IllegalStateException("Task query failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody().isEmpty() ? null : response.getBody().get(0);
    }

    /** {@code POST /engine-rest/task/{id}/complete} with String variables. */
    public ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> variables) {
        HttpHeaders headers = basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
    }

    public static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    /** A file variable as Tasklist's embedded forms send it: transient, so the engine never stores it. */
    public static Map<String, Object> transientFile(String fileName, byte[] content) {
        return Map.of("value", Base64.getEncoder().encodeToString(content), "type", "File",
                "valueInfo", Map.of("filename", fileName, "mimeType", "application/pdf", "transient", true));
    }

    public static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.valueOf("application/problem+json")));
        return headers;
    }
}
