package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Starts {@code subscriber-transfer} for an API submission exactly as the Tasklist start form
 * does, so one listener checks both. Runs as the authenticated user, who becomes the submitter.
 */
@Component
class TransferProcessStarter {

    private final RuntimeService runtimeService;

    TransferProcessStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Returns the id of the accepted transfer request (the instance's business key). */
    long start(SubmitTransfer command) {
        VariableMap variables = SUBSCRIBER_NUMBER.with(command.subscriberNumber());
        SUBSCRIBER_NAME.putIn(variables, command.subscriberName());
        REQUESTED_PARTNER_NAME.putIn(variables, command.requestedPartnerName());
        REQUESTED_PARTNER_CODE.putIn(variables, command.requestedPartnerCode());
        REASON.putIn(variables, command.reason());
        LETTER_DATE.putIn(variables, command.letterDate());
        LETTER.putIn(variables, command.letter());
        return Long.parseLong(runtimeService.startProcessInstanceByKey(KEY, variables).getBusinessKey());
    }
}
