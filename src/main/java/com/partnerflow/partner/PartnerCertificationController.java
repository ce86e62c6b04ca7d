package com.partnerflow.partner;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.security.CurrentCaller;

@RestController
@RequestMapping(path = "/api/partners/{code}/certification", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Партнеры", description = "Partners' people as the vendor manages them")
class PartnerCertificationController {

    record CertificationView(String code, String name, boolean certified, Instant certifiedAt, String certifiedBy) {
        static CertificationView of(Partner partner) {
            return new CertificationView(partner.getCode(), partner.getName(), partner.isCertified(), partner.getCertifiedAt(),
                    partner.getCertifiedBy());
        }
    }

    private final PartnerCertifications certifications;
    private final CurrentCaller caller;

    PartnerCertificationController(PartnerCertifications certifications, CurrentCaller caller) {
        this.certifications = certifications;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "Whether the partner is certified (its own employees and vendor staff; others 404)")
    CertificationView read(@PathVariable String code) {
        return CertificationView.of(certifications.of(code, caller.get()));
    }

    @PutMapping
    @Operation(summary = "Certify the partner: it may send configurations to the public catalogue (vendor staff only)")
    CertificationView certify(@PathVariable String code) {
        return CertificationView.of(certifications.certify(code, caller.get()));
    }

    @DeleteMapping
    @Operation(summary = "Withdraw the partner's certification (vendor staff only)")
    CertificationView revoke(@PathVariable String code) {
        return CertificationView.of(certifications.revoke(code, caller.get()));
    }
}
