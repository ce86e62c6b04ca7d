package com.partnerflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every operation of the engine REST API as Camunda publishes it ({@code openapi.json} of
 * {@code org.camunda.bpm:camunda-engine-rest-openapi}, the version of the engine in use), with the example body the
 * documentation gives, if any.
 */
final class EngineOpenApi {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "options", "head");

    record Operation(String method, String path, String tag, JsonNode exampleBody, boolean multipart) {

        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private EngineOpenApi() {
    }

    static List<Operation> operations() {
        try (InputStream in = EngineOpenApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json of camunda-engine-rest-openapi is not on the test classpath");
            }
            JsonNode paths = new ObjectMapper().readTree(in).path("paths");
            List<Operation> operations = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                    if (METHODS.contains(method.getKey())) {
                        JsonNode operation = method.getValue();
                        JsonNode content = operation.path("requestBody").path("content");
                        operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                                operation.path("tags").path(0).asText(), example(content.path("application/json")),
                                content.has("multipart/form-data")));
                    }
                }
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode example(JsonNode json) {
        JsonNode examples = json.path("examples");
        return examples.isObject() && !examples.isEmpty() ? examples.elements().next().path("value") : null;
    }
}
