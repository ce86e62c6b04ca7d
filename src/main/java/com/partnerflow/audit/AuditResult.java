package com.partnerflow.audit;

import java.util.List;

/** The auditor's form, unchecked: findings per category, the decision and a comment. */
public record AuditResult(AuditDecision decision, List<Finding> findings, String comment) {

    public AuditResult {
        findings = List.copyOf(findings);
    }
}
