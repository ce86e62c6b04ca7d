package com.partnerflow.transfer;

import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/subscriber-transfer.bpmn}: its key, element ids and typed variables,
 * used by the delegates and the tests alike. The business key is the transfer request's id.
 */
public final class TransferProcess {

    public static final String KEY = "subscriber-transfer";

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

        private Elements() {
        }
    }

    /** Filled in the start form (and by the correction form): what the client's letter says. */
    public static final ProcessVariable<String> SUBSCRIBER_NUMBER = ProcessVariable.string("subscriberNumber");
    public static final ProcessVariable<String> SUBSCRIBER_NAME = ProcessVariable.string("subscriberName");
    public static final ProcessVariable<String> REASON = ProcessVariable.string("reason");
    /** ISO date, {@code 2026-11-20}. */
    public static final ProcessVariable<String> LETTER_DATE = ProcessVariable.string("letterDate");
    /** The scanned letter: a transient File variable, moved into the domain at once and never persisted. */
    public static final String LETTER = "letter";

    /** Set when the request is accepted. */
    public static final ProcessVariable<Long> TRANSFER_ID = ProcessVariable.longValue("transferId");
    /** The user who submitted the request: always the authenticated user, whatever a client sends. */
    public static final ProcessVariable<String> SUBMITTER = ProcessVariable.string("submitter");
    /** Candidate group of the partner asked for agreement: {@code partner-<CODE>}. */
    public static final ProcessVariable<String> CURRENT_PARTNER_GROUP = ProcessVariable.string("currentPartnerGroup");
    /** Candidate group of the submitting partner, who corrects a returned request. */
    public static final ProcessVariable<String> NEW_PARTNER_GROUP = ProcessVariable.string("newPartnerGroup");
    /** ISO-8601 duration the current partner has to answer, fixed when the request is accepted. */
    public static final ProcessVariable<String> PARTNER_ANSWER_TIMEOUT = ProcessVariable.string("partnerAnswerTimeout");

    /** Decisions, one per task form, each with its own comment so forms never pre-fill another step's text. */
    public static final ProcessVariable<LetterDecision> LETTER_DECISION =
            ProcessVariable.enumValue("letterDecision", LetterDecision.class);
    public static final ProcessVariable<String> LETTER_COMMENT = ProcessVariable.string("letterComment");
    public static final ProcessVariable<PartnerAnswer> PARTNER_ANSWER =
            ProcessVariable.enumValue("partnerAnswer", PartnerAnswer.class);
    public static final ProcessVariable<String> PARTNER_COMMENT = ProcessVariable.string("partnerComment");
    public static final ProcessVariable<VendorDecision> VENDOR_DECISION =
            ProcessVariable.enumValue("vendorDecision", VendorDecision.class);
    public static final ProcessVariable<String> VENDOR_COMMENT = ProcessVariable.string("vendorComment");

    private TransferProcess() {
    }
}
