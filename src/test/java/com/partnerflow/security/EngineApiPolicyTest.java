package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The written policy of the engine's REST API ({@code engine-api-policy.txt}) against the API Camunda publishes: every
 * operation classified exactly once, so a new Camunda version fails here until its new operations are; and how a
 * request finds its operation. No Spring: the file and the matching alone.
 */
class EngineApiPolicyTest {

    /** Operations Cockpit calls that the OpenAPI document does not describe (the CMMN part of the API). */
    static final Set<String> NOT_IN_OPENAPI = Set.of("GET /case-definition", "GET /case-definition/count");

    final EngineApiPolicy policy = EngineApiPolicy.load();

    @Test
    void everyPublishedOperationIsClassifiedExactlyOnce() {
        Set<String> published = EngineOpenApi.operations().stream().map(EngineOpenApi.Operation::key).collect(Collectors.toSet());
        List<String> listed = policy.operations().stream().map(operation -> operation.method() + " " + operation.template()).toList();

        assertThat(published).as("operations of camunda-engine-rest-openapi").hasSizeGreaterThan(390);
        assertThat(listed).as("listed twice").doesNotHaveDuplicates();
        assertThat(Set.copyOf(listed)).as("the policy lists every published operation, and nothing else but %s", NOT_IN_OPENAPI)
                .containsAll(published)
                .containsAll(NOT_IN_OPENAPI)
                .hasSize(published.size() + NOT_IN_OPENAPI.size());
    }

    @Test
    void partiesGetTheirOwnWorkAndNothingOfTheEnginesMachinery() {
        Map<String, Audience> byOperation = policy.operations().stream()
                .collect(Collectors.toMap(operation -> operation.method() + " " + operation.template(), EngineApiPolicy.Operation::audience));
        assertThat(byOperation).containsEntry("POST /task/{id}/claim", Audience.PARTIES)
                .containsEntry("POST /task/{id}/complete", Audience.PARTIES)
                .containsEntry("POST /process-definition/key/{key}/submit-form", Audience.PARTIES)
                .containsEntry("GET /history/process-instance", Audience.PARTIES)
                .containsEntry("GET /job", Audience.OPERATIONS)
                .containsEntry("POST /job/{id}/execute", Audience.OPERATIONS)
                .containsEntry("GET /process-definition/statistics", Audience.OPERATIONS)
                .containsEntry("GET /group", Audience.STAFF)
                .containsEntry("POST /task/{id}/identity-links", Audience.ADMINISTRATORS)
                .containsEntry("POST /task/{id}/assignee", Audience.ADMINISTRATORS)
                .containsEntry("POST /task/{id}/bpmnError", Audience.ADMINISTRATORS)
                .containsEntry("PUT /task/{id}", Audience.ADMINISTRATORS)
                .containsEntry("POST /identity/verify", Audience.ADMINISTRATORS);
        Map<String, String> conditions = policy.operations().stream().filter(operation -> operation.callerParameter() != null)
                .collect(Collectors.toMap(operation -> operation.method() + " " + operation.template(), EngineApiPolicy.Operation::callerParameter));
        assertThat(conditions).containsOnly(Map.entry("POST /task/{id}/claim", "userId"), Map.entry("GET /identity/groups", "userId"),
                Map.entry("GET /user/{id}/profile", "id"), Map.entry("PUT /user/{id}/credentials", "id"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            GET,     /task/4f1a/form-variables,          GET /task/{id}/form-variables
            HEAD,    /task/4f1a,                         GET /task/{id}
            GET,     /task/count,                        GET /task/count
            GET,     /task/count/,                       GET /task/count
            POST,    /task/report/candidate-group-count, ''
            GET,     /task/report/candidate-group-count, GET /task/report/candidate-group-count
            POST,    /process-definition/key/x/start,    POST /process-definition/key/{key}/start
            GET,     /process-definition/statistics,     GET /process-definition/statistics
            GET,     /engine,                            GET /engine
            DELETE,  /task,                              ''
            GET,     /nothing/here,                      ''
            """)
    void aRequestFindsItsOperation(String method, String path, String expected) {
        assertThat(policy.find(method, path).map(match -> match.operation().method() + " " + match.operation().template()).orElse(""))
                .isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void whenTwoTemplatesMatchTheStricterAudienceCounts() {
        EngineApiPolicy ambiguous = EngineApiPolicy.parse("""
                [parties]
                GET /thing/{id}
                [administrators]
                GET /thing/secret
                """);
        Function<String, Audience> audience = path -> ambiguous.find("GET", path).orElseThrow().operation().audience();

        assertThat(audience.apply("/thing/7")).isEqualTo(Audience.PARTIES);
        assertThat(audience.apply("/thing/secret")).isEqualTo(Audience.ADMINISTRATORS);
        assertThat(ambiguous.find("GET", "/thing/7").orElseThrow().pathVariables()).containsEntry("id", "7");
    }

    @Test
    void aMalformedLineIsRefusedAtStart() {
        assertThatThrownBy(() -> EngineApiPolicy.parse("GET /task\n")).hasMessageContaining("under an [audience]");
        assertThatThrownBy(() -> EngineApiPolicy.parse("[parties]\nGET /task userId=someone\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> EngineApiPolicy.parse("[everyone]\nGET /task\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAudienceOfACallerComesFromItsGroups() {
        assertThat(Audience.of(List.of(Groups.PARTNERS, "partner-ALFA"))).isEqualTo(Audience.PARTIES);
        assertThat(Audience.of(List.of(Groups.CLIENTS, "client-1001"))).isEqualTo(Audience.PARTIES);
        assertThat(Audience.of(List.of())).as("nobody known").isEqualTo(Audience.PARTIES);
        assertThat(Audience.of(List.of("some-new-group"))).isEqualTo(Audience.PARTIES);
        assertThat(Audience.of(List.of(Groups.FINANCE))).isEqualTo(Audience.STAFF);
        assertThat(Audience.of(List.of(Groups.OPS))).isEqualTo(Audience.OPERATIONS);
        assertThat(Audience.of(List.of(Groups.PARTNERS, Groups.ADMIN))).isEqualTo(Audience.ADMINISTRATORS);
        assertThat(Audience.OPERATIONS.reaches(Audience.STAFF)).isTrue();
        assertThat(Audience.PARTIES.reaches(Audience.STAFF)).isFalse();
    }
}
