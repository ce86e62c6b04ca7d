package com.partnerflow.reporting;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/reporting-extension-application.bpmn} and its decision table: key,
 * element ids and typed variables, used by the delegates and the tests alike. The business key is
 * the application's id.
 */
public final class ReportingProcess {

    public static final String KEY = "reporting-extension-application";
    /** The decision table that picks the tier from the number of users. */
    public static final String TIER_DECISION = "reporting-extension-tier";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_applicationSubmitted";
        public static final String DETERMINE_TIER = "businessRuleTask_determineTier";
        public static final String RECORD_REQUESTED_TIER = "serviceTask_recordRequestedTier";
        public static final String PROCESS_APPLICATION = "userTask_processApplication";
        public static final String APPLICATION_DECIDED = "gateway_applicationDecided";
        public static final String ENABLE_MULTI_USER_MODE = "serviceTask_enableMultiUserMode";
        public static final String NOTIFY_APPROVED = "serviceTask_notifyApproved";
        public static final String NOTIFY_REJECTED = "serviceTask_notifyRejected";
        public static final String END_APPROVED = "endEvent_applicationApproved";
        public static final String END_REJECTED = "endEvent_applicationRejected";

        private Elements() {
        }
    }

    /** Filled in the start form: what the client applies for. */
    public static final ProcessVariable<String> SUBSCRIBER_NUMBER = ProcessVariable.string("subscriberNumber");
    public static final ProcessVariable<String> ORGANIZATION_NAME = ProcessVariable.string("organizationName");
    public static final ProcessVariable<String> INN = ProcessVariable.string("inn");
    public static final ProcessVariable<String> KPP = ProcessVariable.string("kpp");
    /** The client's wish in the start form; in the partner's form, the partner's final choice. */
    public static final ProcessVariable<Boolean> MULTI_USER_MODE = ProcessVariable.bool("multiUserMode");
    public static final ProcessVariable<List<PlannedUser>> USERS = ProcessVariable.jsonList("users", PlannedUser.class);
    /**
     * The start form's text field the users are typed in, one «ФИО; e-mail» per line; the form turns it
     * into {@link #USERS} (Tasklist 7.24 cannot submit a form whose dynamic list was edited). Removed on accept.
     */
    public static final ProcessVariable<String> USERS_TEXT = ProcessVariable.string("usersText");
    public static final ProcessVariable<String> SIGNATURE_OWNER = ProcessVariable.string("signatureOwner");
    public static final ProcessVariable<List<SignatureRole>> SIGNATURE_ROLES =
            ProcessVariable.jsonList("signatureRoles", SignatureRole.class);

    /** Written from the domain when the application is accepted: for the forms and the decision table only. */
    public static final ProcessVariable<Long> APPLICATION_ID = ProcessVariable.longValue("applicationId");
    public static final ProcessVariable<String> REG_NUMBER = ProcessVariable.string("regNumber");
    public static final ProcessVariable<Long> USER_COUNT = ProcessVariable.longValue("userCount");
    public static final ProcessVariable<String> CLIENT_MULTI_USER_MODE = ProcessVariable.string("clientMultiUserMode");
    public static final ProcessVariable<String> SIGNATURE_ROLES_TEXT = ProcessVariable.string("signatureRolesText");

    /** The decision table's outcome. */
    public static final ProcessVariable<TierRule> TIER_RULE = ProcessVariable.enumValue("tierRule", TierRule.class);

    /** The partner's decision. */
    public static final ProcessVariable<MultiUserTier> TIER = ProcessVariable.enumValue("tier", MultiUserTier.class);
    public static final ProcessVariable<ApplicationDecision> APPLICATION_DECISION =
            ProcessVariable.enumValue("applicationDecision", ApplicationDecision.class);
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.string("rejectionReason");

    /** What the start form (or an API call) says, unchecked; the service checks every field. */
    public static SubmitApplication submission(VariableScope scope) {
        return new SubmitApplication(SUBSCRIBER_NUMBER.optionalFrom(scope).orElse(null),
                ORGANIZATION_NAME.optionalFrom(scope).orElse(null), INN.optionalFrom(scope).orElse(null),
                KPP.optionalFrom(scope).orElse(null), MULTI_USER_MODE.optionalFrom(scope).orElse(false),
                USERS.optionalFrom(scope).orElse(List.of()), SIGNATURE_OWNER.optionalFrom(scope).orElse(null),
                SIGNATURE_ROLES.optionalFrom(scope).orElse(List.of()));
    }

    /** What the partner's form says; the list of users is read only to refuse any change to it. */
    public static PartnerDecision partnerDecision(VariableScope scope) {
        return new PartnerDecision(APPLICATION_DECISION.optionalFrom(scope).orElse(null),
                MULTI_USER_MODE.optionalFrom(scope).orElse(false), TIER.optionalFrom(scope).orElse(null),
                REJECTION_REASON.optionalFrom(scope).orElse(null), USERS.optionalFrom(scope).orElse(null));
    }

    /** The variables a decision task sets; cleared when the task is created ({@code clearDecisionListener}). */
    public static List<ProcessVariable<?>> decisionOf(String taskDefinitionKey) {
        return taskDefinitionKey.equals(Elements.PROCESS_APPLICATION) ? List.of(APPLICATION_DECISION, REJECTION_REASON) : List.of();
    }

    /** The id of the application an execution works on: the instance's business key, which no task worker can change. */
    public static long applicationId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long applicationId(DelegateTask task) {
        return applicationId(task.getExecution());
    }

    private ReportingProcess() {
    }
}
