package com.partnerflow.subscriber;

import static com.partnerflow.reporting.ReportingApi.application;
import static com.partnerflow.reporting.ReportingApi.approve;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.partner.Partner;
import com.partnerflow.reporting.ReportingApi;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferApi;

/**
 * Sub-account statuses (seed 003) change something: vendor staff change a subscriber's status with a reason, the
 * partner and the client see it with its history, and a subscriber that is not active can neither apply, nor be
 * approved (so nor charged), nor install, until vendor staff make it active again.
 */
class SubscriberStatusTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    SubscriberService subscribers;

    ReportingApi reporting;
    Partner partner;
    String partnerUser;
    Subscriber subscriber;
    String client;
    String vendor;

    @BeforeEach
    void anActiveSubscriberOfAPartner() {
        reporting = new ReportingApi(http);
        partner = data.partner();
        partnerUser = data.partnerUser(partner);
        subscriber = data.subscriber(partner);
        client = data.clientUser(subscriber);
        vendor = data.user(Groups.VENDOR_STAFF);
    }

    @Test
    void vendorStaffSuspendAndReactivateWithAReasonAndThePartnerSeesItWithItsHistory() {
        ResponseEntity<JsonNode> suspended = status(vendor, "SUSPENDED", "Партнер приостановил обслуживание: неоплата");

        assertThat(suspended.getStatusCode()).as("%s", suspended.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode card = reporting.get(partnerUser, "/api/subscribers/" + subscriber.getNumber()).getBody();
        assertThat(card.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(card.get("statusLabel").asText()).isEqualTo("Приостановлен");
        assertThat(card.get("statusHistory")).singleElement().satisfies(change -> {
            assertThat(change.get("from").asText()).isEqualTo("ACTIVE");
            assertThat(change.get("to").asText()).isEqualTo("SUSPENDED");
            assertThat(change.get("reason").asText()).isEqualTo("Партнер приостановил обслуживание: неоплата");
            assertThat(change.get("changedBy").asText()).isEqualTo(vendor);
        });
        assertThat(reporting.get(client, "/api/subscribers/" + subscriber.getNumber()).getBody().get("statusLabel").asText())
                .isEqualTo("Приостановлен");

        assertThat(status(vendor, "ACTIVE", "Оплата получена").getBody().get("statusHistory")).hasSize(2);
    }

    /** What the client's installation and removal forms offer without asking for a number. */
    @Test
    void aClientUserListsTheOrganizationsItActsForAndNobodyElseDoes() {
        Subscriber second = data.subscriber(partner);
        subscribers.addClientUser(second.getNumber(), client);

        for (String path : List.of("/api/subscribers", "/api/subscribers?own=true")) {
            JsonNode own = reporting.get(client, path).getBody().get("content");
            assertThat(own).hasSize(2);
            assertThat(own.get(0).get("number").asText()).isEqualTo(subscriber.getNumber());
            assertThat(own.get(0).get("name").asText()).isEqualTo(subscriber.getName());
            assertThat(own.get(0).get("statusLabel").asText()).isEqualTo("Активен");
            assertThat(own.get(1).get("number").asText()).isEqualTo(second.getNumber());
        }
        assertThat(reporting.get(partnerUser, "/api/subscribers?own=true").getBody().get("content")).isEmpty();
        assertThat(reporting.get(vendor, "/api/subscribers?own=true").getBody().get("content")).isEmpty();
    }

    @Test
    void onlyVendorStaffChangeAStatusAlwaysWithAReasonAndNobodyElseSeesTheCard() {
        String otherPartner = data.partnerUser(data.partner());

        assertThat(status(partnerUser, "ACTIVE", "Хочу").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(client, "INACTIVE", "Ухожу").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> noReason = status(vendor, "SUSPENDED", "  ");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noReason.getBody().get("detail").asText()).contains("причина смены статуса");
        assertThat(status(vendor, "ACTIVE", "Уже активен").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(status(vendor, null, "Без статуса").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<JsonNode> unknown = status(vendor, "FROZEN", "Заморозить");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("detail").asText())
                .isEqualTo("Неверный формат запроса. Поле «status» принимает только значения: ACTIVE, PENDING_CONFIRMATION, SUSPENDED, INACTIVE.");
        assertThat(reporting.get(otherPartner, "/api/subscribers/" + subscriber.getNumber()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode card = reporting.get(partnerUser, "/api/subscribers/" + subscriber.getNumber()).getBody();
        assertThat(card.get("status").asText()).as("refused calls change nothing").isEqualTo("ACTIVE");
        assertThat(card.get("statusHistory")).isEmpty();
    }

    @Test
    void aSubscriberThatIsNotActiveCannotApplyNorBeApprovedUntilItIsActiveAgain() {
        long open = reporting.submitted(client, application(subscriber.getNumber()));
        status(vendor, "PENDING_CONFIRMATION", "Клиент не подтвердил почту");

        ResponseEntity<JsonNode> applied = reporting.submit(client, application(subscriber.getNumber()));
        String taskId = reporting.task(partnerUser, open).get("id").asText();
        ResponseEntity<JsonNode> approved = reporting.submitTaskForm(partnerUser, taskId, approve(true, "TWO_TO_NINE"));

        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(applied.getBody().get("detail").asText()).contains("ожидает подтверждения клиентом");
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(approved.getBody().get("message").asText()).contains("Одобрить заявление нельзя");
        assertThat(reporting.application(client, open).get("status").asText()).as("no charge, no mode").isEqualTo("SUBMITTED");

        status(vendor, "ACTIVE", "Клиент подтвердил почту");

        assertThat(reporting.submitTaskForm(partnerUser, taskId, approve(true, "TWO_TO_NINE")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aSuspendedClientCannotInstallAnExtension() {
        ExtensionApi extensions = new ExtensionApi(http);
        String developer = data.developer(partner);
        long versionId = extensions.submitted(developer, extensions.registered(developer, "Выписки"),
                ExtensionApi.version("1.0", subscriber.getNumber()));
        String auditor = data.user(Groups.AUDITORS);
        extensions.submitTaskForm(auditor, extensions.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION)
                .get("id").asText(), ExtensionApi.audit("APPROVE", Map.of(), null));
        DataArea area = data.dataArea(subscriber, ExtensionApi.ACCOUNTING);
        status(vendor, "SUSPENDED", "Неоплата");

        ResponseEntity<JsonNode> installed = extensions.install(client, subscriber.getNumber(), area.getId(), versionId);

        assertThat(installed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(installed.getBody().get("detail").asText()).contains("приостановлен");
    }

    private ResponseEntity<JsonNode> status(String user, String status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("reason", reason);
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/subscribers/" + subscriber.getNumber() + "/status", HttpMethod.PUT,
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
