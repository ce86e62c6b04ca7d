package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.partnerflow.ContractValidation;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;

/**
 * A fuzzer driven by the OpenAPI document alone, as Schemathesis would be (it needs PyPI, which this build cannot reach;
 * ADR 0045): every operation is called as a partner's employee with values built from its schema, then once for each
 * parameter and body field with that one value mangled — the wrong type, too long, outside its list, missing although
 * required. Every answer must be below 500 and a status the operation documents; {@link ContractValidation} checks its
 * body against the schema as for every other test.
 */
class ContractFuzzTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOO_LONG = "Ж".repeat(100_001);

    @LocalServerPort int port;
    @Autowired TestData data;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private JsonNode document;
    private String user;

    @Test
    void everyOperationAnswersOnlyWhatItDocumentsToValidAndMangledValues() throws Exception {
        document = JSON.readTree(ContractValidation.document(port));
        user = data.partnerUser(data.partner());
        List<String> broken = new ArrayList<>();
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                for (Case call : cases(path.getKey(), method.getKey().toUpperCase(), method.getValue())) {
                    int status = send(call);
                    calls++;
                    if (status >= 500 || !method.getValue().path("responses").has(String.valueOf(status))) {
                        broken.add(call.method + " " + call.uri + " (" + call.what + "): " + status);
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(broken).as("5xx or undocumented statuses").isEmpty();
    }

    /** One call: where, which values, and what was mangled in it. */
    private record Case(String method, String uri, Map<String, String> headers, String contentType, byte[] body, String what) {
    }

    private List<Case> cases(String path, String method, JsonNode operation) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        operation.path("parameters").forEach(parameter -> parameters.put(parameter.path("in").asText() + ":"
                + parameter.path("name").asText(), parameter));
        JsonNode content = operation.at("/requestBody/content");
        String mediaType = content.isMissingNode() ? null : content.fieldNames().next();
        JsonNode bodySchema = mediaType == null ? null : resolve(content.path(mediaType).path("schema"));
        List<Case> cases = new ArrayList<>();
        cases.add(call(path, method, parameters, mediaType, bodySchema, null, null, "valid"));
        for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
            JsonNode schema = resolve(parameter.getValue().path("schema"));
            for (Map.Entry<String, UnaryOperator<JsonNode>> mangle : mangles(schema, parameter.getValue().path("required").asBoolean()).entrySet()) {
                cases.add(call(path, method, parameters, mediaType, bodySchema, parameter.getKey(), mangle.getValue(),
                        parameter.getKey() + " " + mangle.getKey()));
            }
        }
        if (bodySchema != null) {
            bodySchema.path("properties").fields().forEachRemaining(property -> {
                boolean required = contains(bodySchema.path("required"), property.getKey());
                mangles(resolve(property.getValue()), required).forEach((what, mangle) -> cases.add(call(path, method, parameters,
                        mediaType, bodySchema, "body:" + property.getKey(), mangle, property.getKey() + " " + what)));
            });
        }
        return cases;
    }

    /** The ways to spoil one value; each yields the value to send, or null to leave it out. */
    private static Map<String, UnaryOperator<JsonNode>> mangles(JsonNode schema, boolean required) {
        Map<String, UnaryOperator<JsonNode>> mangles = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        switch (type) {
            case "integer", "number" -> {
                mangles.put("as text", value -> JSON.getNodeFactory().textNode("много"));
                mangles.put("huge", value -> JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(40))));
                mangles.put("negative", value -> JSON.getNodeFactory().numberNode(-1));
            }
            case "boolean" -> mangles.put("as a word", value -> JSON.getNodeFactory().textNode("да"));
            case "array" -> mangles.put("as text", value -> JSON.getNodeFactory().textNode("Иванов, Петров"));
            case "object" -> mangles.put("as a number", value -> JSON.getNodeFactory().numberNode(42));
            default -> {
                mangles.put("too long", value -> JSON.getNodeFactory().textNode(TOO_LONG));
                mangles.put("as an object", value -> JSON.getNodeFactory().objectNode().put("x", 1));
                if (schema.has("enum")) {
                    mangles.put("outside its list", value -> JSON.getNodeFactory().textNode("НЕТ_ТАКОГО"));
                }
            }
        }
        if (required) {
            mangles.put("missing", value -> null);
        }
        return mangles;
    }

    private Case call(String template, String method, Map<String, JsonNode> parameters, String mediaType, JsonNode bodySchema,
                      String mangled, UnaryOperator<JsonNode> mangle, String what) {
        String path = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
            JsonNode parameterSchema = resolve(parameter.getValue().path("schema"));
            JsonNode value = parameter.getKey().equals(mangled) ? mangle.apply(valid(parameterSchema)) : valid(parameterSchema);
            String name = parameter.getValue().path("name").asText();
            String in = parameter.getValue().path("in").asText();
            boolean send = value != null && (parameter.getKey().equals(mangled) || parameter.getValue().path("required").asBoolean()
                    || in.equals("path"));
            String text = value == null ? "" : value.isTextual() ? value.asText() : value.toString();
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encode(value == null ? "0" : text));
                case "query" -> {
                    if (send) {
                        query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(text));
                    }
                }
                // a header is ASCII: too long is 300 characters (the key takes 255)
                case "header" -> headers.put(name, value == null ? "" : !parameter.getKey().equals(mangled)
                        ? UUID.randomUUID().toString() : text.equals(TOO_LONG) ? "k".repeat(300) : text);
                default -> { }
            }
        }
        byte[] body = null;
        String contentType = mediaType;
        if (bodySchema != null) {
            ObjectNode object = valid(bodySchema).isObject() ? (ObjectNode) valid(bodySchema) : JSON.createObjectNode();
            if (mangled != null && mangled.startsWith("body:")) {
                String field = mangled.substring("body:".length());
                JsonNode value = mangle.apply(object.get(field));
                if (value == null) {
                    object.remove(field);
                } else {
                    object.set(field, value);
                }
            }
            if ("multipart/form-data".equals(mediaType)) {
                String boundary = "fuzz-" + UUID.randomUUID();
                contentType = mediaType + "; boundary=" + boundary;
                body = multipart(object, bodySchema, boundary);
            } else {
                body = object.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Case(method, path + query, headers, contentType, body, what);
    }

    /** A value the schema allows: its example, first enum value, or a plain one of its type and format. */
    private JsonNode valid(JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String format = schema.path("format").asText();
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> JSON.getNodeFactory().numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode().add(valid(resolve(schema.path("items"))));
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                schema.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(), valid(resolve(property.getValue()))));
                yield object;
            }
            default -> JSON.getNodeFactory().textNode(switch (format) {
                case "date" -> LocalDate.now().minusDays(1).toString();
                case "date-time" -> OffsetDateTime.now().minusHours(1).toString();
                case "binary" -> "%PDF-1.4\n%%EOF\n";
                case "email" -> "fuzz@partnerflow.test";
                default -> "1001";
            });
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    private static byte[] multipart(ObjectNode fields, JsonNode schema, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.fields().forEachRemaining(field -> {
            boolean file = "binary".equals(schema.at("/properties/" + field.getKey() + "/format").asText());
            String value = field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\""
                    + (file ? "; filename=\"письмо.pdf\"\r\nContent-Type: application/pdf" : "\r\nContent-Type: text/plain; charset=UTF-8")
                    + "\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private int send(Case call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.uri))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json, */*;q=0.5");
        call.headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        if (call.contentType != null) {
            request.header("Content-Type", call.contentType);
        }
        request.method(call.method, call.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body));
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
