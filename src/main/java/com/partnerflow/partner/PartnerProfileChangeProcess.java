package com.partnerflow.partner;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/partner-profile-change.bpmn}: key, element ids and the typed variables, used by the
 * listeners, delegates and tests alike. The business key is the request's id.
 */
public final class PartnerProfileChangeProcess {

    public static final String KEY = "partner-profile-change";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_profileChangeRequested";
        public static final String REVIEW = "userTask_reviewProfileChange";
        public static final String REVIEW_DECISION = "gateway_reviewDecision";
        public static final String APPLY = "serviceTask_applyProfileChange";
        public static final String NOTIFY_APPLIED = "serviceTask_notifyApplied";
        public static final String END_APPLIED = "endEvent_profileChanged";
        public static final String NOTIFY_REJECTED = "serviceTask_notifyRejected";
        public static final String END_REJECTED = "endEvent_changeRejected";

        private Elements() {
        }
    }

    /** The start form's fields, the portal's form or {@code POST /api/profile-changes}: the new values (empty keeps one) and why. */
    public static final ProcessVariable<String> NAME = ProcessVariable.string("name");
    public static final ProcessVariable<String> EMAIL = ProcessVariable.string("email");
    public static final ProcessVariable<String> PHONE = ProcessVariable.string("phone");
    public static final ProcessVariable<String> WEBSITE = ProcessVariable.string("website");
    public static final ProcessVariable<String> REASON = ProcessVariable.string("reason");

    /** Written from the domain for the review form's read-only fields; steps read the business key. */
    public static final ProcessVariable<String> PARTNER_LABEL = ProcessVariable.string("partnerLabel");
    public static final ProcessVariable<String> CHANGES_TEXT = ProcessVariable.string("changesText");
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.string("requestedBy");

    /** The vendor staff's review form. */
    public static final ProcessVariable<ProfileChangeDecision> DECISION = ProcessVariable.enumValue("decision", ProfileChangeDecision.class);
    public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.string("decisionComment");

    /** The variables a decision task sets; cleared when the task is created ({@code clearDecisionListener}). */
    public static List<ProcessVariable<?>> decisionOf(String taskDefinitionKey) {
        return Elements.REVIEW.equals(taskDefinitionKey) ? List.of(DECISION, DECISION_COMMENT) : List.of();
    }

    /** The id of the request an execution works on: the instance's business key, which no task worker can change. */
    public static long changeId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long changeId(DelegateTask task) {
        return changeId(task.getExecution());
    }

    private PartnerProfileChangeProcess() {
    }
}
