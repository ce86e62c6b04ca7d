package com.partnerflow.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.partnerflow.document.Upload;
import com.partnerflow.security.DemoUsers;

/**
 * Transfer demo data (profile {@code demo}), after the subscribers: BETA's request for 1002 (the letter names BETA by name and
 * code) waits for vera's letter check, GAMMA's request for 1004 (by name only), its letter forwarded, waits for ALFA's
 * agreement (anna). Started as the partners would, so the
 * start listener checks and grants them as any submission. Only once.
 */
@Component
@Profile("demo")
class TransferDemoData {

    private static final Logger log = LoggerFactory.getLogger(TransferDemoData.class);

    /** A one-page PDF, enough for the content check and for a browser to open. */
    static final byte[] DEMO_LETTER = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private final TransferRequests transfers;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final DemoUsers users;
    private final Clock clock;

    TransferDemoData(TransferRequests transfers, RuntimeService runtimeService, TaskService taskService, DemoUsers users, Clock clock) {
        this.transfers = transfers;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(12)
    public void seed() {
        if (transfers.count() > 0 || !users.exists("boris")) {
            return;
        }
        start("boris", "1002", "ИП Сидоров Алексей Викторович", new RequestedPartner("Бета Консалт", "BETA"),
                "Переходим к партнеру, который ведет нашу бухгалтерию");
        String forwarded = start("gleb", "1004", "АО «Север»", new RequestedPartner("ООО «Гамма Учет»", null),
                "Смена обслуживающей организации по решению директора");
        users.as("vera", () -> taskService.complete(taskService.createTaskQuery().processInstanceId(forwarded).singleResult().getId(),
                TransferProcess.LETTER_DECISION.with(LetterDecision.FORWARD)));
        log.info("Transfer demo data seeded: BETA's request for 1002 at the letter check, GAMMA's for 1004 at ALFA's agreement");
    }

    private String start(String userId, String number, String name, RequestedPartner requested, String reason) {
        VariableMap variables = TransferProcess.SUBSCRIBER_NUMBER.with(number);
        TransferProcess.SUBSCRIBER_NAME.putIn(variables, name);
        TransferProcess.REQUESTED_PARTNER_NAME.putIn(variables, requested.name());
        TransferProcess.REQUESTED_PARTNER_CODE.putIn(variables, requested.code());
        TransferProcess.REASON.putIn(variables, reason);
        TransferProcess.LETTER_DATE.putIn(variables, LocalDate.now(clock).minusDays(2).toString());
        TransferProcess.LETTER.putIn(variables, new Upload("письмо-" + number + ".pdf", DEMO_LETTER));
        return users.as(userId, () -> runtimeService.startProcessInstanceByKey(TransferProcess.KEY, variables).getId());
    }
}
