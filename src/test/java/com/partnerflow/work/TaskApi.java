package com.partnerflow.work;

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

/** The typed decisions {@code POST /api/tasks/{id}/{decision}} as a partner's CRM calls them, with HTTP Basic. */
public final class TaskApi {

    private final TestRestTemplate http;

    public TaskApi(TestRestTemplate http) {
        this.http = http;
    }

    /** {@code POST /api/tasks/{taskId}/{kind.decision()}} with a JSON body. */
    public ResponseEntity<JsonNode> decide(String user, String taskId, TaskKind kind, Object body) {
        return post(user, "/api/tasks/" + taskId + "/" + kind.decision(), body, MediaType.APPLICATION_JSON);
    }

    /** The same as multipart: {@code fields} as text parts, the file (unless null) as the part {@code filePart}. */
    public ResponseEntity<JsonNode> decideMultipart(String user, String taskId, TaskKind kind, Map<String, String> fields,
                                                    String filePart, String fileName, byte[] file) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        fields.forEach(body::add);
        if (file != null) {
            body.add(filePart, new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        }
        return post(user, "/api/tasks/" + taskId + "/" + kind.decision(), body, MediaType.MULTIPART_FORM_DATA);
    }

    /** A POST of {@code body} as {@code type} to any path under {@code /api}. */
    public ResponseEntity<JsonNode> post(String user, String path, Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(type);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The answer's body, once its status is the one expected (else a failure showing the body). */
    public static JsonNode expect(ResponseEntity<JsonNode> response, int status) {
        org.assertj.core.api.Assertions.assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody()))
                .isEqualTo(status);
        return response.getBody();
    }

    /** A JSON object from alternating names and values; null values are left out. */
    public static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }
}
