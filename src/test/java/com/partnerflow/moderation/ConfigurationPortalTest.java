package com.partnerflow.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import com.partnerflow.IntegrationTest;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.portal.PortalSession;
import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;

/**
 * «Конфигурации» in the portal (ADR 0046) over HTTP as a browser sends its forms: anna of ALFA registers an account,
 * creates a configuration with entity rows, edits it and sends it to moderation (the moderator's task waits), and
 * answers a request for changes through the API's path; bad input is refused whole next to its fields; boris of BETA
 * typing ALFA's ids into the addresses and forms gets «не найдено» and changes nothing; a form without its CSRF token
 * is a 403.
 */
class ConfigurationPortalTest extends IntegrationTest {

    static final Caller ANNA = Caller.of("anna", List.of(Groups.PARTNERS, "partner-ALFA"));

    @LocalServerPort
    int port;
    @Autowired
    ConfigurationService configurations;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate http;

    PortalSession anna;
    long accountId;

    @BeforeEach
    void annaRegistersAnAccount() {
        anna = PortalSession.of(port, "anna");
        anna.get("/portal/configurations");
        PortalSession.Page registered = anna.post("/portal/configurations/accounts", Map.of("name", "Альфа: портал " + System.nanoTime()));
        assertThat(registered.status()).as("%s", registered).isEqualTo(302);
        accountId = idIn(registered.location(), "/portal/configurations/accounts/");
    }

    @Test
    void annaCreatesAConfigurationEditsItAndSendsItToTheModerator() {
        PortalSession.Page form = anna.get("/portal/configurations/accounts/" + accountId + "/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"title\">Название</label>", "Вид объекта 1", "Добавить объект", "Шаблон проекта");

        Map<String, String> filled = complete("Учет ремонтов");
        filled.put("addEntity", "1");
        PortalSession.Page twoRows = anna.post("/portal/configurations/accounts/" + accountId + "/new", filled);
        assertThat(twoRows.status()).isEqualTo(200);
        assertThat(twoRows.body()).contains("value=\"Учет ремонтов\"", "Вид объекта 3", "entities[2].kind");
        assertThat(count()).as("«Добавить объект» saves nothing").isZero();

        filled.remove("addEntity");
        PortalSession.Page created = anna.post("/portal/configurations/accounts/" + accountId + "/new", filled);
        assertThat(created.status()).as("%s", created).isEqualTo(302);
        long id = idIn(created.location(), "/portal/configurations/");
        Configuration saved = configurations.find(id, ANNA);
        assertThat(saved.getContent().getEntities()).extracting(ConfigurationEntity::name).containsExactly("Ремонт техники", "Мастера");
        assertThat(saved.getContent().getPrice()).isEqualByComparingTo("1500.50");
        assertThat(saved.getCreator().getCode()).isEqualTo("ALFA");
        PortalSession.Page page = anna.get("/portal/configurations/" + id);
        assertThat(page.body()).contains("Конфигурация «Учет ремонтов» создана.", "Черновик", "Ремонт техники", "1500.50 ₽",
                "Отправить на модерацию", "Конфигурация еще не отправлялась на модерацию.");

        assertThat(anna.get("/portal/configurations/" + id + "/edit").body()).contains("value=\"Учет ремонтов\"", "value=\"Мастера\"");
        Map<String, String> edited = complete("Учет ремонтов техники");
        edited.put("removeEntity", "1");
        PortalSession.Page oneRow = anna.post("/portal/configurations/" + id + "/edit", edited);
        assertThat(oneRow.body()).contains("value=\"Ремонт техники\"").doesNotContain("value=\"Мастера\"");
        edited.remove("removeEntity");
        edited.remove("entities[1].kind");
        edited.remove("entities[1].name");
        assertThat(anna.post("/portal/configurations/" + id + "/edit", edited).location()).endsWith("/portal/configurations/" + id);
        assertThat(configurations.find(id, ANNA).getContent().getTitle()).isEqualTo("Учет ремонтов техники");
        assertThat(configurations.find(id, ANNA).getContent().getEntities()).hasSize(1);

        anna.get("/portal/configurations/" + id);
        assertThat(anna.post("/portal/configurations/" + id + "/moderation", Map.of()).location()).endsWith("/portal/configurations/" + id);
        assertThat(configurations.find(id, ANNA).getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
        assertThat(anna.get("/portal/configurations/" + id).body()).contains("отправлена на модерацию", "На модерации",
                "Раунд 1", "Ждет решения модератора.", "Отозвать с модерации").doesNotContain(">Изменить</a>");
        assertThat(tasks.createTaskQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .taskDefinitionKey(Elements.REVIEW).taskCandidateUser("marina")
                .processVariableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), id).count()).isOne();
    }

    @Test
    void afterTheModeratorAsksForChangesTheEditAndSendingAnswerTheRevisionTask() {
        long id = created("Склад запчастей");
        anna.get("/portal/configurations/" + id);
        anna.post("/portal/configurations/" + id + "/moderation", Map.of());
        ModerationApi api = new ModerationApi(http);
        long moderationId = api.moderationId("anna", id);
        String review = api.awaitTask("marina", moderationId, Elements.REVIEW, Groups.MODERATORS).get("id").asText();
        ModerationApi.expect(api.complete("marina", review, ModerationApi.review(ReviewDecision.REQUEST_CHANGES, "Добавьте отчет по остаткам")), 204);
        api.awaitTask("anna", moderationId, Elements.REVISE, "partner-ALFA");

        PortalSession.Page page = anna.get("/portal/configurations/" + id);
        assertThat(page.body()).contains("Требует доработки", "Модератор просит доработать конфигурацию", "Добавьте отчет по остаткам",
                "Отправить на модерацию снова");
        Map<String, String> revised = complete("Склад запчастей");
        revised.put("entities[2].kind", "REPORT");
        revised.put("entities[2].name", "Остатки по складам");
        anna.get("/portal/configurations/" + id + "/edit");
        assertThat(anna.post("/portal/configurations/" + id + "/edit", revised).status()).isEqualTo(302);
        anna.get("/portal/configurations/" + id);
        assertThat(anna.post("/portal/configurations/" + id + "/moderation", Map.of()).status()).isEqualTo(302);

        assertThat(configurations.find(id, ANNA).getStatus()).isEqualTo(ConfigurationStatus.IN_MODERATION);
        assertThat(api.moderationId("anna", id)).as("the same moderation, a second round").isEqualTo(moderationId);
        assertThat(anna.get("/portal/configurations/" + id).body()).contains("Раунд 2", "Раунд 1", "Возвращена на доработку");
        assertThat(api.task("anna", moderationId, Elements.REVISE)).isNull();
    }

    @Test
    void invalidInputIsRefusedWholeNextToItsFieldsAndKeptInTheForm() {
        Map<String, String> bad = complete("x".repeat(101));
        bad.put("links", "javascript:alert(1)");
        bad.put("price", "-5");
        bad.put("entities[1].kind", "");
        PortalSession.Page refused = anna.post("/portal/configurations/accounts/" + accountId + "/new", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Конфигурация не сохранена",
                "id=\"title-error\"", "поле «Название» длиннее 100 символов",
                "id=\"links-error\"", "не адрес страницы или изображения",
                "id=\"price-error\"", "цена должна быть больше нуля",
                "id=\"entity1-error\"", "сущность № 2: не указан вид",
                "javascript:alert(1)</textarea>",
                "value=\"Мастера\"");
        assertThat(refused.body()).contains("id=\"title\" name=\"title\" maxlength=\"100\" value=\"" + "x".repeat(101) + "\" aria-invalid=\"true\"");
        assertThat(refused.body()).contains("id=\"entityKind1\" name=\"entities[1].kind\" aria-invalid=\"true\" aria-describedby=\"entity1-error\"");
        assertThat(refused.body()).doesNotContain("id=\"supportContact-error\"");

        Map<String, String> notANumber = complete("Дорогая конфигурация");
        notANumber.put("price", "дорого");
        PortalSession.Page price = anna.post("/portal/configurations/accounts/" + accountId + "/new", notANumber);
        assertThat(price.status()).isEqualTo(422);
        assertThat(price.body()).contains("id=\"price-error\"", "Цена «дорого» — не число", "value=\"дорого\"");
        assertThat(count()).as("nothing saved").isZero();

        long id = created("Пустая");
        Map<String, String> blank = new LinkedHashMap<>(Map.of("title", "Пустая"));
        anna.get("/portal/configurations/" + id + "/edit");
        assertThat(anna.post("/portal/configurations/" + id + "/edit", blank).status()).isEqualTo(302);
        PortalSession.Page incomplete = anna.post("/portal/configurations/" + id + "/moderation", Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body()).contains("нельзя отправить на модерацию. Не заполнено", "«Краткое описание»");
        assertThat(configurations.find(id, ANNA).getStatus()).isEqualTo(ConfigurationStatus.DRAFT);
    }

    @Test
    void borisTypingAlfasIdsGetsNotFoundAndChangesNothing() {
        long id = created("Секрет Альфы");
        PortalSession boris = PortalSession.of(port, "boris");
        assertThat(boris.get("/portal/configurations").body()).doesNotContain("Секрет Альфы", "CRM для студии");
        for (String path : List.of("/portal/configurations/" + id, "/portal/configurations/" + id + "/edit",
                "/portal/configurations/accounts/" + accountId, "/portal/configurations/accounts/" + accountId + "/new")) {
            PortalSession.Page page = boris.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Не найдено").doesNotContain("Секрет Альфы", "Мастера");
        }
        boris.get("/portal/configurations");
        Map<String, String> hostile = complete("Взлом");
        assertThat(boris.post("/portal/configurations/" + id + "/edit", hostile).status()).isEqualTo(404);
        assertThat(boris.post("/portal/configurations/" + id + "/moderation", Map.of()).status()).isEqualTo(404);
        assertThat(boris.post("/portal/configurations/" + id + "/withdrawal", Map.of()).status()).isEqualTo(404);
        assertThat(boris.post("/portal/configurations/accounts/" + accountId + "/new", hostile).status()).isEqualTo(404);
        assertThat(boris.post("/portal/configurations/accounts/" + accountId + "/members", Map.of("partnerCode", "BETA")).status()).isEqualTo(404);
        assertThat(boris.post("/portal/configurations/accounts/" + accountId + "/employees", Map.of("employeeName", "Шпион")).status()).isEqualTo(404);

        Configuration untouched = configurations.find(id, ANNA);
        assertThat(untouched.getContent().getTitle()).isEqualTo("Секрет Альфы");
        assertThat(untouched.getStatus()).isEqualTo(ConfigurationStatus.DRAFT);
        assertThat(count()).isOne();
        ConfigurationAccount account = configurations.account(accountId, ANNA);
        assertThat(account.getInvitations()).isEmpty();
        assertThat(account.getEmployees()).isEmpty();
        assertThat(PortalSession.of(port, "vera").get("/portal/configurations").status()).isEqualTo(403);
    }

    @Test
    void theManagerInvitesAPartnerWhoseEmployeeAcceptsOnItsOwnPage() {
        String account = "/portal/configurations/accounts/" + accountId;
        anna.get(account);
        PortalSession.Page unknown = anna.post(account + "/members", Map.of("partnerCode", "NOPE"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"partnerCode-error\"", "value=\"NOPE\"", "aria-invalid=\"true\"");
        assertThat(anna.post(account + "/members", Map.of("partnerCode", "GAMMA")).location()).endsWith(account);
        assertThat(anna.get(account).body()).contains("Партнер Гамма Учет приглашен", "Приглашение ждет ответа");
        long invitationId = configurations.account(accountId, ANNA).getInvitations().get(0).getId();

        PortalSession boris = PortalSession.of(port, "boris");
        boris.get("/portal/configurations");
        assertThat(boris.post("/portal/configurations/invitations/" + invitationId + "/acceptance", Map.of()).status()).isEqualTo(404);
        assertThat(boris.post("/portal/configurations/invitations/" + invitationId + "/withdrawal", Map.of()).status()).isEqualTo(404);

        PortalSession gleb = PortalSession.of(port, "gleb");
        assertThat(gleb.get(account).status()).as("invited, not yet a member").isEqualTo(404);
        assertThat(gleb.get("/portal/configurations").body()).contains("Альфа-Софт приглашает вашего партнера в аккаунт", "Принять");
        assertThat(gleb.post("/portal/configurations/invitations/" + invitationId + "/acceptance", Map.of()).location()).endsWith(account);
        assertThat(gleb.get(account).body()).contains("Приглашение принято", "Гамма Учет (GAMMA) — участник")
                .doesNotContain("Пригласить партнера");
        assertThat(configurations.account(accountId, ANNA).getMembers()).extracting(i -> i.getPartner().getCode()).containsExactly("GAMMA");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        long id = created("Без подделок");
        assertThat(anna.postRaw("/portal/configurations/accounts/" + accountId + "/new", complete("Подделка")).status()).isEqualTo(403);
        assertThat(anna.postRaw("/portal/configurations/" + id + "/edit", complete("Подделка")).status()).isEqualTo(403);
        assertThat(anna.postRaw("/portal/configurations/" + id + "/moderation", Map.of()).status()).isEqualTo(403);
        assertThat(count()).isOne();
        assertThat(configurations.find(id, ANNA).getContent().getTitle()).isEqualTo("Без подделок");
        assertThat(configurations.find(id, ANNA).getStatus()).isEqualTo(ConfigurationStatus.DRAFT);
    }

    /** Every field of the form filled in as a person types it, with two entity rows. */
    static Map<String, String> complete(String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("shortDescription", "Прием техники, ремонт и выдача");
        form.put("fullDescription", "Процесс ремонта, справочник мастеров, отчеты.");
        form.put("category", "SERVICE");
        form.put("industry", "SERVICES");
        form.put("links", "https://alfa.example/screens/1.png\nhttps://alfa.example/screens/2.png");
        form.put("price", "1 500,50");
        form.put("supportContact", "support@alfa.example");
        form.put("entities[0].kind", "PROCESS");
        form.put("entities[0].name", "Ремонт техники");
        form.put("entities[1].kind", "DIRECTORY");
        form.put("entities[1].name", "Мастера");
        return form;
    }

    private long created(String title) {
        anna.get("/portal/configurations/accounts/" + accountId + "/new");
        PortalSession.Page created = anna.post("/portal/configurations/accounts/" + accountId + "/new", complete(title));
        assertThat(created.status()).as("%s", created).isEqualTo(302);
        return idIn(created.location(), "/portal/configurations/");
    }

    private long count() {
        return configurations.list(ANNA, new ConfigurationFilter(false, null, accountId, null), PageRequest.of(0, 100)).getTotalElements();
    }

    private static long idIn(String location, String prefix) {
        return Long.parseLong(location.substring(location.indexOf(prefix) + prefix.length()));
    }
}
