package com.partnerflow.moderation;

import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.moderation.ModerationApi.expect;
import static com.partnerflow.moderation.ModerationApi.review;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;

/**
 * Bad configurations and bad sends are refused whole with a Russian ProblemDetail that names every problem at once:
 * nothing is stored, no instance or moderation is left behind; text is kept as text.
 */
class ConfigurationBadInputTest extends IntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    ModerationApi api;
    Partner partner;
    String partnerUser;
    long accountId;

    @BeforeEach
    void aPartnerWithAnAccount() {
        api = new ModerationApi(http);
        partner = data.partner();
        partnerUser = data.partnerUser(partner);
        accountId = api.account(partnerUser, "Аккаунт " + partner.getCode());
    }

    @Test
    void anIncompleteConfigurationIsNotSentAndEveryMissingFieldIsListedAtOnce() {
        long configurationId = api.created(partnerUser, accountId, Map.of("supportContact", "help@partners.example"));
        long instances = rows("act_hi_procinst");

        ResponseEntity<JsonNode> refused = api.send(partnerUser, configurationId);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.getBody().get("detail").asText()).contains("нельзя отправить на модерацию", "хотя бы одна сущность",
                "«Название»", "«Краткое описание»", "«Полное описание»", "«Категория»", "«Отрасль»", "«Скриншоты или ссылки»",
                "«Цена»").doesNotContain("«Контакт поддержки»");
        JsonNode configuration = api.configuration(partnerUser, configurationId);
        assertThat(configuration.get("status").asText()).isEqualTo("DRAFT");
        assertThat(configuration.has("moderation")).isFalse();
        assertThat(moderations(configurationId)).as("no moderation stored").isZero();
        assertThat(rows("act_hi_procinst")).as("no instance left behind").isEqualTo(instances);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .variableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), configurationId).count()).isZero();

        Map<String, Object> almost = complete("Почти готово");
        almost.put("entities", List.of());
        almost.remove("industry");
        expect(api.edit(partnerUser, configurationId, almost), 200);
        assertThat(api.send(partnerUser, configurationId).getBody().get("detail").asText())
                .contains("хотя бы одна сущность", "«Отрасль»").doesNotContain("«Название»", "«Категория»", "«Цена»");
        assertThat(moderations(configurationId)).isZero();
    }

    @Test
    void sendingTwiceIsAConflictAndLeavesOneInstance() {
        long configurationId = api.created(partnerUser, accountId, complete("Дважды " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);

        ResponseEntity<JsonNode> again = api.send(partnerUser, configurationId);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("уже на модерации");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .variableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), configurationId).count()).isOne();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .variableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), configurationId).count()).isOne();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY).processInstanceBusinessKey(String.valueOf(moderationId)).count()).isOne();
        assertThat(moderations(configurationId)).isOne();

        ResponseEntity<JsonNode> overEngineRest = api.startOverEngineRest(partnerUser, configurationId);
        assertThat(overEngineRest.getStatusCode()).as("%s", overEngineRest.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(overEngineRest.getBody().get("message").asText()).contains("уже на модерации");
        assertThat(moderations(configurationId)).isOne();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .variableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), configurationId).count()).isOne();
    }

    @Test
    void oversizedTextsAreRefusedAndNothingIsStored() {
        Map<String, Object> body = complete("x".repeat(101));
        body.put("shortDescription", "к".repeat(301));
        body.put("fullDescription", "п".repeat(5001));
        body.put("supportContact", "s".repeat(201));
        long configurations = rows("configuration");

        ResponseEntity<JsonNode> refused = api.create(partnerUser, accountId, body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").asText()).contains("«Название» длиннее 100 символов (101)",
                "«Краткое описание» длиннее 300 символов", "«Полное описание» длиннее 5000 символов",
                "«Контакт поддержки» длиннее 200 символов");
        assertThat(rows("configuration")).isEqualTo(configurations);

        long configurationId = api.created(partnerUser, accountId, complete("Короткое"));
        Map<String, Object> longer = complete("Короткое");
        longer.put("entities", List.of(ModerationApi.entity("PROCESS", "с".repeat(201))));
        ResponseEntity<JsonNode> edit = api.edit(partnerUser, configurationId, longer);

        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(edit.getBody().get("detail").asText()).contains("сущность № 1, название", "длиннее 200 символов");
        assertThat(api.configuration(partnerUser, configurationId).at("/content/entities")).hasSize(2);
        assertThat(api.configuration(partnerUser, configurationId).get("updatedBy").asText()).isEqualTo(partnerUser);
    }

    @Test
    void scriptIsKeptAsTextUpToThePublicCatalogue() {
        Map<String, Object> body = complete("Скрипт " + partner.getCode());
        body.put("shortDescription", SCRIPT);
        body.put("fullDescription", "До " + SCRIPT + " после");
        long configurationId = api.created(partnerUser, accountId, body);

        JsonNode stored = api.configuration(partnerUser, configurationId);
        assertThat(stored.at("/content/shortDescription").asText()).isEqualTo(SCRIPT);
        assertThat(stored.at("/content/fullDescription").asText()).isEqualTo("До " + SCRIPT + " после");

        expect(api.send(partnerUser, configurationId), 200);
        String moderator = data.user(Groups.MODERATORS);
        long moderationId = api.moderationId(partnerUser, configurationId);
        String taskId = api.task(moderator, moderationId, Elements.REVIEW).get("id").asText();
        assertThat(api.formVariables(moderator, taskId).at("/shortDescription/value").asText()).isEqualTo(SCRIPT);
        expect(api.complete(moderator, taskId, review(ReviewDecision.APPROVE, null)), 204);

        ResponseEntity<String> raw = http.exchange("/api/catalogue/" + configurationId, org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(new org.springframework.http.HttpHeaders()), String.class);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(raw.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode entry = expect(api.get(null, "/api/catalogue/" + configurationId), 200);
        assertThat(entry.get("shortDescription").asText()).isEqualTo(SCRIPT);
        assertThat(entry.get("fullDescription").asText()).isEqualTo("До " + SCRIPT + " после");
        JsonNode listed = null;
        for (JsonNode candidate : expect(api.catalogue(""), 200).get("content")) {
            if (candidate.get("id").asLong() == configurationId) {
                listed = candidate;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("shortDescription").asText()).isEqualTo(SCRIPT);
    }

    @Test
    void aLinkThatIsNotAWebAddressIsRefused() {
        long configurations = rows("configuration");
        for (String link : new String[] {"javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<b>x</b>",
                "ftp://files.example/screen.png", "/relative/screen.png"}) {
            Map<String, Object> body = complete("Ссылка");
            body.put("links", List.of("https://partnerflow.example/ok.png", link));

            ResponseEntity<JsonNode> refused = api.create(partnerUser, accountId, body);

            assertThat(refused.getStatusCode()).as(link).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getBody().get("detail").asText()).as(link).contains("не адрес страницы или изображения");
        }
        assertThat(rows("configuration")).isEqualTo(configurations);

        long configurationId = api.created(partnerUser, accountId, complete("Ссылка"));
        Map<String, Object> edit = complete("Ссылка");
        edit.put("links", List.of("javascript:alert(1)"));
        assertThat(api.edit(partnerUser, configurationId, edit).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(api.configuration(partnerUser, configurationId).at("/content/links")).as("unchanged")
                .singleElement().extracting(JsonNode::asText).isEqualTo("https://partnerflow.example/screenshots/service-1.png");
    }

    @Test
    void anUnknownCategoryIndustryOrEntityKindIsRefused() {
        Map<String, Object> body = complete("Категория");
        body.put("category", "GAMES");
        body.put("industry", "SPACE");
        body.put("entities", List.of(ModerationApi.entity("MACRO", "Макрос")));

        ResponseEntity<JsonNode> refused = api.create(partnerUser, accountId, body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").asText()).contains("поле «Категория»: значения «GAMES» нет",
                "поле «Отрасль»: значения «SPACE» нет", "сущность № 1, вид", "SALES (Продажи и CRM)");
    }

    @Test
    void anUnknownCatalogueCategoryIsABadRequest() {
        ResponseEntity<JsonNode> response = api.catalogue("?category=NOPE");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
        assertThat(response.getBody().get("detail").asText()).contains("category");
        assertThat(api.catalogue("?industry=MOON").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get(null, "/api/catalogue/abc").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void startingOverEngineRestWithAnotherPartnersConfigurationLeavesNoInstance() {
        Partner other = data.partner();
        String otherUser = data.partnerUser(other);
        long othersAccount = api.account(otherUser, "Чужой аккаунт " + other.getCode());
        long othersConfiguration = api.created(otherUser, othersAccount, complete("Чужая " + other.getCode()));
        long instances = rows("act_hi_procinst");

        ResponseEntity<JsonNode> started = api.startOverEngineRest(partnerUser, othersConfiguration);

        assertThat(started.getStatusCode().is4xxClientError()).as("%s %s", started.getStatusCode(), started.getBody()).isTrue();
        assertThat(started.getBody().get("message").asText()).doesNotContain("Чужая");
        assertThat(rows("act_hi_procinst")).isEqualTo(instances);
        assertThat(moderations(othersConfiguration)).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .variableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), othersConfiguration).count()).isZero();
        assertThat(api.configuration(otherUser, othersConfiguration).get("status").asText()).isEqualTo("DRAFT");

        ResponseEntity<JsonNode> withoutConfiguration = api.exchange(partnerUser, org.springframework.http.HttpMethod.POST,
                "/engine-rest/process-definition/key/" + ConfigurationModerationProcess.KEY + "/start", Map.of("variables", Map.of()));
        assertThat(withoutConfiguration.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rows("act_hi_procinst")).isEqualTo(instances);

        ResponseEntity<JsonNode> own = api.startOverEngineRest(otherUser, othersConfiguration);
        assertThat(own.getStatusCode()).as("the creator may: %s", own.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(api.configuration(otherUser, othersConfiguration).get("status").asText()).isEqualTo("IN_MODERATION");
    }

    @Test
    void editingWhileInModerationIsAConflict() {
        long configurationId = api.created(partnerUser, accountId, complete("На модерации " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);

        ResponseEntity<JsonNode> edit = api.edit(partnerUser, configurationId, complete("Поменяю тайком"));

        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(edit.getBody().get("detail").asText()).contains("на модерации");
        JsonNode configuration = api.configuration(partnerUser, configurationId);
        assertThat(configuration.at("/content/title").asText()).isEqualTo("На модерации " + partner.getCode());
        assertThat(configuration.get("status").asText()).isEqualTo("IN_MODERATION");
    }

    @Test
    void aBadRevisionFormIsRefusedWholeAndTheTaskStays() {
        long configurationId = api.created(partnerUser, accountId, complete("Доработка " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        String moderator = data.user(Groups.MODERATORS);
        String reviewId = api.task(moderator, moderationId, Elements.REVIEW).get("id").asText();
        ResponseEntity<JsonNode> tooLong = api.complete(moderator, reviewId, review(ReviewDecision.REQUEST_CHANGES, "к".repeat(2001)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooLong.getBody().get("message").asText()).contains("длиннее 2000");
        ResponseEntity<JsonNode> noComment = api.complete(moderator, reviewId, review(ReviewDecision.REQUEST_CHANGES, " "));
        assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(api.configuration(partnerUser, configurationId).get("status").asText()).isEqualTo("IN_MODERATION");
        expect(api.complete(moderator, reviewId, review(ReviewDecision.REQUEST_CHANGES, "Исправьте ссылку")), 204);
        String reviseId = api.awaitTask(partnerUser, moderationId, Elements.REVISE, partner.group()).get("id").asText();

        Map<String, Object> bad = new java.util.LinkedHashMap<>();
        bad.put(ConfigurationModerationProcess.TITLE.name(), ModerationApi.string(" "));
        bad.put(ConfigurationModerationProcess.CATEGORY.name(), ModerationApi.string("GAMES"));
        bad.put(ConfigurationModerationProcess.LINKS.name(), ModerationApi.string("javascript:alert(1)"));
        bad.put(ConfigurationModerationProcess.REVISION_ACTION.name(), ModerationApi.string(RevisionAction.RESUBMIT.name()));
        ResponseEntity<JsonNode> refused = api.complete(partnerUser, reviseId, bad);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("message").asText()).contains("«Категория»: значения «GAMES» нет", "не адрес страницы");
        bad.put(ConfigurationModerationProcess.CATEGORY.name(), ModerationApi.string(Category.SALES.name()));
        bad.put(ConfigurationModerationProcess.LINKS.name(), ModerationApi.string("https://partnerflow.example/new.png"));
        ResponseEntity<JsonNode> incomplete = api.complete(partnerUser, reviseId, bad);
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(incomplete.getBody().get("message").asText()).contains("«Название»");
        bad.put(ConfigurationModerationProcess.PRICE.name(), ModerationApi.string("дорого"));
        assertThat(api.complete(partnerUser, reviseId, bad).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        bad.put(ConfigurationModerationProcess.REVISION_ACTION.name(), ModerationApi.string("PUBLISH"));
        assertThat(api.complete(partnerUser, reviseId, bad).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        JsonNode configuration = api.configuration(partnerUser, configurationId);
        assertThat(configuration.get("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(configuration.at("/content/title").asText()).isEqualTo("Доработка " + partner.getCode());
        assertThat(configuration.at("/content/category").asText()).isEqualTo(Category.SERVICE.name());
        assertThat(configuration.at("/moderation/rounds")).hasSize(1);
        assertThat(api.task(partnerUser, moderationId, Elements.REVISE).get("id").asText()).as("the task stays").isEqualTo(reviseId);
    }

    private long moderations(long configurationId) {
        return jdbc.queryForObject("select count(*) from configuration_moderation where configuration_id = ?", Long.class, configurationId);
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
