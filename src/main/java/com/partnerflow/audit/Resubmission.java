package com.partnerflow.audit;

import com.partnerflow.document.Upload;

/**
 * The partner's fixed version after the auditor required changes, unchecked. A new file is required;
 * the version number may stay (allowed only here) and the change notes may be rewritten.
 */
public record Resubmission(String version, String changeNotes, Upload file) {
}
