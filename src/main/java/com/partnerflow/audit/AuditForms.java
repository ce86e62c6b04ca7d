package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.DateLabels;

/**
 * Fills the read-only fields of the audit forms from the domain, so the auditor and the partner see what
 * is recorded, not what an earlier form left in a variable.
 */
@Component
class AuditForms {

    private final DateLabels dates;

    AuditForms(DateLabels dates) {
        this.dates = dates;
    }

    /** What the auditor and the audit leads see of a version. */
    void describe(VariableScope scope, ExtensionVersion version) {
        Extension extension = version.getExtension();
        VERSION_ID.on(scope, version.getId());
        EXTENSION_NAME.on(scope, extension.getName());
        KIND_LABEL.on(scope, extension.getKind().label());
        TARGET_APPLICATION.on(scope, extension.getTargetApplication() + " " + version.getTargetApplicationVersion());
        OWNER_LABEL.on(scope, extension.getOwner().label() + (extension.getOwnerSubscriber() == null ? ""
                : " (абонент " + extension.getOwnerSubscriber().getNumber() + ")") + ", разработчик — " + extension.maintainer().getName());
        VERSION_NUMBER.on(scope, version.getNumber());
        CHANGE_NOTES.on(scope, version.getChangeNotes());
        DISTRIBUTION_LABEL.on(scope, version.getDistribution().label() + (version.getRecipients().isEmpty() ? ""
                : ": " + version.getRecipients().stream().map(Subscriber::getNumber).collect(Collectors.joining(", "))));
        FILE_SUMMARY.on(scope, version.getFile().getFileName() + ", " + version.getFile().getSize() + " байт, SHA-256 "
                + version.getFile().getSha256());
        AUDIT_DUE.on(scope, dates.dateTime(version.getAuditDueAt()));
        EARLIER_FINDINGS.on(scope, version.getFindings().isEmpty() ? "нет" : version.getFindings().stream()
                .map(finding -> "Раунд " + finding.getRound() + ". " + finding.getCategory().label() + " ("
                        + finding.getSeverity().label().toLowerCase() + "): " + finding.getDescription())
                .collect(Collectors.joining("\n")));
    }

    /** What the partner reads on the revision form: the auditor's comment and findings, and the link to the version's page. */
    void report(VariableScope scope, ExtensionVersion version) {
        VERSION_ID.on(scope, version.getId());
        VERSION_NUMBER.on(scope, version.getNumber());
        CHANGE_NOTES.on(scope, version.getChangeNotes());
        String comment = version.getAuditComment() == null ? "" : "Комментарий аудитора: " + version.getAuditComment();
        AUDIT_REPORT.on(scope, (comment + AuditMails.findings(version)).strip());
    }
}
