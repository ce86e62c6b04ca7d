package com.partnerflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works a task and how long the current partner has, read from the domain when the engine
 * needs it ({@code ${transferRouting.currentPartnerGroup(execution)}} in the model). Not process
 * variables: anyone working a task may set variables, and must not be able to redirect a task
 * to another partner or shorten a deadline that way. Public: JUEL calls only public methods of public classes.
 */
@Component("transferRouting")
public class TransferRouting {

    private final TransferService transfers;
    private final TransferSettings settings;

    TransferRouting(TransferService transfers, TransferSettings settings) {
        this.transfers = transfers;
        this.settings = settings;
    }

    /** Candidate group of the partner serving the subscriber: {@code partner-<CODE>}. */
    public String currentPartnerGroup(DelegateExecution execution) {
        return transfers.byId(TransferProcess.transferId(execution)).getFromPartner().group();
    }

    /** Candidate group of the submitting partner, whose colleagues may take a correction over. */
    public String newPartnerGroup(DelegateExecution execution) {
        return transfers.byId(TransferProcess.transferId(execution)).getToPartner().group();
    }

    public String submitter(DelegateExecution execution) {
        return transfers.byId(TransferProcess.transferId(execution)).getSubmittedBy();
    }

    /** ISO-8601 duration of the boundary timer on the agreement task. */
    public String partnerAnswerTimeout() {
        return settings.partnerAnswerTimeout().toString();
    }
}
