package com.partnerflow.work;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.Race;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/** {@code GET /api/tasks}, {@code GET /api/tasks/{id}}, claim and unclaim: per role, filters, races, refusals. */
class InboxTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    TransferApi api;
    Partner current;
    Partner taking;
    String currentUser;
    String colleague;
    String takingUser;
    long transfer;

    @BeforeEach
    void aTransferWaitingForTheCurrentPartner() {
        api = new TransferApi(http);
        current = data.partner();
        taking = data.partner();
        currentUser = data.partnerUser(current);
        colleague = data.partnerUser(current);
        takingUser = data.partnerUser(taking);
        Subscriber subscriber = data.subscriber(current);
        transfer = api.awaitingAgreement(takingUser, subscriber.getNumber(), subscriber.getName());
    }

    @Test
    void eachRoleSeesTheTasksItMayWorkOn() {
        assertThat(kinds("anna")).contains("TRANSFER_AGREEMENT", "APPLICATION_PROCESSING").doesNotContain("TRANSFER_LETTER_REVIEW");
        assertThat(tasks("anna")).allSatisfy(task -> assertThat(task.at("/request/partners").toString()).contains("\"ALFA\""));
        JsonNode application = tasks("anna").stream().filter(task -> task.get("kind").asText().equals("APPLICATION_PROCESSING"))
                .findFirst().orElseThrow();
        assertThat(application.at("/request/kind").asText()).isEqualTo("reporting-applications");
        assertThat(application.at("/request/subscriber").asText()).isEqualTo("1001");
        assertThat(application.get("description").asText()).isNotBlank();
        assertThat(application.get("tasklist").asText())
                .isEqualTo("https://partnerflow.test/camunda/app/tasklist/default/#/?task=" + application.get("id").asText());
        assertThat(application.get("decision").asText()).isEqualTo("/api/tasks/" + application.get("id").asText() + "/application-processing");

        assertThat(kinds("vera")).contains("TRANSFER_LETTER_REVIEW", "DEVELOPER_REVIEW").doesNotContain("TRANSFER_AGREEMENT", "APPLICATION_PROCESSING");
        assertThat(kinds("boris")).doesNotContain("TRANSFER_AGREEMENT", "APPLICATION_PROCESSING", "TRANSFER_LETTER_REVIEW");
        assertThat(tasks("boris")).allSatisfy(task -> assertThat(task.at("/request/partners").toString()).contains("\"BETA\""));
        assertThat(kinds("fedor")).allMatch(kind -> kind.startsWith("RECONCILIATION_"));
        assertThat(kinds("artem")).contains("VERSION_AUDIT");
        assertThat(page("ivan", "").get("totalElements").asLong()).as("clients decide nothing in a process").isZero();

        JsonNode mine = only(currentUser);
        assertThat(mine.get("kind").asText()).isEqualTo("TRANSFER_AGREEMENT");
        assertThat(mine.at("/request/id").asText()).isEqualTo(String.valueOf(transfer));
        assertThat(mine.at("/request/href").asText()).isEqualTo("/api/transfers/" + transfer);
        assertThat(mine.get("due").asText()).isNotBlank();
        assertThat(mine.get("name").asText()).startsWith("Согласовать перевод");
        assertThat(page(takingUser, "").get("totalElements").asLong()).as("the asking partner has nothing to do now").isZero();
    }

    @Test
    void filtersByKindAndDueAndSortsByDueWithTasksWithoutOneLast() {
        assertThat(page(currentUser, "?kind=TRANSFER_AGREEMENT").get("totalElements").asLong()).isEqualTo(1);
        assertThat(page(currentUser, "?kind=TRANSFER_LETTER_REVIEW").get("totalElements").asLong()).isZero();
        assertThat(page(currentUser, "?overdue=true").get("totalElements").asLong()).isZero();
        assertThat(page(currentUser, "?dueBefore=" + Instant.now().plusSeconds(3600 * 24 * 60)).get("totalElements").asLong()).isEqualTo(1);
        assertThat(page(currentUser, "?dueBefore=" + Instant.now()).get("totalElements").asLong()).isZero();

        List<JsonNode> all = new ArrayList<>();
        JsonNode first = page("anna", "?size=1");
        long total = first.get("totalElements").asLong();
        for (int number = 0; number < total; number++) {
            JsonNode onePage = page("anna", "?size=1&page=" + number);
            assertThat(onePage.get("content")).hasSize(1);
            all.add(onePage.get("content").get(0));
        }
        assertThat(all).extracting(task -> task.get("id").asText()).doesNotHaveDuplicates();
        List<String> dues = all.stream().map(task -> task.path("due").asText("")).toList();
        int firstWithout = dues.indexOf("");
        if (firstWithout >= 0) {
            assertThat(dues.subList(firstWithout, dues.size())).as("no due date last").allMatch(String::isEmpty);
        }
        List<String> withDue = dues.stream().filter(due -> !due.isEmpty()).toList();
        assertThat(withDue.stream().map(Instant::parse).toList()).isSorted();

        assertThat(api.get(currentUser, "/api/tasks?kind=LETTER").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get(currentUser, "/api/tasks?sort=due").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get(currentUser, "/api/tasks?dueBefore=tomorrow").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void oneTaskCarriesWhatItsDecisionNeedsAndOnlyForThoseWhoMayWorkOnIt() {
        String id = only(currentUser).get("id").asText();
        JsonNode task = api.get(currentUser, "/api/tasks/" + id).getBody();
        assertThat(task.at("/documents/letter").asText()).isEqualTo("/api/transfers/" + transfer + "/letter");
        assertThat(task.get("timeline").asText()).isEqualTo("/api/requests/transfers/" + transfer + "/timeline");
        assertThat(task.get("decision").asText()).isEqualTo("/api/tasks/" + id + "/transfer-agreement");
        assertThat(http.exchange(task.at("/documents/letter").asText(), HttpMethod.GET, new HttpEntity<>(TransferApi.basic(currentUser)),
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

        for (String outsider : List.of(takingUser, "anna", "ivan", data.partnerUser(data.partner()))) {
            ResponseEntity<JsonNode> refused = api.get(outsider, "/api/tasks/" + id);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getBody().get("detail").asText()).isEqualTo("Задача не найдена.");
            assertThat(post(outsider, id, "claim").getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.get(currentUser, "/api/tasks/no-such-task").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTaskIsClaimedAndGivenBackByItsHolderOnly() {
        String id = only(currentUser).get("id").asText();
        assertThat(post(currentUser, id, "claim").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(currentUser, id, "claim").getStatusCode()).as("again by its holder").isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode claimed = only(colleague);
        assertThat(claimed.get("claimedBy").asText()).isEqualTo(currentUser);
        assertThat(claimed.get("claimedByName").asText()).contains("(" + currentUser + ")");

        ResponseEntity<JsonNode> taken = post(colleague, id, "claim");
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody().get("detail").asText()).isEqualTo("Задачу уже взял в работу другой пользователь. Обновите список задач.");
        assertThat(post(colleague, id, "unclaim").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertThat(post(currentUser, id, "unclaim").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(only(colleague).has("claimedBy")).isFalse();
        assertThat(post(colleague, id, "unclaim").getStatusCode()).as("nobody holds it").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(colleague, id, "claim").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void twoColleaguesClaimingAtOnceGetOneTaskAndOneConflict() {
        String id = only(currentUser).get("id").asText();
        List<ResponseEntity<JsonNode>> answers = Race.of(() -> post(currentUser, id, "claim"), () -> post(colleague, id, "claim"));
        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> loser = answers.stream().filter(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
        assertThat(loser.getBody().get("detail").asText()).isEqualTo("Задачу уже взял в работу другой пользователь. Обновите список задач.");
        String winner = answers.get(0).getStatusCode() == HttpStatus.NO_CONTENT ? currentUser : colleague;
        assertThat(only(currentUser).get("claimedBy").asText()).isEqualTo(winner);
    }

    @Test
    void aTaskThatEndedIsAConflictInTheWordsOfTasklist() {
        String id = only(currentUser).get("id").asText();
        assertThat(api.complete(colleague, id, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> late = post(currentUser, id, "claim");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).startsWith("Задачу уже выполнил другой пользователь");
        assertThat(api.get(currentUser, "/api/tasks/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> post(String user, String taskId, String action) {
        return http.exchange("/api/tasks/" + taskId + "/" + action, HttpMethod.POST, new HttpEntity<>(TransferApi.basic(user)), JsonNode.class);
    }

    private JsonNode page(String user, String query) {
        ResponseEntity<JsonNode> response = api.get(user, "/api/tasks" + query);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<JsonNode> tasks(String user) {
        return StreamSupport.stream(page(user, "?size=100").get("content").spliterator(), false).toList();
    }

    private List<String> kinds(String user) {
        return tasks(user).stream().map(task -> task.get("kind").asText()).toList();
    }

    private JsonNode only(String user) {
        List<JsonNode> tasks = tasks(user);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }
}
