package com.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the lists under {@code /api} (ADR 0044) as a CRM does: one page, or the refusal of a bad parameter. */
public final class ApiLists {

    private final TestRestTemplate http;

    public ApiLists(TestRestTemplate http) {
        this.http = http;
    }

    /** {@code GET path} as {@code user} (password = user name; {@code null}: no login), expecting a page. */
    public JsonNode page(String user, String path) {
        ResponseEntity<JsonNode> answer = get(user, path);
        assertThat(answer.getStatusCode().value()).as("GET %s as %s: %s", path, user, answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody().has("totalElements")).as("a page: %s", answer.getBody()).isTrue();
        return answer.getBody();
    }

    /** {@code GET path} as {@code user}, expecting a 400; returns its detail. */
    public String refusal(String user, String path) {
        ResponseEntity<JsonNode> answer = get(user, path);
        assertThat(answer.getStatusCode().value()).as("GET %s as %s: %s", path, user, answer.getBody()).isEqualTo(400);
        return answer.getBody().get("detail").asText();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.valueOf("application/problem+json")));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    /** The {@code id} of each item of the page, in its order. */
    public static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** One text field of each item of the page, in its order. */
    public static List<String> texts(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("content").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }
}
