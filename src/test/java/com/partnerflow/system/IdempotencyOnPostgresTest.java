package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.PostgresIntegrationTest;
import com.partnerflow.Race;
import com.partnerflow.TestData;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * A double-clicked submission on PostgreSQL: the twin's insert of the key waits on the unique index until the first
 * request commits, then finds the key and replays the first answer. So both clicks get the same 201 (on H2, which
 * does not wait, the twin may get a 409 instead: {@link IdempotencyTest}).
 */
class IdempotencyOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    HistoryService history;

    @RepeatedTest(3)
    void bothClicksOfADoubleClickGetTheSameTransferAndOnlyOneIsSubmitted() {
        TransferApi api = new TransferApi(http);
        String newUser = data.partnerUser(data.partner());
        Subscriber subscriber = data.subscriber(data.partner());
        String key = UUID.randomUUID().toString();

        List<ResponseEntity<JsonNode>> answers = Race.of(
                () -> api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "letter.pdf", TransferApi.PDF, key),
                () -> api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "letter.pdf", TransferApi.PDF, key));

        assertThat(answers).as(answers.toString()).allMatch(answer -> answer.getStatusCode().value() == 201);
        long id = answers.get(0).getBody().get("id").asLong();
        assertThat(answers.get(1).getBody().get("id").asLong()).isEqualTo(id);
        assertThat(answers).filteredOn(answer -> "true".equals(answer.getHeaders().getFirst(IdempotencyFilter.REPLAYED))).hasSize(1);
        JsonNode own = api.get(newUser, "/api/transfers?size=100").getBody().get("content");
        assertThat(StreamSupport.stream(own.spliterator(), false).map(transfer -> transfer.get("id").asLong())).containsExactly(id);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).count()).isOne();
    }
}
