package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.portal.PortalSession;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;

/**
 * {@code /api/team} (ADR 0047): a partner's administrator adds an employee who sets a password through a single-use
 * invitation, deactivates and reactivates them, makes administrators; plain employees, tokens, staff and clients change
 * nothing, another partner's people and staff logins are not found, and no parameter puts anybody into another group.
 */
class TeamApiTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired TestData data;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    TeamApi team;
    Partner alfa;
    Partner beta;
    String alfaAdmin;
    String alfaEmployee;
    String betaAdmin;
    String betaEmployee;

    @BeforeEach
    void twoPartnersWithTheirAdministrators() {
        team = new TeamApi(http);
        alfa = data.partner();
        beta = data.partner();
        alfaAdmin = data.partnerAdministrator(alfa);
        alfaEmployee = data.partnerUser(alfa);
        betaAdmin = data.partnerAdministrator(beta);
        betaEmployee = data.partnerUser(beta);
    }

    @Test
    void anAdministratorAddsAnEmployeeWhoSetsAPasswordWithASingleUseInvitation() throws Exception {
        String login = fresh();
        ResponseEntity<JsonNode> added = team.add(alfaAdmin, TeamApi.employee(login));

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getHeaders().getLocation()).hasToString("/api/team/" + login);
        assertThat(added.getBody().get("status").asText()).isEqualTo("INVITED");
        assertThat(added.getBody().get("administrator").asBoolean()).isFalse();
        assertThat(groupsOf(login)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
        assertThat(identity.checkPassword(login, login)).as("nobody knows the first password").isFalse();

        String invitation = TeamApi.invitationPath(MAIL, login + "@team.test");
        PortalSession visitor = PortalSession.anonymous(port);
        PortalSession.Page page = visitor.get(invitation);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Здравствуйте, Алексей Кузьмин " + login, "«" + alfa.getName() + "»");
        assertThat(visitor.post(invitation, Map.of("password", "короткий", "repeated", "короткий")).status()).isEqualTo(422);
        assertThat(visitor.post(invitation, Map.of("password", "Пароль-2026!", "repeated", "Пароль-2027!")).body())
                .contains("пароли не совпадают");
        PortalSession.Page done = visitor.post(invitation, Map.of("password", "Пароль-2026!", "repeated", "Пароль-2026!"));
        assertThat(done.location()).endsWith("/portal/invitation/done");

        assertThat(identity.checkPassword(login, "Пароль-2026!")).isTrue();
        assertThat(team.get("/api/team/" + login, alfaEmployee).getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(PortalSession.anonymous(port).get(invitation).status()).as("the link works once").isEqualTo(404);
        assertThat(visitor.post(invitation, Map.of("password", "Другой-пароль-1", "repeated", "Другой-пароль-1")).status())
                .as("with the form's CSRF token, still once").isEqualTo(404);
        assertThat(identity.checkPassword(login, "Пароль-2026!")).isTrue();
    }

    @Test
    void aLoginThatExistsAnywhereIsTakenAndTheAnswerSaysNoMore() {
        long users = users();
        for (String taken : List.of(betaEmployee, alfaEmployee, "vera", "admin", "tokens")) {
            ResponseEntity<JsonNode> refused = team.add(alfaAdmin, TeamApi.employee(taken));
            assertThat(refused.getStatusCode()).as(taken).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("detail").asText()).isEqualTo("Сотрудник не добавлен: имя пользователя «" + taken
                    + "» уже занято: выберите другое.");
        }
        assertThat(groupsOf(betaEmployee)).containsExactlyInAnyOrder(Groups.PARTNERS, beta.group());
        assertThat(groupsOf("vera")).containsExactly(Groups.VENDOR_STAFF);
        assertThat(users()).isEqualTo(users);
    }

    @Test
    void badInputIsRefusedWholeNamingEveryField() {
        long users = users();
        ResponseEntity<JsonNode> refused = team.add(alfaAdmin, Map.of("userId", "Ivan Petrov", "firstName", " ", "email", "нет"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").asText()).contains("латинские строчные буквы", "укажите имя", "укажите фамилию",
                "адрес электронной почты");
        assertThat(users()).isEqualTo(users);
    }

    @Test
    void noParameterPutsTheNewEmployeeIntoAnyOtherGroup() {
        String login = fresh();
        Map<String, Object> body = new HashMap<>(TeamApi.employee(login));
        body.put("groups", List.of(Groups.ADMIN, Groups.VENDOR_STAFF, beta.group()));
        body.put("group", Groups.ADMIN);
        body.put("partnerCode", beta.getCode());
        body.put("administrator", true);
        assertThat(team.add(alfaAdmin, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(groupsOf(login)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());

        for (String group : List.of(Groups.ADMIN, Groups.VENDOR_STAFF, beta.group())) {
            String another = fresh();
            Map<String, Object> smuggling = new HashMap<>(TeamApi.employee(another));
            smuggling.put("groups", List.of(group));
            smuggling.put("groupId", group);
            assertThat(team.add(alfaAdmin, smuggling).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(groupsOf(another)).as(group).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
        }
        assertThat(membersOf(Groups.ADMIN)).containsExactly("admin");
    }

    @Test
    void aPlainEmployeeATokenStaffAndClientsChangeNothing() {
        String target = team.added(alfaAdmin, fresh()).get("userId").asText();
        String token = tokenOf(alfaAdmin);
        for (String user : List.of(alfaEmployee, "vera", "fedor", "ivan")) {
            for (Map.Entry<HttpMethod, String> action : actions(target)) {
                ResponseEntity<JsonNode> refused = team.call(action.getKey(), action.getValue(), user,
                        action.getValue().equals("/api/team") ? TeamApi.employee(fresh()) : null);
                assertThat(refused.getStatusCode()).as("%s %s by %s", action.getKey(), action.getValue(), user)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        for (Map.Entry<HttpMethod, String> action : actions(target)) {
            HttpHeaders headers = TransferApi.basic(null);
            headers.setBearerAuth(token);
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<JsonNode> refused = http.exchange(action.getValue(), action.getKey(), new HttpEntity<>(
                    action.getValue().equals("/api/team") ? TeamApi.employee(fresh()) : null, headers), JsonNode.class);
            assertThat(refused.getStatusCode()).as("%s %s with the administrator's token", action.getKey(), action.getValue())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(groupsOf(target)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
        assertThat(team.get("/api/team/" + target, alfaAdmin).getBody().get("status").asText()).isEqualTo("INVITED");
        assertThat(team.get("/api/team", "vera").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(team.get("/api/team", alfaEmployee).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anotherPartnersPeopleAndStaffAreNotFoundAndNothingChanges() {
        for (String stranger : List.of(alfaEmployee, alfaAdmin, "vera", "admin", "nobody" + fresh())) {
            assertThat(team.get("/api/team/" + stranger, betaAdmin).getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
            for (Map.Entry<HttpMethod, String> action : actions(stranger)) {
                if (action.getValue().equals("/api/team")) {
                    continue;
                }
                ResponseEntity<JsonNode> refused = team.call(action.getKey(), action.getValue(), betaAdmin, null);
                assertThat(refused.getStatusCode()).as("%s %s", action.getKey(), action.getValue()).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(refused.getBody().get("detail").asText()).isEqualTo("Сотрудник «" + stranger + "» не найден в команде партнера.");
            }
        }
        assertThat(groupsOf(alfaEmployee)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
        assertThat(groupsOf(alfaAdmin)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group(), Partner.administratorsGroupOf(alfa.getCode()));
        assertThat(identity.checkPassword(alfaEmployee, alfaEmployee)).isTrue();
        JsonNode betaTeam = team.get("/api/team?size=100", betaAdmin).getBody();
        assertThat(betaTeam.toString()).doesNotContain(alfaEmployee, alfaAdmin);
        assertThat(betaTeam.get("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void deactivationClosesEveryDoorAndHandsTheEmployeesTasksBack() {
        String token = tokenOf(alfaEmployee);
        Task task = tasks.newTask();
        task.setName("Проверка передачи задач");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), alfa.group());
        tasks.claim(task.getId(), alfaEmployee);
        try {
            ResponseEntity<JsonNode> deactivated = team.call(HttpMethod.POST, "/api/team/" + alfaEmployee + "/deactivation", alfaAdmin, null);

            assertThat(deactivated.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(deactivated.getBody().get("status").asText()).isEqualTo("DEACTIVATED");
            assertThat(deactivated.getBody().get("deactivatedBy").asText()).isEqualTo(alfaAdmin);
            assertThat(groupsOf(alfaEmployee)).isEmpty();
            assertThat(identity.checkPassword(alfaEmployee, alfaEmployee)).as("the login no longer opens anything").isFalse();
            HttpHeaders bearer = TransferApi.basic(null);
            bearer.setBearerAuth(token);
            assertThat(http.exchange("/api/team", HttpMethod.GET, new HttpEntity<>(bearer), JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(jdbc.queryForObject("select revoked_by from api_token where created_by = ?", String.class, alfaEmployee))
                    .isEqualTo(alfaAdmin);
            Task handedBack = tasks.createTaskQuery().taskId(task.getId()).singleResult();
            assertThat(handedBack.getAssignee()).isNull();
            assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup(alfa.group()).count()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from partner_membership where user_id = ?", Long.class, alfaEmployee)).isZero();
            assertThat(jdbc.queryForObject("select deactivated_by from team_deactivation where user_id = ?", String.class, alfaEmployee))
                    .isEqualTo(alfaAdmin);
            assertThat(team.call(HttpMethod.POST, "/api/team/" + alfaEmployee + "/deactivation", alfaAdmin, null).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);

            ResponseEntity<JsonNode> back = team.call(HttpMethod.POST, "/api/team/" + alfaEmployee + "/reactivation", alfaAdmin, null);
            assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(back.getBody().get("status").asText()).isEqualTo("INVITED");
            assertThat(groupsOf(alfaEmployee)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
            assertThat(TeamApi.invitationPath(MAIL, alfaEmployee + "@users.test")).matches(TeamApi.LINK);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            tasks.deleteTask(task.getId(), true);
        }
    }

    @Test
    void thePartnersLastAdministratorStays() {
        String self = "/api/team/" + alfaAdmin;
        ResponseEntity<JsonNode> refused = team.call(HttpMethod.POST, self + "/deactivation", alfaAdmin, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("единственный администратор партнера");
        assertThat(team.call(HttpMethod.DELETE, self + "/administrator", alfaAdmin, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> promoted = team.call(HttpMethod.PUT, "/api/team/" + alfaEmployee + "/administrator", alfaAdmin, null);
        assertThat(promoted.getBody().get("administrator").asBoolean()).isTrue();
        assertThat(team.call(HttpMethod.PUT, "/api/team/" + alfaEmployee + "/administrator", alfaAdmin, null).getStatusCode())
                .as("twice changes nothing").isEqualTo(HttpStatus.OK);
        assertThat(team.call(HttpMethod.DELETE, self + "/administrator", alfaAdmin, null).getBody().get("administrator").asBoolean()).isFalse();
        assertThat(groupsOf(alfaAdmin)).containsExactlyInAnyOrder(Groups.PARTNERS, alfa.group());
        assertThat(team.call(HttpMethod.POST, "/api/team", alfaAdmin, TeamApi.employee(fresh())).getStatusCode())
                .as("no longer an administrator").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void everyEmployeeSeesWhatEachColleagueCanDo() {
        String developer = data.developer(alfa);
        tokenOf(developer);
        JsonNode list = team.get("/api/team?size=100&sort=userId", alfaEmployee).getBody();
        assertThat(list.get("totalElements").asLong()).isEqualTo(3);
        Map<String, JsonNode> byLogin = new HashMap<>();
        list.get("content").forEach(member -> byLogin.put(member.get("userId").asText(), member));
        assertThat(byLogin.get(alfaAdmin).get("administrator").asBoolean()).isTrue();
        assertThat(byLogin.get(alfaEmployee).get("administrator").asBoolean()).isFalse();
        assertThat(byLogin.get(developer).get("developerAuthorization").asText()).isEqualTo("ACTIVE");
        assertThat(byLogin.get(developer).get("developerAuthorizationLabel").asText()).isEqualTo("Действует");
        assertThat(byLogin.get(developer).get("activeApiTokens").asLong()).isEqualTo(1);
        assertThat(byLogin.get(alfaEmployee).has("developerAuthorization")).isFalse();
        assertThat(team.get("/api/team?status=DEACTIVATED", alfaEmployee).getBody().get("totalElements").asLong()).isZero();
        assertThat(team.get("/api/team?sort=email", alfaEmployee).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theEnginesDoorsStillRefuseAnAdministratorManagingUsers() {
        HttpHeaders headers = TransferApi.basic(alfaAdmin);
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> user = Map.of("profile", Map.of("id", "intruder" + fresh()), "credentials", Map.of("password", "x"));
        assertThat(http.exchange("/engine-rest/user/create", HttpMethod.POST, new HttpEntity<>(user, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/engine-rest/group/" + Groups.ADMIN + "/members/" + alfaAdmin, HttpMethod.PUT,
                new HttpEntity<>(headers), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/engine-rest/group/" + alfa.group() + "/members/" + betaEmployee, HttpMethod.PUT,
                new HttpEntity<>(headers), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/engine-rest/user/" + alfaEmployee, HttpMethod.DELETE, new HttpEntity<>(headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(groupsOf(alfaAdmin)).doesNotContain(Groups.ADMIN);
        assertThat(groupsOf(betaEmployee)).doesNotContain(alfa.group());
    }

    private List<Map.Entry<HttpMethod, String>> actions(String userId) {
        String member = "/api/team/" + userId;
        return List.of(Map.entry(HttpMethod.POST, "/api/team"), Map.entry(HttpMethod.POST, member + "/deactivation"),
                Map.entry(HttpMethod.POST, member + "/reactivation"), Map.entry(HttpMethod.PUT, member + "/administrator"),
                Map.entry(HttpMethod.DELETE, member + "/administrator"), Map.entry(HttpMethod.POST, member + "/invitation"));
    }

    private String tokenOf(String user) {
        ResponseEntity<JsonNode> created = team.call(HttpMethod.POST, "/api/tokens", user, Map.of("name", "CRM"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("token").asText();
    }

    private List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private List<String> membersOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream().map(org.camunda.bpm.engine.identity.User::getId).toList();
    }

    private long users() {
        return identity.createUserQuery().count();
    }

    private static String fresh() {
        return "t" + Long.toString(System.nanoTime(), 36);
    }
}
