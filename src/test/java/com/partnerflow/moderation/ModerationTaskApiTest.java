package com.partnerflow.moderation;

import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.work.TaskApi.body;
import static com.partnerflow.work.TaskApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.work.TaskApi;
import com.partnerflow.work.TaskKind;

/**
 * The moderation's two tasks decided through {@code POST /api/tasks/{id}/{decision}}: the moderator asks for changes, the
 * partner sends the configuration again, the moderator publishes it; a withdrawal; the review's own check; another
 * partner (404).
 */
class ModerationTaskApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ModerationApi moderation;
    TaskApi tasks;
    Partner partner;
    String partnerUser;
    String moderator;
    long accountId;

    @BeforeEach
    void aPartnerWithAConfigurationAccountAndAModerator() {
        moderation = new ModerationApi(http);
        tasks = new TaskApi(http);
        partner = data.partner();
        partnerUser = data.partnerUser(partner);
        moderator = data.user(Groups.MODERATORS);
        accountId = moderation.account(partnerUser, "Аккаунт " + partner.getCode());
    }

    @Test
    void theModeratorAsksForChangesThePartnerSendsItAgainAndTheModeratorPublishesIt() {
        long configurationId = sent("Сделки " + partner.getCode());
        long moderationId = moderation.moderationId(partnerUser, configurationId);

        JsonNode changes = expect(tasks.decide(moderator, review(moderationId), TaskKind.CONFIGURATION_REVIEW,
                body("decision", "REQUEST_CHANGES", "comment", "Добавьте скриншоты")), 200);
        assertThat(changes.at("/request/kind").asText()).isEqualTo("configurations");
        assertThat(changes.at("/request/id").asLong()).isEqualTo(configurationId);
        assertThat(changes.at("/request/href").asText()).isEqualTo("/api/configurations/" + configurationId);
        assertThat(changes.at("/request/status").asText()).isEqualTo("CHANGES_REQUESTED");

        String revision = moderation.awaitTask(partnerUser, moderationId, ConfigurationModerationProcess.Elements.REVISE,
                partner.group()).get("id").asText();
        JsonNode resent = expect(tasks.decide(partnerUser, revision, TaskKind.CONFIGURATION_REVISION, body("decision", "RESUBMIT")), 200);
        assertThat(resent.at("/request/status").asText()).isEqualTo("IN_MODERATION");

        JsonNode published = expect(tasks.decide(moderator, review(moderationId), TaskKind.CONFIGURATION_REVIEW,
                body("decision", "APPROVE")), 200);
        assertThat(published.at("/request/status").asText()).isIn("IN_MODERATION", "PUBLISHED");
    }

    @Test
    void thePartnerWithdrawsTheConfigurationFromTheRevision() {
        long configurationId = sent("Проекты " + partner.getCode());
        long moderationId = moderation.moderationId(partnerUser, configurationId);
        expect(tasks.decide(moderator, review(moderationId), TaskKind.CONFIGURATION_REVIEW,
                body("decision", "REQUEST_CHANGES", "comment", "Уточните цену")), 200);
        String revision = moderation.awaitTask(partnerUser, moderationId, ConfigurationModerationProcess.Elements.REVISE,
                partner.group()).get("id").asText();

        JsonNode withdrawn = expect(tasks.decide(partnerUser, revision, TaskKind.CONFIGURATION_REVISION, body("decision", "WITHDRAW")), 200);

        assertThat(withdrawn.at("/request/status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aRejectionWithoutItsReasonIsRefusedAndAnotherPartnerCannotRevise() {
        long configurationId = sent("Склад " + partner.getCode());
        long moderationId = moderation.moderationId(partnerUser, configurationId);
        String reviewTask = review(moderationId);

        JsonNode refused = expect(tasks.decide(moderator, reviewTask, TaskKind.CONFIGURATION_REVIEW, body("decision", "REJECT")), 422);
        assertThat(refused.get("detail").asText()).isEqualTo("Укажите причину отказа в публикации.");

        expect(tasks.decide(moderator, reviewTask, TaskKind.CONFIGURATION_REVIEW,
                body("decision", "REQUEST_CHANGES", "comment", "Добавьте описание")), 200);
        String revision = moderation.awaitTask(partnerUser, moderationId, ConfigurationModerationProcess.Elements.REVISE,
                partner.group()).get("id").asText();
        String outsider = data.partnerUser(data.partner());
        assertThat(expect(tasks.decide(outsider, revision, TaskKind.CONFIGURATION_REVISION, body("decision", "WITHDRAW")), 404)
                .get("detail").asText()).isEqualTo("Задача не найдена.");
        assertThat(moderation.configuration(partnerUser, configurationId).get("status").asText()).isEqualTo("CHANGES_REQUESTED");
    }

    private long sent(String title) {
        long configurationId = moderation.created(partnerUser, accountId, complete(title));
        expect(moderation.send(partnerUser, configurationId), 200);
        return configurationId;
    }

    private String review(long moderationId) {
        return moderation.awaitTask(moderator, moderationId, ConfigurationModerationProcess.Elements.REVIEW, Groups.MODERATORS)
                .get("id").asText();
    }
}
