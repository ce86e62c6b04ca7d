package com.partnerflow.moderation;

import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.moderation.ModerationApi.expect;
import static com.partnerflow.moderation.ModerationApi.mailTo;
import static com.partnerflow.moderation.ModerationApi.review;
import static com.partnerflow.moderation.ModerationApi.string;
import static com.partnerflow.moderation.ModerationApi.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;

/**
 * A configuration through the running application as its users drive it: the partner prepares it over {@code /api}
 * and sends it, a moderator answers through Tasklist's calls on {@code /engine-rest}, the partner revises and sends
 * again (over {@code /api} or through the revision task), the job executor mails the partner, and an approved
 * revision appears in the public catalogue.
 */
class ModerationEndToEndTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;

    ModerationApi api;
    Partner partner;
    String partnerUser;
    String moderator;
    long accountId;

    @BeforeEach
    void aPartnerWithAConfigurationAccountAndAModerator() {
        api = new ModerationApi(http);
        partner = data.partner();
        partnerUser = data.partnerUser(partner);
        moderator = data.user(Groups.MODERATORS);
        accountId = api.account(partnerUser, "Аккаунт конфигураций " + partner.getCode());
    }

    @Test
    void changesRequestedRevisedOverTheApiAndApprovedIntoTheCatalogue() throws Exception {
        ResponseEntity<JsonNode> created = api.create(partnerUser, accountId, complete("Сервис " + partner.getCode()));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        long configurationId = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/configurations/" + configurationId);
        assertThat(created.getBody().get("status").asText()).isEqualTo("DRAFT");
        assertThat(created.getBody().get("missingForPublication")).isEmpty();
        assertThat(created.getBody().at("/creator/code").asText()).isEqualTo(partner.getCode());

        ResponseEntity<JsonNode> sent = api.send(partnerUser, configurationId);

        assertThat(sent.getStatusCode()).as("%s", sent.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(sent.getBody().get("status").asText()).isEqualTo("IN_MODERATION");
        long moderationId = sent.getBody().at("/moderation/id").asLong();
        assertThat(sent.getBody().at("/moderation/open").asBoolean()).isTrue();
        assertThat(sent.getBody().at("/moderation/rounds")).singleElement()
                .satisfies(round -> assertThat(round.get("submittedBy").asText()).isEqualTo(partnerUser));
        HistoricProcessInstance instance = instance(moderationId);
        assertThat(instance.getStartUserId()).isEqualTo(partnerUser);
        assertThat(catalogue()).as("nothing public before approval").doesNotContain(configurationId);
        assertThat(api.get(null, "/api/catalogue/" + configurationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode review = single(api.tasks(moderator, moderationId, "&candidateGroup=" + Groups.MODERATORS));
        assertThat(review.get("taskDefinitionKey").asText()).isEqualTo(Elements.REVIEW);
        JsonNode form = api.formVariables(moderator, review.get("id").asText());
        assertThat(form.at("/" + ConfigurationModerationProcess.TITLE.name() + "/value").asText()).isEqualTo("Сервис " + partner.getCode());
        assertThat(form.at("/" + ConfigurationModerationProcess.ENTITIES.name() + "/value").asText())
                .contains("Процесс «Обработка заявок»", "Справочник «Клиенты»");
        assertThat(form.at("/" + ConfigurationModerationProcess.CHANGES.name() + "/value").asText()).isEqualTo("Первая отправка на модерацию.");
        assertThat(form.at("/" + ConfigurationModerationProcess.CATEGORY_LABEL.name() + "/value").asText()).isEqualTo("Сервис и поддержка клиентов");
        assertThat(form.at("/" + ConfigurationModerationProcess.PRICE_LABEL.name() + "/value").asText()).isEqualTo("4900.00 ₽");
        assertThat(form.at("/" + ConfigurationModerationProcess.AUTHOR.name() + "/value").asText()).contains(partner.getCode(), partnerUser);
        assertThat(form.at("/" + ConfigurationModerationProcess.ROUND.name() + "/value").asLong()).isOne();

        ResponseEntity<JsonNode> changes = api.complete(moderator, review.get("id").asText(),
                review(ReviewDecision.REQUEST_CHANGES, "Добавьте в название отрасль"));

        assertThat(changes.getStatusCode()).as("%s", changes.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode afterReview = api.configuration(partnerUser, configurationId);
        assertThat(afterReview.get("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(afterReview.at("/moderation/rounds/0/decision").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(afterReview.at("/moderation/rounds/0/comment").asText()).isEqualTo("Добавьте в название отрасль");
        assertThat(afterReview.at("/moderation/rounds/0/decidedBy").asText()).isEqualTo(moderator);
        assertThat(text(mailTo(MAIL, partner.getEmail(), "модератор просит доработать")))
                .contains("Сервис " + partner.getCode(), "Добавьте в название отрасль");
        JsonNode revise = api.awaitTask(partnerUser, moderationId, Elements.REVISE, partner.group());
        MimeMessage waiting = mailTo(MAIL, partnerUser + "@users.test", "Доработайте конфигурацию");
        assertThat(text(waiting)).contains("Комментарий модератора: Добавьте в название отрасль",
                "Открыть задачу: " + "https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + revise.get("id").asText());
        JsonNode reviseForm = api.formVariables(partnerUser, revise.get("id").asText());
        assertThat(reviseForm.at("/" + ConfigurationModerationProcess.MODERATOR_COMMENT.name() + "/value").asText())
                .isEqualTo("Добавьте в название отрасль");
        assertThat(api.tasks(moderator, moderationId)).as("nothing left for the moderators").isEmpty();

        Map<String, Object> revised = complete("Сервисный центр для услуг " + partner.getCode());
        ResponseEntity<JsonNode> edited = api.edit(partnerUser, configurationId, revised);
        assertThat(edited.getStatusCode()).as("%s", edited.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody().get("status").asText()).as("editing does not send").isEqualTo("CHANGES_REQUESTED");
        ResponseEntity<JsonNode> resent = api.send(partnerUser, configurationId);

        assertThat(resent.getStatusCode()).as("%s", resent.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(resent.getBody().get("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(resent.getBody().at("/moderation/id").asLong()).as("the same moderation, a second round").isEqualTo(moderationId);
        assertThat(resent.getBody().at("/moderation/rounds")).hasSize(2);
        assertThat(api.tasks(partnerUser, moderationId)).as("the API completed the revision task").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(moderationId)).count()).isOne();

        JsonNode secondReview = single(api.tasks(moderator, moderationId, "&candidateGroup=" + Groups.MODERATORS));
        assertThat(secondReview.get("id").asText()).isNotEqualTo(review.get("id").asText());
        JsonNode secondForm = api.formVariables(moderator, secondReview.get("id").asText());
        assertThat(secondForm.at("/" + ConfigurationModerationProcess.ROUND.name() + "/value").asLong()).isEqualTo(2);
        assertThat(secondForm.at("/" + ConfigurationModerationProcess.TITLE.name() + "/value").asText())
                .isEqualTo("Сервисный центр для услуг " + partner.getCode());
        assertThat(secondForm.at("/" + ConfigurationModerationProcess.CHANGES.name() + "/value").asText())
                .startsWith("Изменения с раунда 1:")
                .contains("Название: «Сервис " + partner.getCode() + "» → «Сервисный центр для услуг " + partner.getCode() + "»")
                .doesNotContain("Категория", "Цена");
        assertThat(secondForm.has(ConfigurationModerationProcess.REVIEW_DECISION.name()))
                .as("the first round's answer is not preset").isFalse();

        ResponseEntity<JsonNode> approved = api.complete(moderator, secondReview.get("id").asText(), review(ReviewDecision.APPROVE, null));

        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode published = api.configuration(partnerUser, configurationId);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.at("/published/title").asText()).isEqualTo("Сервисный центр для услуг " + partner.getCode());
        assertThat(published.at("/published/unpublishedChanges").asBoolean()).isFalse();
        assertThat(published.at("/moderation/open").asBoolean()).isFalse();
        assertThat(catalogue()).contains(configurationId);
        JsonNode entry = expect(api.get(null, "/api/catalogue/" + configurationId), 200);
        assertThat(entry.get("title").asText()).isEqualTo("Сервисный центр для услуг " + partner.getCode());
        assertThat(entry.get("author").asText()).isEqualTo(partner.getName());
        assertThat(entry.get("entities")).hasSize(2);
        assertThat(text(mailTo(MAIL, partner.getEmail(), "опубликована"))).contains("/api/catalogue/" + configurationId);
        awaitEnded(moderationId, Elements.END_PUBLISHED);
    }

    /**
     * The start form's door, as Tasklist sends it: a new configuration's settings and entities with the account to make
     * it in. Incomplete, it is refused with every missing field and nothing is saved; complete, it is created by the
     * account's partner and sent in one go.
     */
    @Test
    void theStartFormCreatesTheConfigurationItSendsAndSavesNothingWhenRefused() {
        String path = "/engine-rest/process-definition/key/" + ConfigurationModerationProcess.KEY + "/submit-form";
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put(ConfigurationModerationProcess.ACCOUNT_ID.name(), Map.of("value", accountId, "type", "Long"));
        partial.put(ConfigurationModerationProcess.TITLE.name(), string("Склад " + partner.getCode()));
        partial.put(ConfigurationModerationProcess.ENTITY_LIST.name(),
                Map.of("value", "[{\"kind\":\"PROCESS\",\"name\":\"Приемка\"}]", "type", "Json"));

        ResponseEntity<JsonNode> refused = api.exchange(partnerUser, HttpMethod.POST, path, Map.of("variables", partial));
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("message").asText()).contains("«Краткое описание»", "«Контакт поддержки»");
        assertThat(api.get(partnerUser, "/api/configurations?own=true").getBody().get("content")).as("nothing saved").isEmpty();

        Map<String, Object> filled = new LinkedHashMap<>(partial);
        filled.put(ConfigurationModerationProcess.SHORT_DESCRIPTION.name(), string("Приемка и отгрузка"));
        filled.put(ConfigurationModerationProcess.FULL_DESCRIPTION.name(), string("Приемка, хранение и отгрузка товаров."));
        filled.put(ConfigurationModerationProcess.CATEGORY.name(), string("OTHER"));
        filled.put(ConfigurationModerationProcess.INDUSTRY.name(), string("RETAIL"));
        filled.put(ConfigurationModerationProcess.LINKS.name(), string("https://partnerflow.example/sklad.png"));
        filled.put(ConfigurationModerationProcess.FREE.name(), Map.of("value", true, "type", "Boolean"));
        filled.put(ConfigurationModerationProcess.SUPPORT_CONTACT.name(), string("sklad@partners.example"));
        expect(api.exchange(partnerUser, HttpMethod.POST, path, Map.of("variables", filled)), 200);

        JsonNode created = single(api.get(partnerUser, "/api/configurations?own=true").getBody().get("content"));
        assertThat(created.get("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(created.at("/creator/code").asText()).isEqualTo(partner.getCode());
        assertThat(created.at("/content/title").asText()).isEqualTo("Склад " + partner.getCode());
        assertThat(created.at("/content/entities/0/name").asText()).isEqualTo("Приемка");
        assertThat(created.at("/content/free").asBoolean()).isTrue();
    }

    @Test
    void thePartnerResubmitsThroughTheRevisionTaskForm() throws Exception {
        long configurationId = api.created(partnerUser, accountId, complete("Склад " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        String reviewId = api.task(moderator, moderationId, Elements.REVIEW).get("id").asText();
        expect(api.complete(moderator, reviewId, review(ReviewDecision.REQUEST_CHANGES, "Сделайте бесплатной и уточните описание")), 204);
        JsonNode revise = api.awaitTask(partnerUser, moderationId, Elements.REVISE, partner.group());
        JsonNode form = api.formVariables(partnerUser, revise.get("id").asText());
        assertThat(form.at("/" + ConfigurationModerationProcess.TITLE.name() + "/value").asText()).isEqualTo("Склад " + partner.getCode());
        assertThat(form.at("/" + ConfigurationModerationProcess.PRICE.name() + "/value").asText()).isEqualTo("4900.00");

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(ConfigurationModerationProcess.TITLE.name(), string("Склад магазина " + partner.getCode()));
        answer.put(ConfigurationModerationProcess.SHORT_DESCRIPTION.name(), string("Приемка и инвентаризация."));
        answer.put(ConfigurationModerationProcess.FREE.name(), ModerationApi.bool(true));
        answer.put(ConfigurationModerationProcess.REVISION_ACTION.name(), string(RevisionAction.RESUBMIT.name()));
        ResponseEntity<JsonNode> resubmitted = api.complete(partnerUser, revise.get("id").asText(), answer);

        assertThat(resubmitted.getStatusCode()).as("%s", resubmitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode configuration = api.configuration(partnerUser, configurationId);
        assertThat(configuration.get("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(configuration.at("/content/title").asText()).isEqualTo("Склад магазина " + partner.getCode());
        assertThat(configuration.at("/content/shortDescription").asText()).isEqualTo("Приемка и инвентаризация.");
        assertThat(configuration.at("/content/free").asBoolean()).isTrue();
        assertThat(configuration.at("/content/price").isMissingNode()).as("a free configuration has no price").isTrue();
        assertThat(configuration.at("/content/entities")).as("the form keeps the entities").hasSize(2);
        assertThat(configuration.at("/moderation/rounds")).hasSize(2);
        assertThat(configuration.at("/moderation/rounds/1/submittedBy").asText()).isEqualTo(partnerUser);

        JsonNode secondReview = api.task(moderator, moderationId, Elements.REVIEW);
        assertThat(secondReview).as("back with the moderators").isNotNull();
        String changes = api.formVariables(moderator, secondReview.get("id").asText())
                .at("/" + ConfigurationModerationProcess.CHANGES.name() + "/value").asText();
        assertThat(changes).contains("Название: «Склад " + partner.getCode() + "» → «Склад магазина " + partner.getCode() + "»",
                "Краткое описание:", "Цена: «4900.00 ₽» → «бесплатно»");
        assertThat(changes).doesNotContain("сущность", "Категория");

        expect(api.complete(moderator, secondReview.get("id").asText(), review(ReviewDecision.APPROVE, "Спасибо")), 204);
        JsonNode entry = expect(api.get(null, "/api/catalogue/" + configurationId), 200);
        assertThat(entry.get("title").asText()).isEqualTo("Склад магазина " + partner.getCode());
        assertThat(entry.get("free").asBoolean()).isTrue();
        assertThat(entry.get("priceLabel").asText()).isEqualTo("бесплатно");
        assertThat(text(mailTo(MAIL, partner.getEmail(), "опубликована"))).contains("Спасибо");
        awaitEnded(moderationId, Elements.END_PUBLISHED);
    }

    /**
     * The revision form says entities change over {@code PUT /api/configurations/{id}}; a partner who does so and then
     * sends the form (Tasklist submits every field as the form loaded it) keeps what the PUT changed.
     */
    @Test
    void anEditOverTheApiIsKeptWhenThePartnerThenAnswersTheRevisionForm() {
        long configurationId = api.created(partnerUser, accountId, complete("Продажи " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.REQUEST_CHANGES, "Добавьте отчет и уточните название")), 204);
        String reviseId = api.awaitTask(partnerUser, moderationId, Elements.REVISE, partner.group()).get("id").asText();

        Map<String, Object> edit = complete("Продажи и отчеты " + partner.getCode());
        @SuppressWarnings("unchecked")
        List<Object> entities = (List<Object>) edit.get("entities");
        entities.add(ModerationApi.entity("REPORT", "Воронка продаж"));
        expect(api.edit(partnerUser, configurationId, edit), 200);
        JsonNode form = api.formVariables(partnerUser, reviseId);
        assertThat(form.at("/" + ConfigurationModerationProcess.TITLE.name() + "/value").asText())
                .as("the form shows the settings as they are now").isEqualTo("Продажи и отчеты " + partner.getCode());
        assertThat(form.at("/" + ConfigurationModerationProcess.ENTITIES.name() + "/value").asText()).contains("Отчет «Воронка продаж»");

        Map<String, Object> submitted = new LinkedHashMap<>();
        for (var variable : List.of(ConfigurationModerationProcess.TITLE, ConfigurationModerationProcess.SHORT_DESCRIPTION,
                ConfigurationModerationProcess.FULL_DESCRIPTION, ConfigurationModerationProcess.CATEGORY,
                ConfigurationModerationProcess.INDUSTRY, ConfigurationModerationProcess.LINKS, ConfigurationModerationProcess.PRICE,
                ConfigurationModerationProcess.SUPPORT_CONTACT)) {
            submitted.put(variable.name(), string(form.at("/" + variable.name() + "/value").asText()));
        }
        submitted.put(ConfigurationModerationProcess.FREE.name(), ModerationApi.bool(form.at("/free/value").asBoolean()));
        submitted.put(ConfigurationModerationProcess.REVISION_ACTION.name(), string(RevisionAction.RESUBMIT.name()));
        expect(api.complete(partnerUser, reviseId, submitted), 204);

        JsonNode configuration = api.configuration(partnerUser, configurationId);
        assertThat(configuration.get("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(configuration.at("/content/title").asText()).isEqualTo("Продажи и отчеты " + partner.getCode());
        assertThat(configuration.at("/content/entities")).hasSize(3);
        String changes = api.formVariables(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText())
                .at("/" + ConfigurationModerationProcess.CHANGES.name() + "/value").asText();
        assertThat(changes).contains("Название: «Продажи " + partner.getCode() + "» → «Продажи и отчеты " + partner.getCode() + "»",
                "Добавлена сущность: Отчет «Воронка продаж»");
    }

    @Test
    void aNewRevisionOfAPublishedConfigurationIsModeratedWhileTheCatalogueKeepsTheOldOne() throws Exception {
        long configurationId = api.created(partnerUser, accountId, complete("Проекты " + partner.getCode()));
        long first = approve(configurationId);
        awaitEnded(first, Elements.END_PUBLISHED);
        assertThat(expect(api.get(null, "/api/catalogue/" + configurationId), 200).get("title").asText())
                .isEqualTo("Проекты " + partner.getCode());

        Map<String, Object> revision = complete("Проекты 2.0 " + partner.getCode());
        revision.put("category", Category.PROJECTS.name());
        @SuppressWarnings("unchecked")
        List<Object> entities = (List<Object>) revision.get("entities");
        entities.add(ModerationApi.entity("REPORT", "Загрузка сотрудников"));
        JsonNode edited = expect(api.edit(partnerUser, configurationId, revision), 200);
        assertThat(edited.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(edited.at("/published/title").asText()).isEqualTo("Проекты " + partner.getCode());
        assertThat(edited.at("/published/unpublishedChanges").asBoolean()).isTrue();
        assertThat(expect(api.get(null, "/api/catalogue/" + configurationId), 200).get("title").asText())
                .as("an edit is not published").isEqualTo("Проекты " + partner.getCode());

        JsonNode sent = expect(api.send(partnerUser, configurationId), 200);
        long second = sent.at("/moderation/id").asLong();
        assertThat(second).as("a new moderation").isNotEqualTo(first);
        assertThat(sent.get("status").asText()).isEqualTo("IN_MODERATION");
        JsonNode entry = expect(api.get(null, "/api/catalogue/" + configurationId), 200);
        assertThat(entry.get("title").asText()).as("the catalogue keeps the approved revision").isEqualTo("Проекты " + partner.getCode());
        assertThat(entry.get("category").asText()).isEqualTo(Category.SERVICE.name());
        assertThat(entry.get("entities")).hasSize(2);
        assertThat(catalogue()).contains(configurationId);
        JsonNode review = api.task(moderator, second, Elements.REVIEW);
        String changes = api.formVariables(moderator, review.get("id").asText())
                .at("/" + ConfigurationModerationProcess.CHANGES.name() + "/value").asText();
        assertThat(changes).startsWith("Новая редакция опубликованной конфигурации.")
                .contains("Название: «Проекты " + partner.getCode() + "» → «Проекты 2.0 " + partner.getCode() + "»",
                        "Категория: «Сервис и поддержка клиентов» → «Управление проектами»",
                        "Добавлена сущность: Отчет «Загрузка сотрудников»");

        expect(api.complete(moderator, review.get("id").asText(), review(ReviewDecision.APPROVE, null)), 204);

        entry = expect(api.get(null, "/api/catalogue/" + configurationId), 200);
        assertThat(entry.get("title").asText()).isEqualTo("Проекты 2.0 " + partner.getCode());
        assertThat(entry.get("category").asText()).isEqualTo(Category.PROJECTS.name());
        assertThat(entry.get("entities")).hasSize(3);
        assertThat(expect(api.catalogue("?category=PROJECTS&search=" + partner.getCode()), 200).get("content").findValuesAsText("id"))
                .contains(String.valueOf(configurationId));
        assertThat(expect(api.catalogue("?category=SERVICE&search=" + partner.getCode()), 200).get("content").findValuesAsText("id"))
                .as("filtered on the published revision").doesNotContain(String.valueOf(configurationId));
        assertThat(api.configuration(partnerUser, configurationId).at("/published/unpublishedChanges").asBoolean()).isFalse();
        awaitEnded(second, Elements.END_PUBLISHED);
    }

    @Test
    void withdrawingWhileTheModeratorHasItEndsTheModeration() {
        long configurationId = api.created(partnerUser, accountId, complete("Отзыв " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        assertThat(api.task(moderator, moderationId, Elements.REVIEW)).isNotNull();

        ResponseEntity<JsonNode> withdrawn = api.withdraw(partnerUser, configurationId);

        assertThat(withdrawn.getStatusCode()).as("%s", withdrawn.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.getBody().at("/moderation/open").asBoolean()).isFalse();
        assertThat(api.tasks(moderator, moderationId)).as("the moderators' task is gone").isEmpty();
        HistoricProcessInstance instance = instance(moderationId);
        assertThat(instance.getEndTime()).isNotNull();
        assertThat(instance.getEndActivityId()).isEqualTo(Elements.END_WITHDRAWN);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(Elements.WITHDRAWN_DURING_REVIEW).count()).isOne();
        assertThat(api.configuration(partnerUser, configurationId).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.withdraw(partnerUser, configurationId).getStatusCode()).as("nothing left to withdraw").isEqualTo(HttpStatus.CONFLICT);
        assertThat(catalogue()).doesNotContain(configurationId);

        JsonNode again = expect(api.send(partnerUser, configurationId), 200);
        assertThat(again.get("status").asText()).as("a withdrawn configuration may be sent again").isEqualTo("IN_MODERATION");
        assertThat(again.at("/moderation/id").asLong()).isNotEqualTo(moderationId);
    }

    @Test
    void withdrawingFromTheRevisionTaskEndsTheModerationToo() {
        long configurationId = api.created(partnerUser, accountId, complete("Доработка " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.REQUEST_CHANGES, "Нужны скриншоты")), 204);
        JsonNode revise = api.awaitTask(partnerUser, moderationId, Elements.REVISE, partner.group());

        ResponseEntity<JsonNode> withdrawn = api.complete(partnerUser, revise.get("id").asText(),
                Map.of(ConfigurationModerationProcess.REVISION_ACTION.name(), string(RevisionAction.WITHDRAW.name())));

        assertThat(withdrawn.getStatusCode()).as("%s", withdrawn.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.configuration(partnerUser, configurationId).get("status").asText()).isEqualTo("WITHDRAWN");
        awaitEnded(moderationId, Elements.END_WITHDRAWN);
    }

    @Test
    void withdrawingOverTheApiWhileTheRevisionWaitsEndsTheModeration() {
        long configurationId = api.created(partnerUser, accountId, complete("Отзыв при доработке " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.REQUEST_CHANGES, "Уточните цену")), 204);
        api.awaitTask(partnerUser, moderationId, Elements.REVISE, partner.group());

        ResponseEntity<JsonNode> withdrawn = api.withdraw(partnerUser, configurationId);

        assertThat(withdrawn.getStatusCode()).as("%s", withdrawn.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.tasks(partnerUser, moderationId)).as("the revision task is gone").isEmpty();
        HistoricProcessInstance instance = instance(moderationId);
        assertThat(instance.getEndActivityId()).isEqualTo(Elements.END_WITHDRAWN);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(Elements.WITHDRAWN_DURING_REVISION).count()).isOne();
    }

    @Test
    void aRejectionNeedsAReasonWhichThePartnerReads() throws Exception {
        long configurationId = api.created(partnerUser, accountId, complete("Отказ " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        String reviewId = api.task(moderator, moderationId, Elements.REVIEW).get("id").asText();

        ResponseEntity<JsonNode> withoutReason = api.complete(moderator, reviewId, review(ReviewDecision.REJECT, null));

        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutReason.getBody().get("message").asText()).contains("Укажите причину отказа");
        assertThat(api.task(moderator, moderationId, Elements.REVIEW)).as("the task stays").isNotNull();
        assertThat(api.configuration(partnerUser, configurationId).get("status").asText()).isEqualTo("IN_MODERATION");

        ResponseEntity<JsonNode> rejected = api.complete(moderator, reviewId,
                review(ReviewDecision.REJECT, "Конфигурация дублирует стандартные возможности"));

        assertThat(rejected.getStatusCode()).as("%s", rejected.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode configuration = api.configuration(partnerUser, configurationId);
        assertThat(configuration.get("status").asText()).isEqualTo("REJECTED");
        assertThat(configuration.at("/moderation/rounds/0/decision").asText()).isEqualTo("REJECT");
        assertThat(configuration.at("/moderation/rounds/0/comment").asText()).isEqualTo("Конфигурация дублирует стандартные возможности");
        assertThat(configuration.has("published")).isFalse();
        assertThat(text(mailTo(MAIL, partner.getEmail(), "не допущена к публикации")))
                .contains("Отказ " + partner.getCode(), "Конфигурация дублирует стандартные возможности");
        awaitEnded(moderationId, Elements.END_REJECTED);
        assertThat(catalogue()).doesNotContain(configurationId);
        assertThat(api.get(null, "/api/catalogue/" + configurationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ---- issue 20: only certified partners send; unpublishing

    @Test
    void anUncertifiedPartnerIsRefusedOnEveryDoorUntilVendorStaffCertifyIt() {
        Partner uncertified = data.uncertifiedPartner();
        String user = data.partnerUser(uncertified);
        long account = api.account(user, "Аккаунт " + uncertified.getCode());
        long configurationId = api.created(user, account, complete("Несертифицированного " + uncertified.getCode()));
        String refusal = "могут только сертифицированные партнеры, а партнер " + uncertified.getName() + " не сертифицирован";

        ResponseEntity<JsonNode> overApi = api.send(user, configurationId);
        ResponseEntity<JsonNode> overEngineRest = api.startOverEngineRest(user, configurationId);
        ResponseEntity<JsonNode> overTasklistForm = api.exchange(user, org.springframework.http.HttpMethod.POST,
                "/engine-rest/process-definition/key/" + ConfigurationModerationProcess.KEY + "/submit-form",
                Map.of("variables", Map.of(ConfigurationModerationProcess.CONFIGURATION_ID.name(),
                        Map.of("value", configurationId, "type", "Long"))));

        assertThat(overApi.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(overApi.getBody().get("detail").asText()).contains(refusal);
        for (ResponseEntity<JsonNode> engine : List.of(overEngineRest, overTasklistForm)) {
            assertThat(engine.getStatusCode()).as("%s", engine.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(engine.getBody().get("message").asText()).contains(refusal);
        }
        JsonNode unchanged = api.configuration(user, configurationId);
        assertThat(unchanged.get("status").asText()).isEqualTo("DRAFT");
        assertThat(unchanged.has("moderation")).isFalse();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .startedBy(user).count()).as("no instance left behind").isZero();

        assertThat(api.certification(user, org.springframework.http.HttpMethod.PUT, uncertified.getCode()).getStatusCode())
                .as("a partner certifies itself").isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode certified = expect(api.certification("vera", org.springframework.http.HttpMethod.PUT, uncertified.getCode()), 200);
        assertThat(certified.get("certified").asBoolean()).isTrue();
        assertThat(certified.get("certifiedBy").asText()).isEqualTo("vera");

        assertThat(expect(api.send(user, configurationId), 200).get("status").asText()).isEqualTo("IN_MODERATION");
    }

    @Test
    void aModeratorUnpublishesWithAReasonThePublisherIsMailedAndSendsItAgain() throws Exception {
        long configurationId = api.created(partnerUser, accountId, complete("Снимаемая " + partner.getCode()));
        long firstModeration = approve(configurationId);
        awaitEnded(firstModeration, Elements.END_PUBLISHED);
        assertThat(catalogue()).contains(configurationId);

        ResponseEntity<JsonNode> withoutReason = api.unpublish(moderator, configurationId, null);
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutReason.getBody().get("detail").asText()).contains("Укажите причину");
        assertThat(catalogue()).as("a refusal changes nothing").contains(configurationId);

        JsonNode unpublished = expect(api.unpublish(moderator, configurationId, "Ссылки на скриншоты не открываются"), 200);

        assertThat(unpublished.get("status").asText()).isEqualTo("UNPUBLISHED");
        assertThat(unpublished.get("statusLabel").asText()).isEqualTo("Снята с публикации");
        assertThat(unpublished.has("published")).isFalse();
        assertThat(unpublished.at("/lastUnpublished/unpublishedBy").asText()).isEqualTo(moderator);
        assertThat(unpublished.at("/lastUnpublished/byModerator").asBoolean()).isTrue();
        assertThat(unpublished.at("/lastUnpublished/reason").asText()).isEqualTo("Ссылки на скриншоты не открываются");
        assertThat(unpublished.at("/moderation/unpublished/moderationId").asLong()).isEqualTo(firstModeration);
        assertThat(unpublished.at("/moderation/rounds/0/decision").asText()).as("the rounds keep the approval").isEqualTo("APPROVE");
        assertThat(catalogue()).doesNotContain(configurationId);
        assertThat(api.get(partnerUser, "/api/requests?kind=configurations&size=100").getBody().get("content"))
                .as("the one list of requests follows a change made outside the process")
                .anySatisfy(request -> {
                    assertThat(request.get("id").asLong()).isEqualTo(configurationId);
                    assertThat(request.get("status").asText()).isEqualTo("UNPUBLISHED");
                });
        assertThat(api.get(null, "/api/catalogue/" + configurationId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(text(mailTo(MAIL, partner.getEmail(), "снята с публикации")))
                .contains("Снимаемая " + partner.getCode(), "Ссылки на скриншоты не открываются");
        assertThat(api.unpublish(moderator, configurationId, "Еще раз").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        long secondModeration = approve(configurationId);

        assertThat(secondModeration).isNotEqualTo(firstModeration);
        awaitEnded(secondModeration, Elements.END_PUBLISHED);
        JsonNode republished = api.configuration(partnerUser, configurationId);
        assertThat(republished.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(republished.at("/lastUnpublished/reason").asText()).as("the record is kept").isEqualTo("Ссылки на скриншоты не открываются");
        assertThat(catalogue()).contains(configurationId);
    }

    @Test
    void thePublisherTakesItsConfigurationOutOfTheCatalogue() {
        long configurationId = api.created(partnerUser, accountId, complete("Своя " + partner.getCode()));
        awaitEnded(approve(configurationId), Elements.END_PUBLISHED);
        String colleague = data.partnerUser(partner);

        JsonNode unpublished = expect(api.unpublish(colleague, configurationId, null), 200);

        assertThat(unpublished.get("status").asText()).isEqualTo("UNPUBLISHED");
        assertThat(unpublished.at("/lastUnpublished/byModerator").asBoolean()).isFalse();
        assertThat(unpublished.at("/lastUnpublished/unpublishedBy").asText()).isEqualTo(colleague);
        assertThat(unpublished.at("/lastUnpublished/reason").isMissingNode()).isTrue();
        assertThat(catalogue()).doesNotContain(configurationId);
        awaitNothingPendingTo(partner.getEmail());
        assertThat(ModerationApi.mailsTo(MAIL, partner.getEmail())).as("no mail for its own decision")
                .noneMatch(mail -> subjectOf(mail).contains("снята с публикации"));
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the configuration and has a moderator approve it; the moderation's id. */
    private long approve(long configurationId) {
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.APPROVE, null)), 204);
        return moderationId;
    }

    private List<Long> catalogue() {
        return api.catalogued();
    }

    private static JsonNode single(JsonNode tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private HistoricProcessInstance instance(long moderationId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(moderationId)).singleResult();
    }

    private void awaitEnded(long moderationId, String endEvent) {
        await().atMost(ModerationApi.PATIENCE).untilAsserted(() -> {
            HistoricProcessInstance instance = instance(moderationId);
            assertThat(instance.getEndTime()).isNotNull();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId(endEvent).finished().count()).isOne();
        });
    }
}
