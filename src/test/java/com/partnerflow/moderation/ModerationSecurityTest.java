package com.partnerflow.moderation;

import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.moderation.ModerationApi.expect;
import static com.partnerflow.moderation.ModerationApi.review;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;

/**
 * Who sees and does what around moderation: the catalogue is public and shows only approved revisions without any
 * internal field; the rest of {@code /api} needs a login; another partner sees nothing of a moderation; a partner
 * cannot answer for the moderator; moderators read the configurations they moderate.
 */
class ModerationSecurityTest extends IntegrationTest {

    /** Every field a catalogue entry may have (null ones are left out of the JSON). */
    static final Set<String> CATALOGUE_FIELDS = Set.of("id", "title", "shortDescription", "fullDescription", "category",
            "categoryLabel", "industry", "industryLabel", "links", "free", "price", "priceLabel", "supportContact", "entities",
            "author", "publishedAt");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;

    ModerationApi api;
    Partner partner;
    String partnerUser;
    String moderator;
    String otherPartnerUser;
    long accountId;
    long configurationId;
    long moderationId;

    @BeforeEach
    void aConfigurationWaitingForTheModerator() {
        api = new ModerationApi(http);
        partner = data.partner();
        partnerUser = data.partnerUser(partner);
        moderator = data.user(Groups.MODERATORS);
        otherPartnerUser = data.partnerUser(data.partner());
        accountId = api.account(partnerUser, "Аккаунт " + partner.getCode());
        configurationId = api.created(partnerUser, accountId, complete("Модерируемая " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        moderationId = api.moderationId(partnerUser, configurationId);
    }

    @Test
    void theCatalogueIsPublicAndShowsOnlyApprovedRevisionsWithoutInternalFields() {
        long draft = api.created(partnerUser, accountId, complete("Черновик " + partner.getCode()));
        String taskId = api.task(moderator, moderationId, Elements.REVIEW).get("id").asText();
        assertThat(api.catalogued()).doesNotContain(configurationId, draft);

        expect(api.complete(moderator, taskId, review(ReviewDecision.APPROVE, "Внутренняя заметка модератора")), 204);
        expect(api.edit(partnerUser, configurationId, complete("Рабочая копия не для каталога")), 200);

        ResponseEntity<JsonNode> list = api.catalogue("");
        assertThat(list.getStatusCode()).as("no credentials needed").isEqualTo(HttpStatus.OK);
        assertThat(list.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(list.getBody().findValuesAsText("id")).contains(String.valueOf(configurationId)).doesNotContain(String.valueOf(draft));
        for (JsonNode entry : list.getBody()) {
            assertThat(fieldNames(entry)).as("entry %s", entry.get("id")).isSubsetOf(CATALOGUE_FIELDS);
        }
        ResponseEntity<JsonNode> one = api.get(null, "/api/catalogue/" + configurationId);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode entry = one.getBody();
        assertThat(fieldNames(entry)).isSubsetOf(CATALOGUE_FIELDS)
                .contains("id", "title", "shortDescription", "fullDescription", "category", "industry", "links", "priceLabel",
                        "supportContact", "entities", "author", "publishedAt")
                .doesNotContain("status", "statusLabel", "accountId", "accountName", "account", "moderation", "comment",
                        "createdBy", "updatedBy", "creator", "missingForPublication", "content", "published");
        for (JsonNode entity : entry.get("entities")) {
            assertThat(fieldNames(entity)).containsExactlyInAnyOrder("kind", "kindLabel", "name");
        }
        assertThat(entry.get("title").asText()).as("the approved revision").isEqualTo("Модерируемая " + partner.getCode());
        assertThat(entry.toString()).doesNotContain("Внутренняя заметка модератора", "Рабочая копия не для каталога",
                partnerUser, moderator, "Аккаунт " + partner.getCode());
        assertThat(api.get(null, "/api/catalogue/" + draft).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnpublishedConfigurationIsNotInTheCatalogue() {
        ResponseEntity<JsonNode> inModeration = api.get(null, "/api/catalogue/" + configurationId);

        assertThat(inModeration.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(inModeration.getBody().get("detail").asText()).doesNotContain("Модерируемая");
        assertThat(api.get(partnerUser, "/api/catalogue/" + configurationId).getStatusCode())
                .as("not even for its creator").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(null, "/api/catalogue/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.REJECT, "Не подходит для каталога")), 204);
        assertThat(api.get(null, "/api/catalogue/" + configurationId).getStatusCode()).as("rejected").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.catalogued()).doesNotContain(configurationId);
    }

    @Test
    void everythingButTheCatalogueNeedsALogin() {
        assertThat(api.get(null, "/api/configurations").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get(null, "/api/configurations/" + configurationId).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get(null, "/api/configuration-accounts").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.withdraw(null, configurationId).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.edit(null, configurationId, complete("Аноним")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get(null, "/engine-rest/task?processDefinitionKey=" + ConfigurationModerationProcess.KEY).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // a failed login delays the user's next ones (Camunda's login throttling): another user of the partner
        String colleague = data.partnerUser(partner);
        HttpHeaders wrongPassword = new HttpHeaders();
        wrongPassword.setBasicAuth(colleague, "not-" + colleague);
        assertThat(http.exchange("/api/configurations", HttpMethod.GET, new HttpEntity<>(wrongPassword), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.configuration(partnerUser, configurationId).get("status").asText()).as("the refused calls changed nothing")
                .isEqualTo("IN_MODERATION");
    }

    @Test
    void anotherPartnerSeesNothingOfTheModeration() {
        String instanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(moderationId)).singleResult().getId();

        assertThat(api.tasks(otherPartnerUser, moderationId)).isEmpty();
        assertThat(api.get(otherPartnerUser, "/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=50").getBody()).isEmpty();
        assertThat(api.count(otherPartnerUser, "/engine-rest/process-instance/count?processDefinitionKey=" + ConfigurationModerationProcess.KEY
                + "&businessKey=" + moderationId)).isZero();
        assertThat(api.count(otherPartnerUser, "/engine-rest/history/process-instance/count?processDefinitionKey="
                + ConfigurationModerationProcess.KEY + "&processInstanceBusinessKey=" + moderationId)).isZero();
        assertThat(api.get(otherPartnerUser, "/engine-rest/history/task?processInstanceId=" + instanceId + "&maxResults=50").getBody()).isEmpty();
        assertThat(api.get(otherPartnerUser, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId + "&maxResults=50").getBody()).isEmpty();
        assertThat(api.get(otherPartnerUser, "/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode().value())
                .isIn(403, 404);
        assertThat(api.get(otherPartnerUser, "/api/configurations/" + configurationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(api.count(partnerUser, "/engine-rest/process-instance/count?processDefinitionKey=" + ConfigurationModerationProcess.KEY
                + "&businessKey=" + moderationId)).as("the creator's partner sees its own instance").isOne();
        assertThat(api.count(partnerUser, "/engine-rest/history/process-instance/count?processDefinitionKey="
                + ConfigurationModerationProcess.KEY + "&processInstanceBusinessKey=" + moderationId)).isOne();
        assertThat(api.tasks(partnerUser, moderationId)).as("but not the moderators' task").isEmpty();
        assertThat(api.tasks(moderator, moderationId)).hasSize(1);
    }

    @Test
    void aPartnerCannotAnswerForTheModerator() {
        String taskId = api.task(moderator, moderationId, Elements.REVIEW).get("id").asText();

        for (String partnerSide : new String[] {partnerUser, otherPartnerUser}) {
            ResponseEntity<JsonNode> completed = api.complete(partnerSide, taskId, review(ReviewDecision.APPROVE, null));
            assertThat(completed.getStatusCode().value()).as("%s completes", partnerSide).isIn(403, 404);
            ResponseEntity<JsonNode> claimed = api.exchange(partnerSide, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
                    java.util.Map.of("userId", partnerSide));
            assertThat(claimed.getStatusCode().value()).as("%s claims", partnerSide).isIn(403, 404);
        }

        JsonNode task = api.task(moderator, moderationId, Elements.REVIEW);
        assertThat(task).as("the task is still there").isNotNull();
        assertThat(task.get("id").asText()).isEqualTo(taskId);
        assertThat(task.path("assignee").isNull() || task.path("assignee").isMissingNode()).as("not claimed").isTrue();
        JsonNode configuration = api.configuration(partnerUser, configurationId);
        assertThat(configuration.get("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(configuration.at("/moderation/rounds/0/decision").isMissingNode()).isTrue();
        assertThat(api.catalogued()).doesNotContain(configurationId);
    }

    @Test
    void aModeratorReadsTheConfigurationsItModerates() {
        ResponseEntity<JsonNode> read = api.get(moderator, "/api/configurations/" + configurationId);

        assertThat(read.getStatusCode()).as("%s", read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().at("/content/title").asText()).isEqualTo("Модерируемая " + partner.getCode());
        assertThat(read.getBody().at("/creator/code").asText()).isEqualTo(partner.getCode());
        assertThat(read.getBody().at("/moderation/id").asLong()).isEqualTo(moderationId);
        assertThat(api.listed(moderator)).contains(configurationId);
        assertThat(api.get("vera", "/api/configurations/" + configurationId).getStatusCode()).as("vendor staff").isEqualTo(HttpStatus.OK);

        assertThat(api.edit(moderator, configurationId, complete("Правка модератора")).getStatusCode().is4xxClientError())
                .as("a moderator does not edit a partner's configuration").isTrue();
        assertThat(api.withdraw(moderator, configurationId).getStatusCode().is4xxClientError()).isTrue();
        assertThat(api.configuration(partnerUser, configurationId).at("/content/title").asText()).isEqualTo("Модерируемая " + partner.getCode());
        assertThat(api.configuration(partnerUser, configurationId).get("status").asText()).isEqualTo("IN_MODERATION");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
