package com.partnerflow.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a description of an endpoint (its valid path values, query parameters, body and users) into
 * hostile requests: mostly the valid request with one to three things broken, sometimes nothing valid
 * at all, sometimes the wrong user.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request ready to send, and what it sent as text (for the echo check). */
    record Request(String description, String user, String password, HttpMethod method, URI uri, HttpHeaders headers,
                   Object body, Map<String, String> sentText) {
    }

    /** How to call one endpoint correctly; every field is a starting point for breaking it. */
    record Endpoint(String method, String pattern, List<String> users, Map<String, List<String>> path,
                    Map<String, List<String>> query, Supplier<Map<String, Object>> json, Multipart multipart) {

        String key() {
            return method + " " + pattern;
        }
    }

    /** A multipart form: its fields, and the file part with a valid name and content and the size the server refuses. */
    record Multipart(Supplier<Map<String, Object>> fields, String filePart, String fileName, byte[] file, int tooLarge) {
    }

    private final String root;
    private final List<String> otherUsers;
    private final String intruder;

    HostileRequests(String root, List<String> otherUsers, String intruder) {
        this.root = root;
        this.otherUsers = otherUsers;
        this.intruder = intruder;
    }

    Request next(Fuzz fuzz, Endpoint endpoint, int index) {
        List<String> notes = new ArrayList<>();
        String user = fuzz.pick(endpoint.users());
        String password = user;
        if (fuzz.chance(12)) {
            user = fuzz.pick(otherUsers);
            password = user;
            notes.add("as " + user);
        } else if (fuzz.chance(3)) {
            user = fuzz.chance(50) ? null : intruder;
            password = user == null ? null : "wrong";
            notes.add(user == null ? "anonymous" : "wrong password");
        }

        Map<String, String> variables = new LinkedHashMap<>();
        endpoint.path().forEach((name, valid) -> {
            String value = fuzz.chance(75) ? fuzz.pick(valid) : fuzz.token();
            variables.put(name, value);
        });
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(root + endpoint.pattern());
        endpoint.query().forEach((name, valid) -> {
            if (fuzz.chance(50)) {
                String value = fuzz.chance(60) ? fuzz.pick(valid) : fuzz.token();
                uri.queryParam(name, "{q_" + name + "}");
                variables.put("q_" + name, value);
            }
        });
        if (fuzz.chance(5)) {
            uri.queryParam("extra", "{q_extra}");
            variables.put("q_extra", fuzz.text());
        }
        notes.add("path/query " + Fuzz.describe(variables));

        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        }
        headers.setAccept(fuzz.chance(90) ? List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                : List.of(fuzz.pick(MediaType.ALL, MediaType.TEXT_HTML, MediaType.APPLICATION_XML)));
        notes.add("accept " + headers.getAccept());
        Object body = null;
        Map<String, String> sentText = Map.of();
        if (endpoint.json() != null) {
            byte[] bytes;
            if (fuzz.chance(8)) {
                bytes = fuzz.brokenJson().getBytes(StandardCharsets.UTF_8);
                notes.add("broken body " + Fuzz.describe(new String(bytes, StandardCharsets.UTF_8)));
            } else {
                Map<String, Object> map = mutate(fuzz, endpoint.json().get(), notes);
                bytes = write(map);
                sentText = textFields(bytes);
            }
            headers.setContentType(fuzz.chance(95) ? MediaType.APPLICATION_JSON
                    : fuzz.pick(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED));
            body = bytes;
        } else if (endpoint.multipart() != null) {
            if (fuzz.chance(97)) {
                body = multipart(fuzz, endpoint.multipart(), index, notes);
                headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            } else {
                body = write(endpoint.multipart().fields().get());
                headers.setContentType(MediaType.APPLICATION_JSON);
                notes.add("JSON instead of multipart");
            }
        } else if (fuzz.chance(5)) {
            body = fuzz.brokenJson().getBytes(StandardCharsets.UTF_8);
            headers.setContentType(MediaType.APPLICATION_JSON);
            notes.add("unexpected body");
        }
        URI target = uri.encode().buildAndExpand(variables).toUri();
        return new Request(endpoint.key() + " #" + index + " " + String.join("; ", notes), user, password,
                HttpMethod.valueOf(endpoint.method()), target, headers, body, sentText);
    }

    /** The valid body with one to three fields dropped, replaced by any JSON value, or added. */
    Map<String, Object> mutate(Fuzz fuzz, Map<String, Object> valid, List<String> notes) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        List<String> names = new ArrayList<>(body.keySet());
        int changes = 1 + fuzz.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int what = fuzz.nextInt(10);
            if (what < 2 && !names.isEmpty()) {
                String name = fuzz.pick(names);
                body.remove(name);
                notes.add("-" + name);
            } else if (what < 9 && !names.isEmpty()) {
                String name = fuzz.pick(names);
                Object value = fuzz.chance(70) ? fuzz.text() : fuzz.json(1);
                body.put(name, value);
                notes.add(name + "=" + Fuzz.describe(value));
            } else {
                String name = fuzz.chance(50) ? fuzz.pick("id", "status", "partnerCode", "createdBy", "admin", "@class") : fuzz.text();
                Object value = fuzz.json(1);
                body.put(name, value);
                notes.add("+" + Fuzz.describe(name) + "=" + Fuzz.describe(value));
            }
        }
        return body;
    }

    private MultiValueMap<String, Object> multipart(Fuzz fuzz, Multipart form, int index, List<String> notes) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        Map<String, Object> fields = new LinkedHashMap<>(form.fields().get());
        List<String> names = new ArrayList<>(fields.keySet());
        int changes = 1 + fuzz.nextInt(3);
        for (int i = 0; i < changes; i++) {
            String name = fuzz.pick(names);
            if (fuzz.chance(20)) {
                fields.remove(name);
                notes.add("-" + name);
            } else {
                String value = fuzz.text();
                fields.put(name, value);
                notes.add(name + "=" + Fuzz.describe(value));
            }
        }
        fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                list.forEach(item -> parts.add(name, item));
            } else if (value != null) {
                parts.add(name, value);
            }
        });
        if (fuzz.chance(10)) {
            parts.add(fuzz.text(), fuzz.text());
            notes.add("extra part");
        }
        // one case per endpoint and run uploads a file just over the limit; others break the file in cheap ways
        if (index == 1) {
            parts.add(form.filePart(), file(form.fileName(), new byte[form.tooLarge()]));
            notes.add("file of " + form.tooLarge() + " bytes");
            return parts;
        }
        switch (fuzz.nextInt(10)) {
            case 0 -> notes.add("no file");
            case 1 -> {
                parts.add(form.filePart(), file(form.fileName(), new byte[0]));
                notes.add("empty file");
            }
            case 2 -> {
                String name = fuzz.pick("", "x", "letter.exe", "../../evil.epf", "a.pdf.exe", "<script>.pdf", "😀.epf",
                        "con.epf", "a".repeat(300) + ".epf", fuzz.text());
                parts.add(form.filePart(), file(name, form.file()));
                notes.add("file name " + Fuzz.describe(name));
            }
            case 3 -> {
                parts.add(form.filePart(), file(form.fileName(), fuzz.bytes(1 + fuzz.nextInt(2048))));
                notes.add("random file content");
            }
            case 4 -> {
                parts.add(form.filePart(), fuzz.text());
                notes.add("file as a text field");
            }
            case 5 -> {
                parts.add(form.filePart(), file(form.fileName(), form.file()));
                parts.add(form.filePart(), file(form.fileName(), form.file()));
                notes.add("two files");
            }
            default -> parts.add(form.filePart(), file(form.fileName(), form.file()));
        }
        return parts;
    }

    static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    static byte[] write(Object body) {
        try {
            // through a Java String: a lone surrogate becomes '?' in UTF-8, as any client would send it
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level text fields of a JSON body as the server reads them. */
    private static Map<String, String> textFields(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JSON.readTree(body).properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    fields.put(field.getKey(), field.getValue().asText());
                }
            });
        } catch (java.io.IOException e) {
            return Map.of(); // e.g. a field name longer than Jackson reads: the server refuses it too
        }
        return fields;
    }
}
