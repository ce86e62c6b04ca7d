package com.partnerflow.work;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of task a person works on, across all processes: what {@code GET /api/tasks} calls {@code kind}, and the
 * decision endpoint {@code POST /api/tasks/{id}/{decision}} that completes it. One entry per user task of the BPMN
 * models ({@code TaskKindTest} checks the models against this list), so an integrator sees every kind in the OpenAPI.
 */
public enum TaskKind {

    TRANSFER_LETTER_REVIEW("subscriber-transfer", "userTask_reviewLetter", "letter-review"),
    TRANSFER_CORRECTION("subscriber-transfer", "userTask_correctRequest", "transfer-correction"),
    TRANSFER_AGREEMENT("subscriber-transfer", "userTask_partnerAgreement", "transfer-agreement"),
    TRANSFER_VENDOR_DECISION("subscriber-transfer", "userTask_vendorDecision", "transfer-decision"),
    APPLICATION_PROCESSING("reporting-extension-application", "userTask_processApplication", "application-processing"),
    VERSION_AUDIT("extension-audit", "userTask_auditVersion", "version-audit"),
    OVERDUE_AUDIT_REVIEW("extension-audit", "userTask_reviewOverdueAudit", "overdue-audit-review"),
    VERSION_REVISION("extension-audit", "userTask_reviseVersion", "version-revision"),
    RECONCILIATION_CONFIRMATION("monthly-settlement", "userTask_confirmReconciliation", "reconciliation-confirmation"),
    RECONCILIATION_ANSWER("monthly-settlement", "userTask_answerReconciliation", "reconciliation-answer"),
    CONFIGURATION_REVIEW("configuration-moderation", "userTask_reviewConfiguration", "configuration-review"),
    CONFIGURATION_REVISION("configuration-moderation", "userTask_reviseConfiguration", "configuration-revision"),
    DEVELOPER_REVIEW("developer-authorization", "userTask_reviewDeveloperRequest", "developer-review"),
    PROFILE_CHANGE_REVIEW("partner-profile-change", "userTask_reviewProfileChange", "profile-change-review");

    private final String processKey;
    private final String taskDefinitionKey;
    private final String decision;

    TaskKind(String processKey, String taskDefinitionKey, String decision) {
        this.processKey = processKey;
        this.taskDefinitionKey = taskDefinitionKey;
        this.decision = decision;
    }

    public String processKey() {
        return processKey;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    /** The last path segment of the decision endpoint: {@code POST /api/tasks/{id}/letter-review}. */
    public String decision() {
        return decision;
    }

    public static Optional<TaskKind> of(String processKey, String taskDefinitionKey) {
        return Arrays.stream(values())
                .filter(kind -> kind.processKey.equals(processKey) && kind.taskDefinitionKey.equals(taskDefinitionKey))
                .findFirst();
    }
}
