package com.partnerflow.bench;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.TestData;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.moderation.ReviewDecision;
import com.partnerflow.security.Groups;

/**
 * A configuration moderation: a partner sends a complete configuration, a moderator approves it into the catalogue.
 * Accounts and configurations are prepared over {@code /api}, as partners prepare them: that service is the package's own.
 */
class ModerationPath extends HappyPath<Long> {

    private final TestData data;
    private final TestRestTemplate http;
    private Actor partnerUser;
    private Actor moderator;
    private long accountId;

    ModerationPath(ProcessEngine engine, TestData data, TestRestTemplate http) {
        super(engine);
        this.data = data;
        this.http = http;
    }

    @Override
    String key() {
        return ConfigurationModerationProcess.KEY;
    }

    @Override
    String endEvent() {
        return Elements.END_PUBLISHED;
    }

    @Override
    Set<String> happyFlows() {
        return Set.of("flow_approved");
    }

    @Override
    void setUp() {
        partnerUser = actor(data.partnerUser(data.partner()));
        moderator = actor(data.user(Groups.MODERATORS));
        accountId = post("/api/configuration-accounts", Map.of("name", "Аккаунт конфигураций " + partnerUser.userId()));
    }

    /** A configuration complete for publication, in its draft. */
    @Override
    Long prepare() {
        return post("/api/configuration-accounts/" + accountId + "/configurations", Map.of(
                "title", "Сервисный центр",
                "shortDescription", "Прием заявок, назначение исполнителей и контроль сроков.",
                "fullDescription", "Готовые процессы и справочники для сервисной службы; настройка за один день.",
                "category", "SERVICE", "industry", "SERVICES",
                "links", List.of("https://partnerflow.example/screenshots/service-1.png"),
                "free", false, "price", 4900, "supportContact", "support@partners.example",
                "entities", List.of(Map.of("kind", "PROCESS", "name", "Обработка заявок"), Map.of("kind", "DIRECTORY", "name", "Клиенты"))));
    }

    @Override
    String drive(Long configurationId, Side side) {
        String id = start(partnerUser, side, CONFIGURATION_ID.with(configurationId));
        complete(moderator, id, Elements.REVIEW, REVIEW_DECISION.with(ReviewDecision.APPROVE));
        return id;
    }

    /** Creates over {@code /api} as the partner user (password = user name) and returns the new id. */
    private long post(String path, Object body) {
        ResponseEntity<JsonNode> created = http.withBasicAuth(partnerUser.userId(), partnerUser.userId()).postForEntity(path, body, JsonNode.class);
        if (created.getStatusCode().value() != 201) {
            throw new IllegalStateException("POST " + path + ": " + created.getStatusCode() + " " + created.getBody());
        }
        return created.getBody().get("id").asLong();
    }
}
