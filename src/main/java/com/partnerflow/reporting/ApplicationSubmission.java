package com.partnerflow.reporting;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON body of {@code POST /api/reporting-applications}; every field is checked by the service, with Russian messages. */
record ApplicationSubmission(
        @Schema(example = "1001") String subscriberNumber,
        @Schema(example = "ООО «Ромашка»") String organizationName,
        @Schema(example = "7707083893") String inn,
        @Schema(example = "770701001", description = "legal entities only; empty for an individual entrepreneur") String kpp,
        boolean multiUserMode, List<PlannedUser> users,
        @Schema(example = "Иванов Иван Иванович") String signatureOwner,
        List<SignatureRole> signatureRoles) {

    SubmitApplication toCommand() {
        return new SubmitApplication(subscriberNumber, organizationName, inn, kpp, multiUserMode, users, signatureOwner,
                signatureRoles);
    }
}
