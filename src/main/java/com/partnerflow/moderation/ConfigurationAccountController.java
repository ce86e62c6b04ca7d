package com.partnerflow.moderation;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.moderation.ConfigurationRequests.AccountRequest;
import com.partnerflow.moderation.ConfigurationRequests.ConfigurationRequest;
import com.partnerflow.moderation.ConfigurationRequests.ContactRequest;
import com.partnerflow.moderation.ConfigurationRequests.EmployeeRequest;
import com.partnerflow.moderation.ConfigurationRequests.InvitationRequest;
import com.partnerflow.moderation.ConfigurationViews.AccountView;
import com.partnerflow.moderation.ConfigurationViews.ConfigurationView;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/configuration-accounts")
@Tag(name = "Аккаунты конфигураций", description = "Accounts of type «Партнерская конфигурация» (seed 000, DESIGN.md §4)")
class ConfigurationAccountController {

    private final ConfigurationService configurations;
    private final CurrentCaller caller;

    ConfigurationAccountController(ConfigurationService configurations, CurrentCaller caller) {
        this.configurations = configurations;
        this.caller = caller;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a configuration account managed by the caller's partner")
    ResponseEntity<AccountView> create(@RequestBody AccountRequest request) {
        ConfigurationAccount account = configurations.createAccount(request.name(), caller.get());
        return ResponseEntity.created(URI.create("/api/configuration-accounts/" + account.getId())).body(view(account));
    }

    @GetMapping
    @Operation(summary = "Accounts the caller's partner manages or works in (moderators and vendor staff: all)",
            description = "Paged (ADR 0044). Filters: manager (the managing partner's code), search (any part of the name). "
                    + "Sort keys: created, name (default created).")
    ApiPage<AccountView> list(@ParameterObject @Valid PageQuery query,
                              @Parameter(description = "Код управляющего партнера") @RequestParam(required = false) String manager,
                              @Parameter(description = "Часть названия") @RequestParam(required = false) String search) {
        Pageable page = query.pageable(Sort.by("createdAt", "id"), Map.of("created", "createdAt,id", "name", "name,id"));
        return ApiPage.of(configurations.accounts(caller.get(), manager, search, page), this::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account with its partners, special employees and contact")
    AccountView get(@PathVariable long id) {
        return view(configurations.account(id, caller.get()));
    }

    @PostMapping(path = "/{id}/members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Invite another partner into the account (manager only)",
            description = "The partner is mailed and becomes a member when one of its employees accepts "
                    + "(POST /api/configuration-invitations/{id}/acceptance); until then it has no access.")
    AccountView invite(@PathVariable long id, @RequestBody InvitationRequest request) {
        Caller current = caller.get();
        configurations.invite(id, request.partnerCode(), current);
        return view(configurations.account(id, current));
    }

    @DeleteMapping(path = "/{id}/members/{partnerCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remove a member partner (manager only): it loses access; its configurations stay bound to it")
    AccountView removeMember(@PathVariable long id, @PathVariable String partnerCode) {
        return view(configurations.removeMember(id, partnerCode, caller.get()));
    }

    @PostMapping(path = "/{id}/employees", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a special employee: a name only, no login (manager only, at most 10)")
    AccountView addEmployee(@PathVariable long id, @RequestBody EmployeeRequest request) {
        return view(configurations.addEmployee(id, request.name(), caller.get()));
    }

    @DeleteMapping(path = "/{id}/employees/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remove a special employee by name (manager only)")
    AccountView removeEmployee(@PathVariable long id, @PathVariable String name) {
        return view(configurations.removeEmployee(id, name, caller.get()));
    }

    @PostMapping(path = "/{id}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add the contact with access (manager only, at most 1)")
    AccountView addContact(@PathVariable long id, @RequestBody ContactRequest request) {
        return view(configurations.addContact(id, request.name(), request.email(), caller.get()));
    }

    @DeleteMapping(path = "/{id}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remove the contact with access (manager only)")
    AccountView removeContact(@PathVariable long id) {
        return view(configurations.removeContact(id, caller.get()));
    }

    @PostMapping(path = "/{id}/configurations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a configuration in the account; the caller's partner stays its creator",
            description = "Fields may be left empty while the configuration is prepared; 422 lists every malformed field.")
    ResponseEntity<ConfigurationView> createConfiguration(@PathVariable long id, @RequestBody ConfigurationRequest request) {
        Configuration configuration = configurations.create(id, request.toDraft(), caller.get());
        return ResponseEntity.created(URI.create("/api/configurations/" + configuration.getId()))
                .body(ConfigurationView.of(configuration, null, null));
    }

    private AccountView view(ConfigurationAccount account) {
        return AccountView.of(account, configurations.seesInvitations(account, caller.get()));
    }
}
