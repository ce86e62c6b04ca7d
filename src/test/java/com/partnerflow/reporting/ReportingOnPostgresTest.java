package com.partnerflow.reporting;

import static com.partnerflow.ApiLists.ids;
import static com.partnerflow.reporting.ReportingApi.application;
import static com.partnerflow.reporting.ReportingApi.approve;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.ApiLists;
import com.partnerflow.PostgresIntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/**
 * The reporting-extension application on PostgreSQL: the client applies over {@code /api} (users and roles in their
 * tables, the tier from the DMN), the partner approves through Tasklist's {@code submit-form}, the card shows the
 * product, the license charge is recorded, the client's users and the partner are mailed.
 */
class ReportingOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    @Test
    void theClientAppliesAndThePartnerApprovesMultiUserMode() {
        ReportingApi api = new ReportingApi(http);
        Partner partner = data.partner();
        String partnerUser = data.partnerUser(partner);
        Subscriber subscriber = data.subscriber(partner);
        String client = data.clientUser(subscriber);

        long id = api.submitted(client, application(subscriber.getNumber()));
        assertThat(api.submit(client, application(subscriber.getNumber())).getStatusCode())
                .as("one open application per subscriber").isEqualTo(HttpStatus.CONFLICT);
        JsonNode task = api.task(partnerUser, id);
        ResponseEntity<JsonNode> processed = api.submitTaskForm(partnerUser, task.get("id").asText(), approve(true, "TWO_TO_NINE"));

        assertThat(processed.getStatusCode()).as("%s", processed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(ids(new ApiLists(http).page(partnerUser, "/api/reporting-applications?status=ENABLED&subscriber="
                + subscriber.getNumber() + "&updatedSince=2020-01-01T00:00:00Z&sort=submitted"))).as("every filter on PostgreSQL")
                .containsExactly(id);
        JsonNode enabled = api.application(client, id);
        assertThat(enabled.get("status").asText()).isEqualTo("ENABLED");
        assertThat(enabled.get("users")).hasSize(3);
        assertThat(enabled.get("signatureRoles")).extracting(JsonNode::asText).containsExactly("SIGN", "ENCRYPT", "ADMINISTER");
        JsonNode product = api.reportingProduct(client, subscriber.getNumber());
        assertThat(product.get("multiUserMode").asText()).isEqualTo("Включен");
        assertThat(product.get("tier").asText()).isEqualTo("TWO_TO_NINE");
        assertThat(mailTo(client + "@users.test", "обработано")).isNotNull();
        assertThat(mailTo(partner.getEmail(), "обработано")).isNotNull();
    }
}
