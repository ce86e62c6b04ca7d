package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * Restricted applications (seed 002, «…могут только партнеры из списка»): a client whose data area runs one moves only
 * to a listed partner; vendor staff keep the list and the listed partners, partners only learn whether they are listed.
 */
class ApplicationRestrictionsTest extends IntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    TransferApi transfers;
    String vendor;
    String application;
    Subscriber client;
    Partner currentPartner;
    Partner newPartner;
    String newPartnerUser;

    @BeforeEach
    void aClientRunningAnApplicationTheVendorRestricts() {
        transfers = new TransferApi(http);
        vendor = data.user(Groups.VENDOR_STAFF);
        application = "Отраслевая программа " + SEQUENCE.incrementAndGet();
        currentPartner = data.partner();
        client = data.subscriber(currentPartner);
        data.dataArea(client, "Бухгалтерия предприятия");
        data.dataArea(client, application);
        newPartner = data.partner();
        newPartnerUser = data.partnerUser(newPartner);
    }

    @Test
    void aClientRunningARestrictedApplicationMovesOnlyToAListedPartner() {
        long id = restricted(vendor, application, "только партнеры с отраслевой компетенцией").getBody().get("id").asLong();

        ResponseEntity<JsonNode> refused = submitTransfer();

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").asText())
                .contains("«" + application + "»", "(условие фирмы: только партнеры с отраслевой компетенцией)", "не входит")
                .doesNotContain("Бухгалтерия предприятия");

        assertThat(call(vendor, HttpMethod.PUT, "/api/restricted-applications/" + id + "/partners/" + newPartner.getCode().toLowerCase(),
                null).getBody().get("partners")).as("a code as typed").extracting(JsonNode::asText).containsExactly(newPartner.getCode());

        ResponseEntity<JsonNode> accepted = submitTransfer();
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPartnerTakenOffTheListMeanwhileGetsNoClientTheCurrentPartnerAgreesTo() {
        long id = restricted(vendor, application, null).getBody().get("id").asLong();
        call(vendor, HttpMethod.PUT, "/api/restricted-applications/" + id + "/partners/" + newPartner.getCode(), null);
        long transferId = submitTransfer().getBody().get("id").asLong();
        transfers.complete("vera", transfers.task("vera", transferId).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), TransferApi.string("FORWARD")));
        call(vendor, HttpMethod.DELETE, "/api/restricted-applications/" + id + "/partners/" + newPartner.getCode(), null);
        String currentUser = data.partnerUser(currentPartner);
        String agreement = transfers.task(currentUser, transferId).get("id").asText();

        ResponseEntity<JsonNode> agreed = transfers.complete(currentUser, agreement,
                Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("AGREE")));

        assertThat(agreed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(agreed.getBody().get("message").asText()).contains("можно только отклонить", "«" + application + "»",
                "партнер «" + newPartner.getName() + "» в этот список не входит");
        assertThat(transfers.task(currentUser, transferId).get("id").asText()).as("the task stays").isEqualTo(agreement);
        assertThat(transfers.get(newPartnerUser, "/api/transfers/" + transferId).getBody().get("status").asText())
                .isEqualTo("AWAITING_CURRENT_PARTNER");
    }

    @Test
    void theSeedsListComesWithTheSchemaAndTheVendorPrefixDoesNotMakeASecondEntry() {
        JsonNode list = call(vendor, HttpMethod.GET, "/api/restricted-applications", null).getBody();

        assertThat(list).extracting(entry -> entry.get("name").asText())
                .contains("Комплексная автоматизация", "Бухгалтерия предприятия КОРП", "ERP Управление предприятием");
        ResponseEntity<JsonNode> again = restricted(vendor, "1С:ERP управление предприятием", null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(restricted(vendor, " ", null).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void onlyVendorStaffKeepTheListAndAPartnerLearnsOnlyWhetherItIsListed() {
        long id = restricted(vendor, application, null).getBody().get("id").asLong();
        call(vendor, HttpMethod.PUT, "/api/restricted-applications/" + id + "/partners/" + newPartner.getCode(), null);
        String stranger = data.partnerUser(data.partner());

        assertThat(restricted(stranger, "Своя программа " + SEQUENCE.incrementAndGet(), null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(stranger, HttpMethod.PUT, "/api/restricted-applications/" + id + "/partners/" + data.partner().getCode(), null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(newPartnerUser, HttpMethod.DELETE, "/api/restricted-applications/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode asStranger = entry(stranger, id);
        JsonNode asListed = entry(newPartnerUser, id);
        assertThat(asStranger.get("youAreListed").asBoolean()).isFalse();
        assertThat(asListed.get("youAreListed").asBoolean()).isTrue();
        assertThat(asStranger.has("partners")).as("competitors stay unnamed").isFalse();

        assertThat(call(vendor, HttpMethod.DELETE, "/api/restricted-applications/" + id + "/partners/" + newPartner.getCode(), null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(entry(newPartnerUser, id).get("youAreListed").asBoolean()).isFalse();
        assertThat(call(vendor, HttpMethod.DELETE, "/api/restricted-applications/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submitTransfer().getStatusCode()).as("the restriction lifted").isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<JsonNode> submitTransfer() {
        return transfers.submit(newPartnerUser, TransferApi.letter(client.getNumber(), client.getName()), "письмо.pdf", TransferApi.PDF);
    }

    private JsonNode entry(String user, long id) {
        for (JsonNode entry : call(user, HttpMethod.GET, "/api/restricted-applications", null).getBody()) {
            if (entry.get("id").asLong() == id) {
                return entry;
            }
        }
        throw new AssertionError("restriction " + id + " not listed for " + user);
    }

    private ResponseEntity<JsonNode> restricted(String user, String name, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("note", note);
        return call(user, HttpMethod.POST, "/api/restricted-applications", body);
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
