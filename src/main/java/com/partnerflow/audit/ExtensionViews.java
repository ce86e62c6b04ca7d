package com.partnerflow.audit;

import java.time.Instant;
import java.util.List;

import com.partnerflow.subscriber.Subscriber;

/** What the API shows of extensions, versions and installations. */
final class ExtensionViews {

    record ExtensionView(long id, String name, ExtensionKind kind, String kindLabel, String targetApplication,
                         ExtensionOwner owner, String ownerSubscriber, String developer, List<VersionView> versions) {

        static ExtensionView of(Extension extension, List<ExtensionVersion> versions) {
            return new ExtensionView(extension.getId(), extension.getName(), extension.getKind(), extension.getKind().label(),
                    extension.getTargetApplication(), extension.getOwner(),
                    extension.getOwnerSubscriber() == null ? null : extension.getOwnerSubscriber().getNumber(),
                    extension.maintainer().getCode(), versions.stream().map(VersionView::of).toList());
        }
    }

    record VersionView(long id, long extensionId, String extensionName, String version, String targetApplicationVersion,
                       String changeNotes, VersionStatus status, Distribution distribution, List<String> recipients,
                       FileRef file, int auditRound, Instant auditDueAt, Instant auditOverdueAt, String auditComment,
                       List<FindingView> findings, String submittedBy, Instant submittedAt, String decidedBy,
                       Instant decidedAt, Instant publishedAt) {

        static VersionView of(ExtensionVersion v) {
            return new VersionView(v.getId(), v.getExtension().getId(), v.getExtension().getName(), v.getNumber(),
                    v.getTargetApplicationVersion(), v.getChangeNotes(), v.getStatus(), v.getDistribution(),
                    v.getRecipients().stream().map(Subscriber::getNumber).toList(),
                    new FileRef(v.getFile().getFileName(), v.getFile().getSize(), v.getFile().getSha256(),
                            "/api/extension-versions/" + v.getId() + "/file"),
                    v.getAuditRound(), v.getAuditDueAt(), v.getAuditOverdueAt(), v.getAuditComment(),
                    v.getFindings().stream().map(FindingView::of).toList(), v.getSubmittedBy(), v.getSubmittedAt(),
                    v.getDecidedBy(), v.getDecidedAt(), v.getPublishedAt());
        }
    }

    /** One client given the version, or ({@code allClientsOf}) every client of a partner, now and later. */
    record GrantView(String subscriber, String subscriberName, String allClientsOf, Instant grantedAt) {

        static GrantView of(AccessGrant g) {
            return g.getSubscriber() == null
                    ? new GrantView(null, null, g.getPartner().getCode(), g.getGrantedAt())
                    : new GrantView(g.getSubscriber().getNumber(), g.getSubscriber().getName(), null, g.getGrantedAt());
        }
    }

    record FileRef(String fileName, long size, String sha256, String href) {
    }

    record FindingView(int round, FindingCategory category, String categoryLabel, FindingSeverity severity, String description,
                       String recordedBy, Instant recordedAt) {

        static FindingView of(AuditFinding f) {
            return new FindingView(f.getRound(), f.getCategory(), f.getCategory().label(), f.getSeverity(), f.getDescription(),
                    f.getRecordedBy(), f.getRecordedAt());
        }
    }

    /** A published version as a client sees it: no audit internals, no file. */
    record InstallableView(long versionId, String extensionName, ExtensionKind kind, String kindLabel, String targetApplication,
                           String version, String targetApplicationVersion, String changeNotes, ExtensionOwner owner,
                           Instant publishedAt) {

        static InstallableView of(ExtensionVersion v) {
            Extension e = v.getExtension();
            return new InstallableView(v.getId(), e.getName(), e.getKind(), e.getKind().label(), e.getTargetApplication(),
                    v.getNumber(), v.getTargetApplicationVersion(), v.getChangeNotes(), e.getOwner(), v.getPublishedAt());
        }
    }

    record DataAreaView(long id, int number, String applicationName, String applicationVersion,
                        List<InstallationView> installations) {

        static DataAreaView of(InstallationService.AreaInstallations area) {
            return new DataAreaView(area.area().getId(), area.area().getNumber(), area.area().getApplicationName(),
                    area.area().getApplicationVersion(), area.installations().stream().map(InstallationView::of).toList());
        }
    }

    record InstallationView(long id, long dataAreaId, long versionId, String extensionName, String version,
                            String installedBy, Instant installedAt) {

        static InstallationView of(Installation i) {
            return new InstallationView(i.getId(), i.getDataArea().getId(), i.getVersion().getId(),
                    i.getVersion().getExtension().getName(), i.getVersion().getNumber(), i.getInstalledBy(), i.getInstalledAt());
        }
    }

    private ExtensionViews() {
    }
}
