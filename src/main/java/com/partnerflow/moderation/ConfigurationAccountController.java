package com.partnerflow.moderation;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.moderation.ConfigurationRequests.AccountRequest;
import com.partnerflow.moderation.ConfigurationRequests.ConfigurationRequest;
import com.partnerflow.moderation.ConfigurationRequests.ContactRequest;
import com.partnerflow.moderation.ConfigurationRequests.EmployeeRequest;
import com.partnerflow.moderation.ConfigurationRequests.InvitationRequest;
import com.partnerflow.moderation.ConfigurationViews.AccountView;
import com.partnerflow.moderation.ConfigurationViews.ConfigurationView;
import com.partnerflow.security.CurrentCaller;

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
        return ResponseEntity.created(URI.create("/api/configuration-accounts/" + account.getId())).body(AccountView.of(account));
    }

    @GetMapping
    @Operation(summary = "Accounts the caller's partner manages or was invited into")
    List<AccountView> list() {
        return configurations.accounts(caller.get()).stream().map(AccountView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account with its partners, special employees and contact")
    AccountView get(@PathVariable long id) {
        return AccountView.of(configurations.account(id, caller.get()));
    }

    @PostMapping(path = "/{id}/members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Invite another partner into the account (manager only)")
    AccountView invite(@PathVariable long id, @RequestBody InvitationRequest request) {
        return AccountView.of(configurations.invite(id, request.partnerCode(), caller.get()));
    }

    @PostMapping(path = "/{id}/employees", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a special employee: a name only, no login (manager only, at most 10)")
    AccountView addEmployee(@PathVariable long id, @RequestBody EmployeeRequest request) {
        return AccountView.of(configurations.addEmployee(id, request.name(), caller.get()));
    }

    @DeleteMapping(path = "/{id}/employees/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remove a special employee by name (manager only)")
    AccountView removeEmployee(@PathVariable long id, @PathVariable String name) {
        return AccountView.of(configurations.removeEmployee(id, name, caller.get()));
    }

    @PostMapping(path = "/{id}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add the contact with access (manager only, at most 1)")
    AccountView addContact(@PathVariable long id, @RequestBody ContactRequest request) {
        return AccountView.of(configurations.addContact(id, request.name(), request.email(), caller.get()));
    }

    @DeleteMapping(path = "/{id}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remove the contact with access (manager only)")
    AccountView removeContact(@PathVariable long id) {
        return AccountView.of(configurations.removeContact(id, caller.get()));
    }

    @PostMapping(path = "/{id}/configurations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a configuration in the account; the caller's partner stays its creator",
            description = "Fields may be left empty while the configuration is prepared; 422 lists every malformed field.")
    ResponseEntity<ConfigurationView> createConfiguration(@PathVariable long id, @RequestBody ConfigurationRequest request) {
        Configuration configuration = configurations.create(id, request.toDraft(), caller.get());
        return ResponseEntity.created(URI.create("/api/configurations/" + configuration.getId()))
                .body(ConfigurationView.of(configuration, null));
    }
}
