package com.partnerflow.developer;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/developer-authorization.bpmn}: key, element ids, the withdrawal message and the typed
 * variables, used by the listeners, delegates and tests alike. The business key is the authorization's id.
 */
public final class DeveloperAuthorizationProcess {

    public static final String KEY = "developer-authorization";

    /** Vendor staff withdraw an active authorization; correlated by the system after the domain agreed. */
    public static final String MESSAGE_WITHDRAWN = "DeveloperAuthorizationWithdrawn";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_authorizationRequested";
        public static final String REVIEW = "userTask_reviewDeveloperRequest";
        public static final String REVIEW_DECISION = "gateway_reviewDecision";
        public static final String AUTHORIZED = "gateway_authorized";
        public static final String NOTIFY_AUTHORIZED = "serviceTask_notifyAuthorized";
        public static final String END_AUTHORIZATION_MAILED = "endEvent_authorizationMailed";
        public static final String AWAIT_WITHDRAWAL = "message_awaitWithdrawal";
        public static final String NOTIFY_WITHDRAWN = "serviceTask_notifyWithdrawn";
        public static final String END_WITHDRAWN = "endEvent_authorizationWithdrawn";
        public static final String NOTIFY_REJECTED = "serviceTask_notifyRejected";
        public static final String END_REJECTED = "endEvent_requestRejected";

        private Elements() {
        }
    }

    /** The start form's fields, or {@code POST /api/developer-authorizations}: who, for which applications, why. */
    public static final ProcessVariable<String> DEVELOPER = ProcessVariable.string("developer");
    public static final ProcessVariable<List<Application>> APPLICATIONS = ProcessVariable.jsonList("applications", Application.class);
    public static final ProcessVariable<String> REASON = ProcessVariable.string("reason");

    /** Written from the domain for the review form's read-only fields; steps read the business key. */
    public static final ProcessVariable<String> PARTNER_NAME = ProcessVariable.string("partnerName");
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.string("requestedBy");
    public static final ProcessVariable<String> APPLICATIONS_TEXT = ProcessVariable.string("applicationsText");

    /** The vendor staff's review form. */
    public static final ProcessVariable<AuthorizationDecision> DECISION = ProcessVariable.enumValue("decision", AuthorizationDecision.class);
    public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.string("decisionComment");

    /** The variables a decision task sets; cleared when the task is created ({@code clearDecisionListener}). */
    public static List<ProcessVariable<?>> decisionOf(String taskDefinitionKey) {
        return Elements.REVIEW.equals(taskDefinitionKey) ? List.of(DECISION, DECISION_COMMENT) : List.of();
    }

    /** The id of the authorization an execution works on: the instance's business key, which no task worker can change. */
    public static long authorizationId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long authorizationId(DelegateTask task) {
        return authorizationId(task.getExecution());
    }

    private DeveloperAuthorizationProcess() {
    }
}
