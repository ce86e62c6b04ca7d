package com.partnerflow.developer;

import java.time.Instant;
import java.util.List;

/** A developer authorization as {@code /api} shows it: the request, the decision and the withdrawal with their dates. */
record AuthorizationView(long id, String partnerCode, String partnerName, String developer, List<Application> applications,
                         List<String> applicationLabels, String reason, AuthorizationStatus status, String statusLabel,
                         String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionComment,
                         Instant validFrom, String withdrawnBy, Instant withdrawnAt, String withdrawalReason) {

    static AuthorizationView of(DeveloperAuthorization a) {
        List<Application> applications = List.copyOf(a.getApplications());
        return new AuthorizationView(a.getId(), a.getPartner().getCode(), a.getPartner().getName(), a.getDeveloper(), applications,
                applications.stream().map(Application::label).toList(), a.getReason(), a.getStatus(), a.getStatus().label(),
                a.getRequestedBy(), a.getRequestedAt(), a.getDecidedBy(), a.getDecidedAt(), a.getDecisionComment(), a.getValidFrom(),
                a.getWithdrawnBy(), a.getWithdrawnAt(), a.getWithdrawalReason());
    }
}
