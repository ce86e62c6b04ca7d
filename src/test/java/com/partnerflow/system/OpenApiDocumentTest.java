package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import com.partnerflow.ContractValidation;
import com.partnerflow.IntegrationTest;

/**
 * The OpenAPI document integrators get: committed as {@code docs/openapi.json} and equal to what the application
 * publishes, and following the conventions of ADR 0045 on every operation.
 */
class OpenApiDocumentTest extends IntegrationTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    static final String REGENERATE = "./mvnw -o test-compile surefire:test -Dtest=OpenApiDocumentTest -Dopenapi.update=true";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;
    JsonNode document;
    String published;

    @BeforeEach
    void thePublishedDocument() throws Exception {
        document = JSON.readTree(ContractValidation.document(port));
        published = JSON.writeValueAsString(document) + "\n";
    }

    @Test
    void theCommittedDocumentIsTheApplications() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), published, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, published, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json is missing; write it with: %s", REGENERATE).isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/openapi.json differs from the application's document (target/openapi.json); if the change is "
                        + "meant, regenerate it with: %s", REGENERATE)
                .isEqualTo(published);
    }

    @Test
    void saysWhatItIsAndHowToLogIn() {
        assertThat(document.path("openapi").asText()).startsWith("3.0");
        assertThat(document.at("/info/title").asText()).isEqualTo("PartnerFlow API");
        assertThat(document.at("/info/version").asText()).isNotBlank().isNotEqualTo("dev");
        assertThat(document.at("/info/description").asText()).contains("Bearer", "page", "urn:partnerflow:problem:", "Idempotency-Key");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("security").toString()).contains("basicAuth", "bearerAuth");
        assertThat(document.path("tags").findValuesAsText("name")).as("each tag once").doesNotHaveDuplicates();
    }

    @Test
    void everyOperationFollowsTheConventions() {
        List<String> broken = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String operation = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = method.getValue().path("responses");
            boolean open = method.getValue().has("security") && method.getValue().path("security").isEmpty();
            if (open != path.getKey().startsWith("/api/catalogue")) {
                broken.add(operation + ": only the catalogue is open, " + (open ? "open" : "needs a login"));
            }
            if (!open && !(responses.has("401") && responses.has("403"))) {
                broken.add(operation + ": 401 and 403 not documented");
            }
            if (responses.has("201") && !responses.at("/201/headers/Location/required").asBoolean()) {
                broken.add(operation + ": 201 without Location");
            }
            if (method.getKey().equals("post") && responses.has("200") && !responses.has("201")) {
                // a POST that creates nothing (a decision, an acceptance) answers the resource as it now is: allowed
                assertThat(responses.path("200").has("content")).as(operation).isTrue();
            }
            for (Map.Entry<String, JsonNode> response : iterable(responses)) {
                if (response.getKey().startsWith("4") && !response.getValue().at("/content/application~1problem+json/schema/$ref")
                        .asText().equals("#/components/schemas/Problem")) {
                    broken.add(operation + ": " + response.getKey() + " without the Problem schema");
                }
            }
            if (!path.getKey().contains("{") && !method.getValue().has("requestBody") && responses.has("404")) {
                broken.add(operation + ": 404 documented without a path parameter or a body");
            }
        }));
        assertThat(broken).isEmpty();
    }

    /**
     * The document names a schema by its class's simple name: two different records of one name (a data area with its
     * installations and one without) would be written as one, and the other's answers would not match it.
     */
    @Test
    void noTwoDifferentTypesOfTheApiShareASchemaName() {
        Map<String, Set<String>> shapes = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod handler : handlers.getHandlerMethods().values()) {
            if (handler.getBeanType().getPackageName().startsWith("com.partnerflow")) {
                collect(ResolvableType.forMethodReturnType(handler.getMethod()), seen, shapes);
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    collect(ResolvableType.forMethodParameter(parameter), seen, shapes);
                }
            }
        }
        shapes.values().removeIf(fields -> fields.size() == 1);
        assertThat(shapes).as("records of one simple name with different fields, written as one schema: rename one").isEmpty();
    }

    private static void collect(ResolvableType type, Set<Class<?>> seen, Map<String, Set<String>> shapes) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return;
        }
        for (ResolvableType generic : type.getGenerics()) {
            collect(generic, seen, shapes);
        }
        if (type.isArray()) {
            collect(type.getComponentType(), seen, shapes);
        }
        if (!raw.isRecord() || !raw.getName().startsWith("com.partnerflow") || !seen.add(raw)) {
            return;
        }
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            fields.add(component.getName() + ":" + component.getGenericType().getTypeName());
            collect(ResolvableType.forType(component.getGenericType()), seen, shapes);
        }
        shapes.computeIfAbsent(raw.getSimpleName(), name -> new TreeSet<>()).add(String.join(", ", fields));
    }

    @Test
    void theTestsValidatorRefusesWhatTheDocumentDoesNotSay() {
        byte[] problem = "{\"type\":\"urn:partnerflow:problem:not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Ресурс не найден.\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ContractValidation.validate(port, "GET", "/api/transfers/5", 404, "application/problem+json", problem, null)
                .hasErrors()).as("a documented problem").isFalse();
        assertThat(ContractValidation.validate(port, "GET", "/api/transfers", 200, "application/json",
                "{\"content\": 5}".getBytes(StandardCharsets.UTF_8), null).hasErrors()).as("a body against its schema").isTrue();
        assertThat(ContractValidation.validate(port, "GET", "/api/transfers/5", 418, "application/problem+json", problem, null)
                .hasErrors()).as("an undocumented status").isTrue();
        assertThat(ContractValidation.validate(port, "POST", "/api/configuration-accounts", 200, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), null).hasErrors()).as("a create answering 200").isTrue();
        assertThat(ContractValidation.validate(port, "POST", "/api/configuration-accounts", 201, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), null).hasErrors()).as("a 201 without Location").isTrue();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
