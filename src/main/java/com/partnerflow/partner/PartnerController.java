package com.partnerflow.partner;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.BusinessRuleViolation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/partners/{code}/developers/{userId}")
@Tag(name = "Партнеры", description = "Partners' people as the vendor manages them")
class PartnerController {

    private final PartnerService partners;
    private final CurrentCaller caller;

    PartnerController(PartnerService partners, CurrentCaller caller) {
        this.partners = partners;
        this.caller = caller;
    }

    @PutMapping
    @Operation(summary = "Authorize a partner's employee to develop extensions (vendor staff only)")
    ResponseEntity<Void> authorize(@PathVariable String code, @PathVariable String userId) {
        return set(code, userId, true);
    }

    @DeleteMapping
    @Operation(summary = "Withdraw a developer's authorization (vendor staff only)")
    ResponseEntity<Void> withdraw(@PathVariable String code, @PathVariable String userId) {
        return set(code, userId, false);
    }

    private ResponseEntity<Void> set(String code, String userId, boolean authorized) {
        if (!caller.get().managesPartners()) {
            throw BusinessRuleViolation.forbidden("Авторизовать разработчиков партнера могут только сотрудники фирмы.");
        }
        partners.authorizeDeveloper(code, userId, authorized);
        return ResponseEntity.noContent().build();
    }
}
