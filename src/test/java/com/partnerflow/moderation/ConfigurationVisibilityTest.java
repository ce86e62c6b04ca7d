package com.partnerflow.moderation;

import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.moderation.ModerationApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;

/**
 * Seed 000, «Особенности работы партнёров в аккаунте», over the real API with real users: a manager's
 * configurations are the manager's only; the partners of an account see and edit each other's; nobody sees what a
 * partner made in another account; a configuration stays bound to its creator. And the limits of an account of
 * type «Партнерская конфигурация»: 10 special employees, 1 contact with access, changed by the manager only.
 */
class ConfigurationVisibilityTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ModerationApi api;
    Partner managerPartner;
    Partner invitedA;
    Partner invitedB;
    String manager;
    String a;
    String b;
    String outsider;
    long accountId;
    long managersConfiguration;
    long configurationOfA;
    long configurationOfB;

    @BeforeEach
    void anAccountWithTwoInvitedPartnersAndAConfigurationOfEach() {
        api = new ModerationApi(http);
        managerPartner = data.partner();
        invitedA = data.partner();
        invitedB = data.partner();
        manager = data.partnerUser(managerPartner);
        a = data.partnerUser(invitedA);
        b = data.partnerUser(invitedB);
        outsider = data.partnerUser(data.partner());
        accountId = api.account(manager, "Общий аккаунт " + managerPartner.getCode());
        api.member(manager, accountId, invitedA.getCode(), a);
        api.member(manager, accountId, invitedB.getCode(), b);
        JsonNode account = api.configurationAccount(manager, accountId);
        assertThat(account.get("members").findValuesAsText("code")).containsExactly(invitedA.getCode(), invitedB.getCode());
        managersConfiguration = api.created(manager, accountId, complete("Управляющего " + managerPartner.getCode()));
        configurationOfA = api.created(a, accountId, complete("Партнера А " + invitedA.getCode()));
        configurationOfB = api.created(b, accountId, complete("Партнера Б " + invitedB.getCode()));
    }

    @Test
    void theManagersConfigurationsAreSeenByTheManagerOnly() {
        for (String invited : new String[] {a, b}) {
            assertThat(api.get(invited, "/api/configurations/" + managersConfiguration).getStatusCode())
                    .as("%s reads the manager's configuration", invited).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.listed(invited)).as("%s's list", invited).doesNotContain(managersConfiguration);
            assertThat(api.edit(invited, managersConfiguration, complete("Чужое")).getStatusCode())
                    .as("%s edits the manager's configuration", invited).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.configuration(manager, managersConfiguration).at("/content/title").asText())
                .isEqualTo("Управляющего " + managerPartner.getCode());
        assertThat(api.listed(manager)).contains(managersConfiguration);
        assertThat(api.configuration(manager, managersConfiguration).at("/content/title").asText())
                .as("not changed by the refused edits").isEqualTo("Управляющего " + managerPartner.getCode());
    }

    @Test
    void invitedPartnersSeeAndEditEachOthersConfigurations() {
        assertThat(api.listed(a)).contains(configurationOfA, configurationOfB).doesNotContain(managersConfiguration);
        assertThat(api.listed(b)).contains(configurationOfA, configurationOfB).doesNotContain(managersConfiguration);
        assertThat(api.configuration(a, configurationOfB).at("/creator/code").asText()).isEqualTo(invitedB.getCode());
        assertThat(api.configuration(b, configurationOfA).at("/creator/code").asText()).isEqualTo(invitedA.getCode());

        ResponseEntity<JsonNode> edited = api.edit(a, configurationOfB, complete("Исправлено партнером А"));

        assertThat(edited.getStatusCode()).as("%s", edited.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode seenByB = api.configuration(b, configurationOfB);
        assertThat(seenByB.at("/content/title").asText()).isEqualTo("Исправлено партнером А");
        assertThat(seenByB.get("updatedBy").asText()).isEqualTo(a);
        assertThat(seenByB.get("createdBy").asText()).isEqualTo(b);
        assertThat(seenByB.at("/creator/code").asText()).as("the creator stays").isEqualTo(invitedB.getCode());
        assertThat(api.get(a, "/api/configurations?own=true").getBody().get("content").findValuesAsText("id"))
                .as("editing does not make it A's own").containsExactly(String.valueOf(configurationOfA));
    }

    @Test
    void theManagerSeesAndEditsTheInvitedPartnersConfigurations() {
        assertThat(api.listed(manager)).contains(managersConfiguration, configurationOfA, configurationOfB);
        assertThat(api.configuration(manager, configurationOfA).at("/content/title").asText()).isEqualTo("Партнера А " + invitedA.getCode());

        expect(api.edit(manager, configurationOfA, complete("Поправил управляющий")), 200);

        JsonNode seenByA = api.configuration(a, configurationOfA);
        assertThat(seenByA.at("/content/title").asText()).isEqualTo("Поправил управляющий");
        assertThat(seenByA.at("/creator/code").asText()).isEqualTo(invitedA.getCode());
    }

    @Test
    void nobodySeesWhatAPartnerMadeInAnotherAccount() {
        long otherAccount = api.account(a, "Собственный аккаунт " + invitedA.getCode());
        long elsewhere = api.created(a, otherAccount, complete("В другом аккаунте " + invitedA.getCode()));

        assertThat(api.configuration(a, elsewhere).get("accountId").asLong()).isEqualTo(otherAccount);
        assertThat(api.listed(a)).contains(elsewhere, configurationOfA, configurationOfB);
        for (String other : new String[] {manager, b}) {
            assertThat(api.get(other, "/api/configurations/" + elsewhere).getStatusCode())
                    .as("%s reads it", other).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.listed(other)).as("%s's list", other).doesNotContain(elsewhere);
            assertThat(api.edit(other, elsewhere, complete("Чужое")).getStatusCode()).as("%s edits it", other)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.get(other, "/api/configuration-accounts/" + otherAccount).getStatusCode())
                    .as("%s reads the other account", other).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.create(other, otherAccount, complete("Туда же")).getStatusCode())
                    .as("%s creates in the other account", other).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void theCreatorStaysBoundAndAloneSendsItToModeration() {
        expect(api.edit(a, configurationOfB, complete("Правка А перед отправкой")), 200);
        assertThat(api.configuration(b, configurationOfB).at("/creator/code").asText()).isEqualTo(invitedB.getCode());

        for (String notCreator : new String[] {a, manager}) {
            ResponseEntity<JsonNode> refused = api.send(notCreator, configurationOfB);
            assertThat(refused.getStatusCode()).as("%s sends B's configuration", notCreator).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("detail").asText()).contains("только создавший ее партнер", invitedB.getName());
        }
        assertThat(api.configuration(b, configurationOfB).get("status").asText()).isEqualTo("DRAFT");
        assertThat(api.configuration(b, configurationOfB).has("moderation")).isFalse();

        String colleagueOfB = data.partnerUser(invitedB);
        ResponseEntity<JsonNode> sent = api.send(colleagueOfB, configurationOfB);

        assertThat(sent.getStatusCode()).as("any employee of the creator's partner: %s", sent.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(sent.getBody().get("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(sent.getBody().at("/moderation/rounds/0/submittedBy").asText()).isEqualTo(colleagueOfB);
        assertThat(api.withdraw(a, configurationOfB).getStatusCode()).as("A withdraws it").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.configuration(b, configurationOfB).get("status").asText()).isEqualTo("IN_MODERATION");
        String moderator = data.user(com.partnerflow.security.Groups.MODERATORS);
        long moderationId = api.moderationId(b, configurationOfB);
        expect(api.complete(moderator, api.task(moderator, moderationId, ConfigurationModerationProcess.Elements.REVIEW).get("id").asText(),
                ModerationApi.review(ReviewDecision.REQUEST_CHANGES, "Доработайте")), 204);
        String reviseId = api.awaitTask(b, moderationId, ConfigurationModerationProcess.Elements.REVISE, invitedB.group()).get("id").asText();
        assertThat(api.tasks(a, moderationId)).as("A gets no revision task of B's configuration").isEmpty();
        expect(api.edit(a, configurationOfB, complete("Доработал партнер А")), 200);
        assertThat(api.formVariables(b, reviseId).at("/" + ConfigurationModerationProcess.TITLE.name() + "/value").asText())
                .as("B's revision form shows A's edit").isEqualTo("Доработал партнер А");
        assertThat(api.send(a, configurationOfB).getStatusCode()).as("A sends it again").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.withdraw(a, configurationOfB).getStatusCode()).as("A withdraws it").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.configuration(b, configurationOfB).get("status").asText()).isEqualTo("CHANGES_REQUESTED");
        JsonNode resent = expect(api.send(b, configurationOfB), 200);
        assertThat(resent.get("status").asText()).isEqualTo("IN_MODERATION");
        assertThat(resent.at("/content/title").asText()).isEqualTo("Доработал партнер А");
        assertThat(resent.at("/creator/code").asText()).isEqualTo(invitedB.getCode());
        assertThat(api.withdraw(b, configurationOfB).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRemovedPartnersConfigurationsStayBoundToItAndLeaveTheAccount() {
        expect(api.removeMember(manager, accountId, invitedA.getCode()), 200);

        assertThat(api.listed(a)).as("A keeps what it made").contains(configurationOfA).doesNotContain(configurationOfB);
        assertThat(api.configuration(a, configurationOfA).at("/creator/code").asText()).isEqualTo(invitedA.getCode());
        assertThat(api.get(a, "/api/configurations/" + configurationOfB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(a, "/api/configuration-accounts/" + accountId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (String remaining : new String[] {manager, b}) {
            assertThat(api.listed(remaining)).as("%s's list", remaining).doesNotContain(configurationOfA);
            assertThat(api.get(remaining, "/api/configurations/" + configurationOfA).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.listed(b)).contains(configurationOfB);
        assertThat(expect(api.send(a, configurationOfA), 200).get("status").asText()).as("A still sends its own").isEqualTo("IN_MODERATION");
    }

    @Test
    void anOutsiderSeesNothing() {
        assertThat(api.listed(outsider)).doesNotContain(managersConfiguration, configurationOfA, configurationOfB);
        assertThat(api.get(outsider, "/api/configuration-accounts?size=100").getBody().get("content").findValuesAsText("id"))
                .doesNotContain(String.valueOf(accountId));
        assertThat(api.get(outsider, "/api/configuration-accounts/" + accountId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (long id : new long[] {managersConfiguration, configurationOfA, configurationOfB}) {
            assertThat(api.get(outsider, "/api/configurations/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.edit(outsider, id, complete("Взлом")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.send(outsider, id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.withdraw(outsider, id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.create(outsider, accountId, complete("Без приглашения")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.invite(outsider, accountId, data.partner().getCode()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.configuration(a, configurationOfA).at("/content/title").asText()).isEqualTo("Партнера А " + invitedA.getCode());
    }

    @Test
    void anAccountHoldsTenSpecialEmployeesAndOneContactAddedByTheManager() {
        for (int i = 1; i <= 10; i++) {
            expect(api.addEmployee(manager, accountId, "Сотрудник " + i), 200);
            if (i == 5) {
                assertThat(api.addEmployee(manager, accountId, "сотрудник 1").getStatusCode()).as("the same name")
                        .isEqualTo(HttpStatus.CONFLICT);
            }
        }

        ResponseEntity<JsonNode> eleventh = api.addEmployee(manager, accountId, "Сотрудник 11");

        assertThat(eleventh.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(eleventh.getBody().get("detail").asText()).contains("не более 10", "сотрудников специального типа");
        JsonNode account = expect(api.get(manager, "/api/configuration-accounts/" + accountId), 200);
        assertThat(account.get("employees")).hasSize(10);
        assertThat(account.get("employees").findValuesAsText("name")).doesNotContain("Сотрудник 11");
        assertThat(account.get("employeesMax").asInt()).isEqualTo(10);
        assertThat(account.get("typeLabel").asText()).isEqualTo("Партнерская конфигурация");

        expect(api.addContact(manager, accountId, "Тестовый клиент", "client@example.test"), 200);
        ResponseEntity<JsonNode> secondContact = api.addContact(manager, accountId, "Второй клиент", "second@example.test");

        assertThat(secondContact.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(secondContact.getBody().get("detail").asText()).contains("только 1 контакт", "Тестовый клиент");
        ResponseEntity<JsonNode> removed = api.exchange(manager, org.springframework.http.HttpMethod.DELETE,
                "/api/configuration-accounts/" + accountId + "/employees/Сотрудник 3", null);
        assertThat(removed.getStatusCode()).as("%s", removed.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode withEleven = expect(api.addEmployee(manager, accountId, "Сотрудник 11"), 200);
        assertThat(withEleven.get("employees").findValuesAsText("name")).hasSize(10).contains("Сотрудник 11").doesNotContain("Сотрудник 3");
        assertThat(expect(api.get(manager, "/api/configuration-accounts/" + accountId), 200).get("employees").findValuesAsText("name"))
                .containsExactly("Сотрудник 1", "Сотрудник 2", "Сотрудник 4", "Сотрудник 5", "Сотрудник 6", "Сотрудник 7",
                        "Сотрудник 8", "Сотрудник 9", "Сотрудник 10", "Сотрудник 11");

        JsonNode contact = expect(api.get(a, "/api/configuration-accounts/" + accountId), 200).get("contact");
        assertThat(contact.get("name").asText()).isEqualTo("Тестовый клиент");
        assertThat(contact.get("email").asText()).isEqualTo("client@example.test");
    }

    @Test
    void onlyTheManagerChangesTheAccountsPeople() {
        ResponseEntity<JsonNode> employee = api.addEmployee(a, accountId, "Сотрудник от А");

        assertThat(employee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(employee.getBody().get("detail").asText()).contains("только управляющий", managerPartner.getName());
        assertThat(api.addContact(b, accountId, "Контакт от Б", "b@example.test").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.invite(a, accountId, data.partner().getCode()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode account = expect(api.get(manager, "/api/configuration-accounts/" + accountId), 200);
        assertThat(account.get("employees")).isEmpty();
        assertThat(account.has("contact")).isFalse();
        assertThat(account.get("members")).hasSize(2);
        assertThat(expect(api.addEmployee(manager, accountId, "Сотрудник от управляющего"), 200).get("employees")).hasSize(1);
    }

    @Test
    void invitedPartnersSeeTheAccountAndMayCreateInIt() {
        JsonNode seenByA = expect(api.get(a, "/api/configuration-accounts/" + accountId), 200);
        assertThat(seenByA.at("/manager/code").asText()).isEqualTo(managerPartner.getCode());
        assertThat(api.get(b, "/api/configuration-accounts?size=100").getBody().get("content").findValuesAsText("id")).contains(String.valueOf(accountId));
        assertThat(api.invite(manager, accountId, invitedA.getCode()).getStatusCode()).as("a member invited again").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.invite(manager, accountId, managerPartner.getCode()).getStatusCode()).as("the manager itself")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Map<String, Object> draft = Map.of("title", "Черновик Б");
        JsonNode created = expect(api.create(b, accountId, draft), 201);
        assertThat(created.at("/creator/code").asText()).isEqualTo(invitedB.getCode());
        assertThat(created.get("missingForPublication")).isNotEmpty();
    }
}
