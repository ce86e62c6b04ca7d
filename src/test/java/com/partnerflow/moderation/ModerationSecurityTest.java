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
        assertThat(list.getBody().get("content").findValuesAsText("id")).contains(String.valueOf(configurationId)).doesNotContain(String.valueOf(draft));
        for (JsonNode entry : list.getBody().get("content")) {
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

    @Test
    void onlyThePublisherAndModeratorsTakeAConfigurationOutOfTheCatalogue() {
        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.APPROVE, null)), 204);
        Partner memberPartner = data.partner();
        String member = data.partnerUser(memberPartner);
        api.member(partnerUser, accountId, memberPartner.getCode(), member);
        long membersConfiguration = api.created(member, accountId, complete("Участника " + memberPartner.getCode()));
        expect(api.send(member, membersConfiguration), 200);
        long membersModeration = api.moderationId(member, membersConfiguration);
        expect(api.complete(moderator, api.task(moderator, membersModeration, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.APPROVE, null)), 204);

        ResponseEntity<JsonNode> byManager = api.unpublish(partnerUser, membersConfiguration, "Не нравится");
        assertThat(byManager.getStatusCode()).as("the account's manager sees and edits it, but did not publish it")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byManager.getBody().get("detail").asText()).contains("Снять конфигурацию", "только создавший ее партнер",
                memberPartner.getName());
        assertThat(api.unpublish(member, configurationId, "Не нравится").getStatusCode())
                .as("the manager's configuration is hidden from members").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.configuration(member, membersConfiguration).get("status").asText()).isEqualTo("PUBLISHED");
        ResponseEntity<JsonNode> byCompetitor = api.unpublish(otherPartnerUser, configurationId, "Конкурент");
        assertThat(byCompetitor.getStatusCode()).as("another partner").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(byCompetitor.getBody().get("detail").asText()).isEqualTo("Конфигурация № " + configurationId + " не найдена.");
        assertThat(api.unpublish("vera", configurationId, "Вендор").getStatusCode()).as("vendor staff are not moderators")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.unpublish(null, configurationId, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.unpublish(otherPartnerUser, 999_999_999, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode unchanged = api.configuration(partnerUser, configurationId);
        assertThat(unchanged.get("status").asText()).as("the refused calls changed nothing").isEqualTo("PUBLISHED");
        assertThat(unchanged.has("lastUnpublished")).isFalse();
        assertThat(api.catalogued()).contains(configurationId, membersConfiguration);
    }

    @Test
    void onlyVendorStaffCertifyPartners() {
        Partner uncertified = data.uncertifiedPartner();
        String itsEmployee = data.partnerUser(uncertified);

        for (String notVendor : new String[] {itsEmployee, otherPartnerUser, moderator, "olga"}) {
            for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.DELETE}) {
                ResponseEntity<JsonNode> refused = api.certification(notVendor, method, uncertified.getCode());
                assertThat(refused.getStatusCode()).as("%s %s", notVendor, method).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(refused.getBody().get("detail").asText()).contains("только сотрудники фирмы");
            }
        }
        assertThat(api.certification(otherPartnerUser, HttpMethod.PUT, "NO-SUCH-PARTNER").getStatusCode())
                .as("a partner learns nothing of partner codes").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.certification(null, HttpMethod.PUT, uncertified.getCode()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> unknown = api.certification("vera", HttpMethod.PUT, "NO-SUCH-PARTNER");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).isEqualTo("Партнер с кодом NO-SUCH-PARTNER не найден.");

        long account = api.account(itsEmployee, "Аккаунт " + uncertified.getCode());
        long configuration = api.created(itsEmployee, account, complete("После отказов " + uncertified.getCode()));
        assertThat(api.send(itsEmployee, configuration).getStatusCode()).as("still not certified")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(expect(api.certification(itsEmployee, HttpMethod.GET, uncertified.getCode()), 200).get("certified").asBoolean())
                .as("a partner reads its own certification").isFalse();
        assertThat(api.certification(otherPartnerUser, HttpMethod.GET, uncertified.getCode()).getStatusCode())
                .as("not another partner's").isEqualTo(HttpStatus.NOT_FOUND);
        expect(api.certification("vera", HttpMethod.PUT, partner.getCode()), 200);
        assertThat(expect(api.certification(partnerUser, HttpMethod.GET, partner.getCode().toLowerCase()), 200).get("certified")
                .asBoolean()).isTrue();
        JsonNode withdrawn = expect(api.certification("vera", HttpMethod.DELETE, partner.getCode()), 200);
        assertThat(withdrawn.get("certified").asBoolean()).isFalse();
        long another = api.created(partnerUser, accountId, complete("После снятия сертификации " + partner.getCode()));
        assertThat(api.send(partnerUser, another).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
