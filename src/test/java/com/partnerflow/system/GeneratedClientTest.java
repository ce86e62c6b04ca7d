package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.HttpClientErrorException;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.generated.client.ApiClient;
import com.partnerflow.generated.client.api.PartnerflowApi;
import com.partnerflow.generated.client.api.PartnerflowApi.TransferListRequest;
import com.partnerflow.generated.client.api.PartnerflowApi.TransferSubmitRequest;
import com.partnerflow.generated.client.model.Problem;
import com.partnerflow.generated.client.model.TransferView;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * The Java client openapi-generator makes from the committed {@code docs/openapi.json} (in {@code generate-test-sources},
 * pom.xml), used as a partner's CRM would: it compiles, submits a transfer with its letter, finds it in the list, and
 * reads a problem (ADR 0045).
 */
class GeneratedClientTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired TestData data;

    @Test
    void aCrmSubmitsATransferFindsItInTheListAndReadsAProblem(@TempDir Path folder) throws Exception {
        Subscriber subscriber = data.subscriber(data.partner());
        PartnerflowApi api = client(data.partnerUser(data.partner()));
        Path letter = Files.write(folder.resolve("letter.pdf"), TransferApi.PDF);

        TransferView created = api.transferSubmit(new TransferSubmitRequest()
                .subscriberNumber(subscriber.getNumber()).subscriberName(subscriber.getName())
                .requestedPartnerName(TransferApi.REQUESTED_PARTNER_NAME).reason("Клиент переходит на обслуживание к нам")
                .letterDate(LocalDate.now().minusDays(1).toString()).letter(letter.toFile()));

        assertThat(created.getId()).isNotNull();
        assertThat(created.getSubscriber().getNumber()).isEqualTo(subscriber.getNumber());
        assertThat(api.transferList(new TransferListRequest().page(0).size(20)).getContent())
                .extracting(TransferView::getId).contains(created.getId());
        assertThatThrownBy(() -> api.transferGet(987_654_321L))
                .isInstanceOfSatisfying(HttpClientErrorException.NotFound.class, notFound -> {
                    Problem problem = notFound.getResponseBodyAs(Problem.class);
                    assertThat(problem.getType()).hasToString("urn:partnerflow:problem:not-found");
                    assertThat(problem.getStatus()).isEqualTo(404);
                    assertThat(problem.getDetail()).isNotBlank();
                });
    }

    private PartnerflowApi client(String user) {
        ApiClient client = new ApiClient();
        client.setBasePath("http://127.0.0.1:" + port);
        client.setUsername(user);
        client.setPassword(user);
        return new PartnerflowApi(client);
    }
}
