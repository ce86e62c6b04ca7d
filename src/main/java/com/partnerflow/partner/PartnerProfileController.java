package com.partnerflow.partner;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.security.CurrentCaller;

@RestController
@Tag(name = "Партнеры", description = "Partners' people as the vendor manages them")
class PartnerProfileController {

    private final PartnerProfiles profiles;
    private final CurrentCaller caller;

    PartnerProfileController(PartnerProfiles profiles, CurrentCaller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GetMapping(path = "/api/partners/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The partner's profile: details, status 1С:ЦСК, sublicense discount, certification, restricted applications",
            description = "Its own employees and the vendor's people; another partner reads like one that does not exist (404). "
                    + "The details change only through a request to vendor staff (POST /api/profile-changes).")
    PartnerProfileView profile(@PathVariable String code) {
        return PartnerProfileView.of(profiles.of(code, caller.get()));
    }
}
