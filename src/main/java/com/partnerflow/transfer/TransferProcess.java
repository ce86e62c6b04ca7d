package com.partnerflow.transfer;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.partnerflow.document.FileVariable;
import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/subscriber-transfer.bpmn}: its key, element ids and typed variables,
 * used by the delegates and the tests alike. The business key is the transfer request's id.
 */
public final class TransferProcess {

    public static final String KEY = "subscriber-transfer";

    /** The submitting partner withdrew its request before a decision; sent by the system once the domain agreed. */
    public static final String MESSAGE_WITHDRAWN = "TransferWithdrawn";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_letterReceived";
        public static final String REVIEW_LETTER = "userTask_reviewLetter";
        public static final String CORRECT_REQUEST = "userTask_correctRequest";
        public static final String PARTNER_AGREEMENT = "userTask_partnerAgreement";
        public static final String PARTNER_ANSWER_OVERDUE = "boundaryEvent_partnerAnswerOverdue";
        public static final String RECORD_PARTNER_SILENCE = "serviceTask_recordPartnerSilence";
        public static final String VENDOR_DECISION = "userTask_vendorDecision";
        public static final String TRANSFER_SUBSCRIBER = "serviceTask_transferSubscriber";
        public static final String REJECT_TRANSFER = "serviceTask_rejectTransfer";
        public static final String NOTIFY_TRANSFERRED = "serviceTask_notifyTransferred";
        public static final String NOTIFY_REJECTED = "serviceTask_notifyRejected";
        public static final String END_TRANSFERRED = "endEvent_subscriberTransferred";
        public static final String END_REJECTED = "endEvent_transferRejected";
        public static final String CORRECTION_OVERDUE = "boundaryEvent_correctionOverdue";
        public static final String CLOSE_UNCORRECTED = "serviceTask_closeUncorrected";
        public static final String NOTIFY_UNCORRECTED = "serviceTask_notifyUncorrected";
        public static final String END_EXPIRED = "endEvent_transferExpired";
        public static final String WITHDRAWAL = "subProcess_withdrawal";
        public static final String NOTIFY_WITHDRAWN = "serviceTask_notifyWithdrawn";
        public static final String END_WITHDRAWN = "endEvent_transferWithdrawn";
        public static final String CORRECTED = "gateway_corrected";
        public static final String END_WITHDRAWN_ON_CORRECTION = "endEvent_withdrawnOnCorrection";
        /** A day (by default) before the agreement's timer: the current partner is reminded, the task stays. */
        public static final String PARTNER_ANSWER_REMINDER = "boundaryEvent_partnerAnswerReminder";
        public static final String REMIND_PARTNER = "serviceTask_remindPartnerAgreement";
        public static final String END_PARTNER_REMINDED = "endEvent_partnerReminded";
        /** A day (by default) before the correction's deadline: the submitter is reminded, the task stays. */
        public static final String CORRECTION_REMINDER = "boundaryEvent_correctionReminder";
        public static final String REMIND_CORRECTION = "serviceTask_remindCorrection";
        public static final String END_CORRECTION_REMINDED = "endEvent_correctionReminded";

        private Elements() {
        }
    }

    /** Filled in the start form (and by the correction form): what the client's letter says. */
    public static final ProcessVariable<String> SUBSCRIBER_NUMBER = ProcessVariable.string("subscriberNumber");
    public static final ProcessVariable<String> SUBSCRIBER_NAME = ProcessVariable.string("subscriberName");
    /** The partner the letter asks to move to: its name as the letter gives it, and its code if the letter gives one. */
    public static final ProcessVariable<String> REQUESTED_PARTNER_NAME = ProcessVariable.string("requestedPartnerName");
    public static final ProcessVariable<String> REQUESTED_PARTNER_CODE = ProcessVariable.string("requestedPartnerCode");
    public static final ProcessVariable<String> REASON = ProcessVariable.string("reason");
    /** ISO date, {@code 2026-11-20}. */
    public static final ProcessVariable<String> LETTER_DATE = ProcessVariable.string("letterDate");
    /** The scanned letter: a transient File variable, moved into the domain at once and never persisted. */
    public static final FileVariable LETTER = new FileVariable("letter");

    /**
     * The request's id, for the forms' links only. Steps read the id from the business key, which
     * nobody working a task can change; task workers can change variables.
     */
    public static final ProcessVariable<Long> TRANSFER_ID = ProcessVariable.longValue("transferId");

    /**
     * Shown beside the letter on the letter check, filled from the domain when the task is created: who submitted
     * (partner and employee) and the partner the letter names, in the same words so vendor staff compare them at a glance.
     */
    public static final ProcessVariable<String> SUBMITTED_BY_LABEL = ProcessVariable.string("submittedByLabel");
    public static final ProcessVariable<String> REQUESTED_PARTNER_LABEL = ProcessVariable.string("requestedPartnerLabel");
    /** The partner serving the subscriber today, in the same words: the letter check and the vendor's decision show both. */
    public static final ProcessVariable<String> CURRENT_PARTNER_LABEL = ProcessVariable.string("currentPartnerLabel");
    /** The letter's date as people read it, {@code дд.мм.гггг} ({@link #LETTER_DATE} stays ISO for the correction form). */
    public static final ProcessVariable<String> LETTER_DATE_LABEL = ProcessVariable.string("letterDateLabel");
    /**
     * The agreement form's deadline, {@code дд.мм.гггг ЧЧ:мм} Moscow time: when the current partner's silence timer
     * fires and vendor staff decide without it.
     */
    public static final ProcessVariable<String> ANSWER_DUE_LABEL = ProcessVariable.string("answerDueLabel");

    /** Decisions, one per task form, each with its own comment so forms never pre-fill another step's text. */
    public static final ProcessVariable<LetterDecision> LETTER_DECISION =
            ProcessVariable.enumValue("letterDecision", LetterDecision.class);
    public static final ProcessVariable<String> LETTER_COMMENT = ProcessVariable.string("letterComment");
    /** The correction form's choice; a REST client that sends none resubmits, as before it existed. */
    public static final ProcessVariable<CorrectionAction> CORRECTION_ACTION =
            ProcessVariable.enumValue("correctionAction", CorrectionAction.class);
    public static final ProcessVariable<PartnerAnswer> PARTNER_ANSWER =
            ProcessVariable.enumValue("partnerAnswer", PartnerAnswer.class);
    public static final ProcessVariable<String> PARTNER_COMMENT = ProcessVariable.string("partnerComment");
    public static final ProcessVariable<VendorDecision> VENDOR_DECISION =
            ProcessVariable.enumValue("vendorDecision", VendorDecision.class);
    public static final ProcessVariable<String> VENDOR_COMMENT = ProcessVariable.string("vendorComment");

    /**
     * What the start form (or the correction form) says about the letter, unchecked; the service
     * checks every field. The file is read from its transient variable.
     */
    public static SubmitTransfer submission(VariableScope scope) {
        return new SubmitTransfer(SUBSCRIBER_NUMBER.optionalFrom(scope).orElse(null),
                SUBSCRIBER_NAME.optionalFrom(scope).orElse(null), REQUESTED_PARTNER_NAME.optionalFrom(scope).orElse(null),
                REQUESTED_PARTNER_CODE.optionalFrom(scope).orElse(null), REASON.optionalFrom(scope).orElse(null),
                LETTER_DATE.optionalFrom(scope).orElse(null), LETTER.from(scope).orElse(null));
    }

    /** The id of the transfer request an execution works on: the instance's business key. */
    public static long transferId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long transferId(DelegateTask task) {
        return transferId(task.getExecution());
    }

    /** The variables a decision task sets; cleared when the task is created. */
    public static List<ProcessVariable<?>> decisionOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case Elements.REVIEW_LETTER -> List.of(LETTER_DECISION, LETTER_COMMENT);
            case Elements.CORRECT_REQUEST -> List.of(CORRECTION_ACTION);
            case Elements.PARTNER_AGREEMENT -> List.of(PARTNER_ANSWER, PARTNER_COMMENT);
            case Elements.VENDOR_DECISION -> List.of(VENDOR_DECISION, VENDOR_COMMENT);
            default -> List.of();
        };
    }

    /** The task a reminder step reminds of. */
    public static String taskRemindedBy(String reminderStep) {
        return switch (reminderStep) {
            case Elements.REMIND_PARTNER -> Elements.PARTNER_AGREEMENT;
            case Elements.REMIND_CORRECTION -> Elements.CORRECT_REQUEST;
            default -> throw new IllegalArgumentException("Not a reminder step: " + reminderStep);
        };
    }

    private TransferProcess() {
    }
}
