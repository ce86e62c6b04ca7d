package com.partnerflow.moderation;

import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.moderation.ConfigurationViews.InvitationView;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

/**
 * Invitations into configuration accounts (seed 000): the invited partner answers, the manager withdraws. An
 * invitation is seen only by its account's manager and the invited partner; for anyone else it does not exist (404).
 */
@RestController
@RequestMapping(path = "/api/configuration-invitations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Аккаунты конфигураций", description = "Accounts of type «Партнерская конфигурация» (seed 000, DESIGN.md §4)")
class ConfigurationInvitationController {

    private final ConfigurationService configurations;
    private final CurrentCaller caller;

    ConfigurationInvitationController(ConfigurationService configurations, CurrentCaller caller) {
        this.configurations = configurations;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "Invitations the caller's partner received, and those of the accounts it manages",
            description = "Paged (ADR 0044). Filters: status (PENDING: waiting for an answer), account (its id), partner (the "
                    + "invited partner's code; the caller's own code: the invitations it received). Sort key: invited "
                    + "(default invited, oldest first).")
    ApiPage<InvitationView> list(@ParameterObject @Valid PageQuery query,
                                 @Parameter(description = "Только в этом статусе") @RequestParam(required = false) InvitationStatus status,
                                 @Parameter(description = "Номер аккаунта конфигураций") @RequestParam(required = false) Long account,
                                 @Parameter(description = "Код приглашенного партнера") @RequestParam(required = false) String partner) {
        Pageable page = query.pageable(Sort.by("invitedAt", "id"), Map.of("invited", "invitedAt,id"));
        return ApiPage.of(configurations.invitations(caller.get(), status, account, partner, page), InvitationView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One invitation (the invited partner or the account's manager)")
    InvitationView get(@PathVariable long id) {
        return InvitationView.of(configurations.invitation(id, caller.get()));
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "Accept the invitation: the caller's partner becomes a member of the account (invited partner only)")
    InvitationView accept(@PathVariable long id) {
        return InvitationView.of(configurations.accept(id, caller.get()));
    }

    @PostMapping("/{id}/refusal")
    @Operation(summary = "Decline the invitation (invited partner only)")
    InvitationView decline(@PathVariable long id) {
        return InvitationView.of(configurations.decline(id, caller.get()));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw an invitation not answered yet (the account's manager only)")
    InvitationView withdraw(@PathVariable long id) {
        return InvitationView.of(configurations.withdrawInvitation(id, caller.get()));
    }
}
