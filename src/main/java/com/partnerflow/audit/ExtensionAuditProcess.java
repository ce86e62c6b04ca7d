package com.partnerflow.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.partnerflow.document.FileVariable;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/extension-audit.bpmn}: key, element ids and typed variables, used by the
 * listeners, delegates and tests alike. The business key is the extension version's id.
 */
public final class ExtensionAuditProcess {

    public static final String KEY = "extension-audit";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_versionSubmitted";
        public static final String AUDIT = "subProcess_audit";
        public static final String AUDIT_VERSION = "userTask_auditVersion";
        public static final String AUDIT_OVERDUE = "boundaryEvent_auditOverdue";
        public static final String REVIEW_OVERDUE_AUDIT = "userTask_reviewOverdueAudit";
        public static final String AUDIT_DONE = "endEvent_auditDone";
        public static final String OVERDUE_REVIEWED = "endEvent_overdueReviewed";
        public static final String AUDIT_OUTCOME = "gateway_auditOutcome";
        public static final String PUBLISH_VERSION = "serviceTask_publishVersion";
        public static final String NOTIFY_PUBLISHED = "serviceTask_notifyPublished";
        public static final String END_PUBLISHED = "endEvent_versionPublished";
        public static final String NOTIFY_CHANGES_REQUIRED = "serviceTask_notifyChangesRequired";
        public static final String REVISE_VERSION = "userTask_reviseVersion";
        public static final String REVISED = "gateway_revised";
        public static final String END_WITHDRAWN = "endEvent_versionWithdrawn";
        public static final String NOTIFY_REJECTED = "serviceTask_notifyRejected";
        public static final String END_REJECTED = "endEvent_versionRejected";

        private Elements() {
        }
    }

    /** The extension by id ({@code POST /api/extensions/{id}/versions}); the start form describes it instead. */
    public static final ProcessVariable<Long> EXTENSION_ID = ProcessVariable.longValue("extensionId");
    public static final ProcessVariable<String> EXTENSION_NAME = ProcessVariable.string("extensionName");
    public static final ProcessVariable<ExtensionKind> KIND = ProcessVariable.enumValue("kind", ExtensionKind.class);
    public static final ProcessVariable<String> TARGET_APPLICATION = ProcessVariable.string("targetApplication");
    public static final ProcessVariable<ExtensionOwner> OWNER = ProcessVariable.enumValue("owner", ExtensionOwner.class);
    public static final ProcessVariable<String> OWNER_SUBSCRIBER = ProcessVariable.string("ownerSubscriber");
    /** The version number; pre-filled on the revision form, where the partner may keep it. */
    public static final ProcessVariable<String> VERSION_NUMBER = ProcessVariable.string("versionNumber");
    public static final ProcessVariable<String> TARGET_APPLICATION_VERSION = ProcessVariable.string("targetApplicationVersion");
    public static final ProcessVariable<String> CHANGE_NOTES = ProcessVariable.string("changeNotes");
    public static final ProcessVariable<Distribution> DISTRIBUTION = ProcessVariable.enumValue("distribution", Distribution.class);
    /** Subscriber numbers separated by commas, spaces or new lines, for one or several clients. */
    public static final ProcessVariable<String> RECIPIENTS = ProcessVariable.string("recipients");
    /** The extension file: a transient File variable, stored in the domain at once and never persisted by the engine. */
    public static final FileVariable FILE = new FileVariable("file");

    /** Written from the domain for the forms' links and read-only fields; steps read the business key. */
    public static final ProcessVariable<Long> VERSION_ID = ProcessVariable.longValue("versionId");
    public static final ProcessVariable<String> KIND_LABEL = ProcessVariable.string("kindLabel");
    public static final ProcessVariable<String> OWNER_LABEL = ProcessVariable.string("ownerLabel");
    public static final ProcessVariable<String> DISTRIBUTION_LABEL = ProcessVariable.string("distributionLabel");
    public static final ProcessVariable<String> FILE_SUMMARY = ProcessVariable.string("fileSummary");
    public static final ProcessVariable<String> AUDIT_DUE = ProcessVariable.string("auditDue");
    public static final ProcessVariable<String> EARLIER_FINDINGS = ProcessVariable.string("earlierFindings");
    public static final ProcessVariable<String> AUDIT_REPORT = ProcessVariable.string("auditReport");

    /** The auditor's form: a severity and a note per category, the decision and a comment. */
    public static final Map<FindingCategory, ProcessVariable<String>> SEVERITY = perCategory("Severity");
    public static final Map<FindingCategory, ProcessVariable<String>> NOTE = perCategory("Note");
    /** The severity value of a category without findings. */
    public static final String NO_FINDING = "NONE";
    public static final ProcessVariable<AuditDecision> AUDIT_DECISION = ProcessVariable.enumValue("auditDecision", AuditDecision.class);
    public static final ProcessVariable<String> AUDIT_COMMENT = ProcessVariable.string("auditComment");

    /** The partner's revision form. */
    public static final ProcessVariable<RevisionDecision> REVISION_DECISION =
            ProcessVariable.enumValue("revisionDecision", RevisionDecision.class);

    /** The audit lead's note on an overdue audit. */
    public static final ProcessVariable<String> LEAD_NOTE = ProcessVariable.string("leadNote");

    /** What the start form (or the API) says, unchecked; {@link ExtensionService} checks every field. */
    public static SubmitVersion submission(VariableScope scope) {
        ExtensionDraft draft = EXTENSION_ID.optionalFrom(scope).isPresent() ? null
                : new ExtensionDraft(text(EXTENSION_NAME, scope), KIND.optionalFrom(scope).orElse(null), text(TARGET_APPLICATION, scope),
                        OWNER.optionalFrom(scope).orElse(null), text(OWNER_SUBSCRIBER, scope));
        return new SubmitVersion(EXTENSION_ID.optionalFrom(scope).orElse(null), draft, text(VERSION_NUMBER, scope),
                text(TARGET_APPLICATION_VERSION, scope), text(CHANGE_NOTES, scope), DISTRIBUTION.optionalFrom(scope).orElse(null),
                recipients(text(RECIPIENTS, scope)), FILE.from(scope).orElse(null));
    }

    /** What the partner's revision form says, unchecked. */
    public static Resubmission resubmission(VariableScope scope) {
        return new Resubmission(text(VERSION_NUMBER, scope), text(CHANGE_NOTES, scope), FILE.from(scope).orElse(null));
    }

    /** What the auditor's form says: a finding for every category with a severity, unchecked otherwise. */
    public static AuditResult auditResult(VariableScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (FindingCategory category : FindingCategory.values()) {
            severity(category, scope).ifPresent(severity ->
                    findings.add(new Finding(category, severity, NOTE.get(category).optionalFrom(scope).orElse(null))));
        }
        return new AuditResult(AUDIT_DECISION.optionalFrom(scope).orElse(null), findings,
                AUDIT_COMMENT.optionalFrom(scope).orElse(null));
    }

    /** The variables a decision task sets; cleared when the task is created ({@code clearDecisionListener}). */
    public static List<ProcessVariable<?>> decisionOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case Elements.AUDIT_VERSION -> auditFormVariables();
            case Elements.REVISE_VERSION -> List.of(REVISION_DECISION);
            case Elements.REVIEW_OVERDUE_AUDIT -> List.of(LEAD_NOTE);
            default -> List.of();
        };
    }

    /** The variables the auditor's form sets: a severity and a note per category, the decision and a comment. */
    public static List<ProcessVariable<?>> auditFormVariables() {
        List<ProcessVariable<?>> variables = new ArrayList<>(SEVERITY.values());
        variables.addAll(NOTE.values());
        variables.add(AUDIT_DECISION);
        variables.add(AUDIT_COMMENT);
        return variables;
    }

    static List<String> recipients(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(number -> !number.isBlank()).toList();
    }

    /** The id of the version an execution works on: the instance's business key, which no task worker can change. */
    public static long versionId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long versionId(DelegateTask task) {
        return versionId(task.getExecution());
    }

    private static Optional<FindingSeverity> severity(FindingCategory category, VariableScope scope) {
        String value = SEVERITY.get(category).optionalFrom(scope).map(String::strip).orElse("");
        if (value.isEmpty() || value.equals(NO_FINDING)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FindingSeverity.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            throw BusinessRuleViolation.invalid("Недопустимая серьезность замечания в разделе «" + category.label() + "»: " + value);
        }
    }

    private static Map<FindingCategory, ProcessVariable<String>> perCategory(String suffix) {
        Map<FindingCategory, ProcessVariable<String>> variables = new EnumMap<>(FindingCategory.class);
        for (FindingCategory category : FindingCategory.values()) {
            variables.put(category, ProcessVariable.string(category.formPrefix() + suffix));
        }
        return Map.copyOf(variables);
    }

    private static String text(ProcessVariable<String> variable, VariableScope scope) {
        return variable.optionalFrom(scope).orElse(null);
    }

    private ExtensionAuditProcess() {
    }
}
