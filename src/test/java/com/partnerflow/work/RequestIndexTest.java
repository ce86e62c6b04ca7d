package com.partnerflow.work;

import static com.partnerflow.transfer.TransferApi.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.RequestEvent;
import com.partnerflow.system.RequestEvent.Type;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * The index behind {@code GET /api/requests} stays right through every path of a transfer, in the transaction of each
 * step, and each change is told once with a {@link RequestEvent}.
 */
class RequestIndexTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    IndexedRequests index;
    @Autowired
    ApplicationEventMulticaster multicaster;
    @Autowired
    RepositoryService repository;

    TransferApi api;
    RecordedEvents events;
    Partner current;
    Partner newPartner;
    String currentUser;
    String newUser;
    Subscriber subscriber;

    @BeforeEach
    void freshPartnersAndSubscriber() {
        api = new TransferApi(http);
        events = new RecordedEvents(multicaster);
        current = data.partner();
        newPartner = data.partner();
        currentUser = data.partnerUser(current);
        newUser = data.partnerUser(newPartner);
        subscriber = data.subscriber(current);
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    /**
     * A message, a timer or a domain step may end a transaction at an asynchronous boundary before any task or end: the
     * index hears of the request there too (the withdrawal of a developer authorization waits at such an event).
     */
    @Test
    void catchEventsAndServiceStepsOfEveryModelTellTheIndex() {
        List<String> checked = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            ProcessDefinitionEntity parsed = (ProcessDefinitionEntity) repository.getProcessDefinition(definition.getId());
            for (ActivityImpl activity : activitiesOf(parsed)) {
                String type = String.valueOf(activity.getProperty("type"));
                if (type.equals("serviceTask") || type.startsWith("intermediate") && type.endsWith("Catch")
                        || type.equals("intermediateTimer") || type.equals("intermediateMessageCatch")) {
                    assertThat(activity.getBuiltInListeners(ExecutionListener.EVENTNAME_END))
                            .as("%s %s", definition.getKey(), activity.getId())
                            .anySatisfy(listener -> assertThat(listener.getClass().getName()).startsWith(RequestIndexPlugin.class.getName()));
                    checked.add(activity.getId());
                }
            }
        }
        assertThat(checked).contains("message_awaitWithdrawal", "serviceTask_notifyWithdrawn");
    }

    private static List<ActivityImpl> activitiesOf(ScopeImpl scope) {
        List<ActivityImpl> all = new ArrayList<>();
        for (ActivityImpl activity : scope.getActivities()) {
            all.add(activity);
            all.addAll(activitiesOf(activity));
        }
        return all;
    }

    @Test
    void anAgreedTransferIsIndexedAtEveryStepAndToldOncePerChange() {
        long id = submit();
        IndexedRequest submitted = row(id);
        assertThat(submitted.getStatus()).isEqualTo("LETTER_REVIEW");
        assertThat(submitted.getStatusLabel()).isEqualTo("Сотрудники фирмы проверяют письмо клиента");
        assertThat(submitted.getSubscriberNumber()).isEqualTo(subscriber.getNumber());
        assertThat(submitted.getCurrentStep()).startsWith("Проверить письмо");
        assertThat(submitted.getWaitingFor()).containsExactly(Party.VENDOR);
        assertThat(submitted.getHref()).isEqualTo("/api/transfers/" + id);
        assertThat(submitted.getReaders()).containsExactlyInAnyOrder(current.group(), newPartner.group());
        assertThat(events.of(RequestKind.TRANSFERS, id)).extracting(RequestEvent::type).containsExactly(Type.REQUEST_CREATED);
        RequestEvent created = events.of(RequestKind.TRANSFERS, id).get(0);
        assertThat(created.partners()).containsExactlyInAnyOrder(current.getCode(), newPartner.getCode());
        assertThat(created.data()).containsEntry("status", "LETTER_REVIEW").containsEntry("href", "/api/transfers/" + id);

        complete("vera", id, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        IndexedRequest forwarded = row(id);
        assertThat(forwarded.getStatus()).isEqualTo("AWAITING_CURRENT_PARTNER");
        assertThat(forwarded.getWaitingFor()).containsExactly(Party.PARTNER);
        assertThat(forwarded.getDueAt()).isNotNull();
        assertThat(forwarded.getUpdatedAt()).isAfterOrEqualTo(submitted.getUpdatedAt());
        List<RequestEvent> afterForward = events.of(RequestKind.TRANSFERS, id);
        assertThat(afterForward).extracting(RequestEvent::type)
                .containsExactly(Type.REQUEST_CREATED, Type.DECISION_MADE, Type.STATUS_CHANGED, Type.TASK_WAITING);
        assertThat(afterForward.get(2).data()).containsEntry("status", "AWAITING_CURRENT_PARTNER")
                .containsEntry("previousStatus", "LETTER_REVIEW");
        assertThat(afterForward.get(1).data()).containsEntry("decision", "FORWARD").containsEntry("taskKind", "TRANSFER_LETTER_REVIEW");
        assertThat(afterForward.get(1).partners()).containsExactlyInAnyOrder(current.getCode(), newPartner.getCode());
        RequestEvent waiting = afterForward.get(3);
        assertThat(waiting.partners()).as("only the partner asked").containsExactly(current.getCode());
        assertThat(waiting.data()).containsEntry("taskKind", "TRANSFER_AGREEMENT").containsKey("due");
        assertThat((String) waiting.data().get("name")).startsWith("Согласовать перевод");

        complete(currentUser, id, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("AGREE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).getStatus().equals("APPROVED") && row(id).getCurrentStep() == null);
        assertThat(row(id).getWaitingFor()).isEmpty();
        assertThat(row(id).getDueAt()).isNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.of(RequestKind.TRANSFERS, id))
                .extracting(RequestEvent::type).containsExactly(Type.REQUEST_CREATED, Type.DECISION_MADE, Type.STATUS_CHANGED,
                        Type.TASK_WAITING, Type.DECISION_MADE, Type.STATUS_CHANGED));
        assertThat(events.of(RequestKind.TRANSFERS, id).get(4).data()).containsEntry("decision", "AGREE");
    }

    @Test
    void aReturnedTransferWaitsForItsSubmitterAndLeavesTheWorkWhenWithdrawn() {
        long id = submit();
        complete("vera", id, Map.of(TransferProcess.LETTER_DECISION.name(), string("RETURN"),
                TransferProcess.LETTER_COMMENT.name(), string("Нет подписи директора")));
        IndexedRequest returned = row(id);
        assertThat(returned.getStatus()).isEqualTo("RETURNED_FOR_CORRECTION");
        assertThat(returned.getWaitingFor()).containsExactly(Party.PARTNER);
        assertThat(returned.getCurrentStep()).startsWith("Исправить запрос");
        RequestEvent decision = events.of(RequestKind.TRANSFERS, id).stream().filter(event -> event.type() == Type.DECISION_MADE)
                .findFirst().orElseThrow();
        assertThat(decision.data()).containsEntry("decision", "RETURN").containsEntry("comment", "Нет подписи директора");
        assertThat(events.of(RequestKind.TRANSFERS, id)).filteredOn(event -> event.type() == Type.TASK_WAITING)
                .singleElement().extracting(RequestEvent::partners).isEqualTo(Set.of(newPartner.getCode()));

        assertThat(http.exchange("/api/transfers/" + id + "/withdrawal", HttpMethod.POST, new HttpEntity<>(TransferApi.basic(newUser)),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).getCurrentStep() == null);
        assertThat(row(id).getStatus()).isEqualTo("WITHDRAWN");
        assertThat(events.of(RequestKind.TRANSFERS, id)).filteredOn(event -> event.type() == Type.STATUS_CHANGED)
                .extracting(event -> event.data().get("status")).containsExactly("RETURNED_FOR_CORRECTION", "WITHDRAWN");
    }

    @Test
    void aRejectedLetterClosesTheRequest() {
        long id = submit();
        complete("vera", id, Map.of(TransferProcess.LETTER_DECISION.name(), string("REJECT"),
                TransferProcess.LETTER_COMMENT.name(), string("Письмо не от клиента")));
        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).getStatus().equals("REJECTED"));
        assertThat(row(id).getCurrentStep()).isNull();
        assertThat(events.of(RequestKind.TRANSFERS, id)).filteredOn(event -> event.type() == Type.STATUS_CHANGED)
                .extracting(event -> event.data().get("status")).containsExactly("REJECTED");
    }

    @Test
    void anObjectionGoesToVendorStaffAndTheirApprovalMovesTheSubscriber() {
        long id = submit();
        complete("vera", id, Map.of(TransferProcess.LETTER_DECISION.name(), string("FORWARD")));
        complete(currentUser, id, Map.of(TransferProcess.PARTNER_ANSWER.name(), string("OBJECT"),
                TransferProcess.PARTNER_COMMENT.name(), string("Задолженность")));
        assertThat(row(id).getStatus()).isEqualTo("VENDOR_DECISION");
        assertThat(row(id).getWaitingFor()).containsExactly(Party.VENDOR);
        assertThat(row(id).getDueAt()).isNull();
        complete("vera", id, Map.of(TransferProcess.VENDOR_DECISION.name(), string("APPROVE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).getStatus().equals("APPROVED"));
        assertThat(events.of(RequestKind.TRANSFERS, id)).filteredOn(event -> event.type() == Type.DECISION_MADE)
                .extracting(event -> event.data().get("decision")).containsExactly("FORWARD", "OBJECT", "APPROVE");
    }

    private long submit() {
        var created = api.submit(newUser, TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    private void complete(String user, long id, Map<String, Object> variables) {
        assertThat(api.complete(user, api.task(user, id).get("id").asText(), variables).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private IndexedRequest row(long id) {
        return index.findByKindAndRequestId(RequestKind.TRANSFERS, String.valueOf(id)).orElseThrow();
    }
}
