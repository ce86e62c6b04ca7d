package com.partnerflow.reporting;

import java.time.Instant;
import java.util.List;

import com.partnerflow.subscriber.MultiUserTier;

/** An application as the API shows it: the client's request, and the partner's decision once made. */
record ApplicationView(long id, ApplicationStatus status, String subscriberNumber, String regNumber,
                       String organizationName, String inn, String kpp,
                       boolean requestedMultiUserMode, MultiUserTier requestedTier,
                       Boolean multiUserMode, MultiUserTier tier, String tierLabel,
                       List<PlannedUser> users, String signatureOwner, List<SignatureRole> signatureRoles,
                       String submittedBy, Instant submittedAt,
                       String decidedBy, String decidedByPartner, Instant decidedAt, String rejectionReason) {

    static ApplicationView of(ReportingApplication application) {
        return new ApplicationView(application.getId(), application.getStatus(),
                application.getSubscriber().getNumber(), application.getSubscriber().reportingRegNumber(),
                application.getOrganizationName(), application.getInn(), application.getKpp(),
                application.isRequestedMultiUser(), application.getRequestedTier(),
                application.getMultiUserMode(), application.getTier(),
                application.getTier() == null ? null : application.getTier().label(),
                List.copyOf(application.getUsers()), application.getSignatureOwner(),
                application.getSignatureRoles().stream().sorted().toList(),
                application.getSubmittedBy(), application.getSubmittedAt(), application.getDecidedBy(),
                application.getDecidedByPartner() == null ? null : application.getDecidedByPartner().getCode(),
                application.getDecidedAt(), application.getRejectionReason());
    }
}
