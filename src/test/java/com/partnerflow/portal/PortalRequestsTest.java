package com.partnerflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * «Заявки» (issue 22): the list as {@code GET /api/requests} gives it, with its filters refused in words next to their
 * fields; one request's page with its card, timeline, open tasks and documents; another partner's ids read «не найден».
 */
class PortalRequestsTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    TransferApi api;

    @BeforeEach
    void setUp() {
        api = new TransferApi(http);
    }

    @Test
    void theListShowsThePartnersRequestsWithTheirStatusStepAndWhoMustActAndFilters() {
        Partner current = data.partner();
        Subscriber client = data.subscriber(current);
        String employee = data.partnerUser(current);
        long transferId = api.awaitingAgreement(data.partnerUser(data.partner()), client.getNumber(), client.getName());
        String link = "/portal/requests/transfers/" + transferId + "\"";

        PortalSession session = PortalSession.of(port, employee);
        PortalSession.Page all = session.get("/portal/requests");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("Заявки: 1", link, client.getNumber() + " " + client.getName(),
                "Ждет согласия текущего партнера", "Согласовать перевод абонента", "партнер",
                "/camunda/app/tasklist/default/#/?processStart=subscriber-transfer", "/portal/configurations");

        assertThat(session.get("/portal/requests?kind=transfers&status=transfers:AWAITING_CURRENT_PARTNER&subscriber="
                + client.getNumber()).body()).contains(link);
        assertThat(session.get("/portal/requests?status=transfers:APPROVED").body()).contains("Таких заявок нет.").doesNotContain(link);
        assertThat(session.get("/portal/requests?since=2999-01-01").body()).doesNotContain(link);

        PortalSession.Page wrongKind = session.get("/portal/requests?kind=transfers&status=reconciliations:INVOICED");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body()).contains("id=\"status-error\"", "aria-describedby=\"status-error\"", "aria-invalid=\"true\"",
                "Этот статус — у заявок другого вида").doesNotContain(link);
        PortalSession.Page letters = session.get("/portal/requests?subscriber=abc&since=вчера");
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.body()).contains("id=\"since-error\"", "Дата — в виде ДД.ММ.ГГГГ", "value=\"abc\"").doesNotContain(link);
        PortalSession.Page subscriber = session.get("/portal/requests?subscriber=abc");
        assertThat(subscriber.status()).isEqualTo(400);
        assertThat(subscriber.body()).contains("id=\"subscriber-error\"", "номер абонента — от 1 до 32 цифр");
        assertThat(session.get("/portal/requests?page=-5").status()).isEqualTo(200);
    }

    @Test
    void aRequestsPageShowsItsCardTimelineOpenTasksAndDocumentsToItsPartiesOnly() {
        Partner current = data.partner();
        Subscriber client = data.subscriber(current);
        String employee = data.partnerUser(current);
        String stranger = data.partnerUser(data.partner());
        long transferId = api.awaitingAgreement(data.partnerUser(data.partner()), client.getNumber(), client.getName());
        String taskId = api.task(employee, transferId).get("id").asText();
        String path = "/portal/requests/transfers/" + transferId;

        PortalSession.Page page = PortalSession.of(port, employee).get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Перевод абонента № " + transferId, "Ждет согласия текущего партнера",
                "Ход заявки", "Проверить письмо клиента", "выполнена", "решение: передано дальше", "Вера",
                "Ваши открытые задачи по заявке", "/camunda/app/tasklist/default/#/?task=" + taskId,
                "Письмо клиента", "/api/transfers/" + transferId + "/letter", "/requests/transfers/" + transferId);

        PortalSession strangerSession = PortalSession.of(port, stranger);
        for (String typed : List.of(path, "/portal/requests/transfers/abc", "/portal/requests/nothing/" + transferId,
                "/portal/requests/transfers/99999999")) {
            PortalSession.Page refused = strangerSession.get(typed);
            assertThat(refused.status()).as(typed).isEqualTo(404);
            assertThat(refused.body()).as(typed).contains("Не найдено").doesNotContain(client.getName(), taskId);
        }
    }

    @Test
    void borisNeverSeesAlfasRequestsWhateverIdHeTypes() {
        List<JsonNode> alfaOnly = new ArrayList<>();
        api.get("anna", "/api/requests?size=100").getBody().get("content").forEach(request -> {
            boolean beta = false;
            for (JsonNode partner : request.get("partners")) {
                beta |= partner.asText().equals("BETA");
            }
            if (!beta) {
                alfaOnly.add(request);
            }
        });
        assertThat(alfaOnly).as("the demo gives ALFA requests BETA has no part in").isNotEmpty();

        PortalSession boris = PortalSession.of(port, "boris");
        String seen = boris.get("/portal/requests").body() + boris.get("/portal").body();
        int refused = 0;
        for (JsonNode request : alfaOnly) {
            String path = "/portal/requests/" + request.get("kind").asText() + "/" + request.get("id").asText();
            assertThat(seen).doesNotContain(path + "\"");
            // what the request's own GET refuses boris (a configuration of an account BETA is a member of it does not)
            boolean ownGetRefuses = api.get("boris", request.get("href").asText()).getStatusCode().value() == 404;
            PortalSession.Page typed = boris.get(path);
            assertThat(typed.status()).as(path).isEqualTo(ownGetRefuses ? 404 : 200);
            if (ownGetRefuses) {
                assertThat(typed.body()).as(path).contains("не найден");
                refused++;
            }
        }
        assertThat(refused).as("ALFA's transfers, applications and versions").isGreaterThanOrEqualTo(2);
        PortalSession.Page anna = PortalSession.of(port, "anna").get("/portal/requests/" + alfaOnly.get(0).get("kind").asText()
                + "/" + alfaOnly.get(0).get("id").asText());
        assertThat(anna.status()).isEqualTo(200);
    }

    @Test
    void theOneRequestEndpointReadsAsTheRequestsOwnGet() {
        Partner current = data.partner();
        Subscriber client = data.subscriber(current);
        String employee = data.partnerUser(current);
        long transferId = api.awaitingAgreement(data.partnerUser(data.partner()), client.getNumber(), client.getName());

        JsonNode one = api.get(employee, "/api/requests/transfers/" + transferId).getBody();
        assertThat(one.get("status").asText()).isEqualTo("AWAITING_CURRENT_PARTNER");
        assertThat(one.get("subscriber").asText()).isEqualTo(client.getNumber());
        assertThat(api.get(data.partnerUser(data.partner()), "/api/requests/transfers/" + transferId).getStatusCode().value()).isEqualTo(404);
        assertThat(api.get(employee, "/api/requests/transfers/x1").getStatusCode().value()).isEqualTo(404);
    }
}
