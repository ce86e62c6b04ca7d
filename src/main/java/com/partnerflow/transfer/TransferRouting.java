package com.partnerflow.transfer;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.partnerflow.system.Deadlines;
import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskDecisions;

/**
 * Which way the request goes, who works a task and how long the current partner has, read from the domain when the
 * engine needs it ({@code ${transferRouting.letterDecision(execution) == 'FORWARD'}} in the model). Not process
 * variables: anyone working a task may set variables, and must not be able to redirect a task
 * to another partner or shorten a deadline that way. Public: JUEL calls only public methods of public classes.
 */
@Component("transferRouting")
public class TransferRouting implements TaskDecisions {

    private final TransferService transfers;
    private final TransferSettings settings;
    private final Deadlines deadlines;

    TransferRouting(TransferService transfers, TransferSettings settings, Deadlines deadlines) {
        this.transfers = transfers;
        this.settings = settings;
        this.deadlines = deadlines;
    }

    @Override
    public String processKey() {
        return TransferProcess.KEY;
    }

    @Override
    public List<ProcessVariable<?>> of(String taskDefinitionKey) {
        return TransferProcess.decisionOf(taskDefinitionKey);
    }

    /** What the submitter did with the returned request, as the request recorded it: RESUBMIT or WITHDRAW. */
    public String correctionOutcome(DelegateExecution execution) {
        return switch (lastStep(execution)) {
            case CORRECTED -> CorrectionAction.RESUBMIT.name();
            case WITHDRAWN -> CorrectionAction.WITHDRAW.name();
            default -> throw notDecided(execution, "correction");
        };
    }

    /** What vendor staff decided on the letter, as the request recorded it. */
    public String letterDecision(DelegateExecution execution) {
        return switch (lastStep(execution)) {
            case LETTER_FORWARDED -> LetterDecision.FORWARD.name();
            case LETTER_RETURNED -> LetterDecision.RETURN.name();
            case LETTER_REJECTED -> LetterDecision.REJECT.name();
            default -> throw notDecided(execution, "letter review");
        };
    }

    /** What the current partner answered, as the request recorded it. */
    public String partnerAnswer(DelegateExecution execution) {
        return switch (lastStep(execution)) {
            case PARTNER_AGREED -> PartnerAnswer.AGREE.name();
            case PARTNER_OBJECTED -> PartnerAnswer.OBJECT.name();
            default -> throw notDecided(execution, "current partner's answer");
        };
    }

    /** What vendor staff decided on the transfer, as the request recorded it. */
    public String vendorDecision(DelegateExecution execution) {
        return switch (lastStep(execution)) {
            case VENDOR_APPROVED -> VendorDecision.APPROVE.name();
            case VENDOR_REJECTED -> VendorDecision.REJECT.name();
            default -> throw notDecided(execution, "vendor decision");
        };
    }

    private TransferEvent.Step lastStep(DelegateExecution execution) {
        return transfers.byId(TransferProcess.transferId(execution)).lastStep();
    }

    private static IllegalStateException notDecided(DelegateExecution execution, String decision) {
        return new IllegalStateException("Transfer " + execution.getProcessBusinessKey() + " has no recorded " + decision);
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

    /** How long the correction task waits before the request is closed: «10 working days» by default. */
    public String correctionTimeout() {
        return settings.correctionTimeout();
    }

    /** ISO-8601 duration of the boundary timer on the agreement task. */
    public String partnerAnswerTimeout() {
        return settings.partnerAnswerTimeout().toString();
    }

    /** When the agreement task's timer, started at {@code start}, hands the decision to vendor staff. */
    Instant partnerAnswerDeadline(Instant start) {
        return start.plus(settings.partnerAnswerTimeout());
    }

    /** When the correction task's timer, started at {@code start}, closes the request. */
    Instant correctionDeadline(Instant start) {
        return deadlines.after(start, settings.correctionTimeout());
    }

    /** When the current partner is reminded of the agreement task being created now (the reminder timer's date). */
    public Date partnerAnswerReminder(DelegateExecution execution) {
        Instant now = Deadlines.engineNow();
        return Date.from(deadlines.reminder(now, partnerAnswerDeadline(now)));
    }

    /** When the submitter is reminded of the correction task being created now (the reminder timer's date). */
    public Date correctionReminder(DelegateExecution execution) {
        Instant now = Deadlines.engineNow();
        return Date.from(deadlines.reminder(now, correctionDeadline(now)));
    }
}
