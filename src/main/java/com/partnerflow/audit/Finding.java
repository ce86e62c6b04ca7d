package com.partnerflow.audit;

/** A finding as the auditor writes it, before it is recorded. */
public record Finding(FindingCategory category, FindingSeverity severity, String description) {
}
