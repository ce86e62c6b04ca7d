package com.partnerflow.developer;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/developer-authorizations")
@Tag(name = "Авторизация разработчиков", description = "Partners' requests to authorize employees as extension developers (seed 002)")
class DeveloperController {

    private final DeveloperAuthorizationService authorizations;
    private final DeveloperCommands commands;
    private final CurrentCaller caller;

    DeveloperController(DeveloperAuthorizationService authorizations, DeveloperCommands commands, CurrentCaller caller) {
        this.authorizations = authorizations;
        this.commands = commands;
        this.caller = caller;
    }

    /** The body of a decision: APPROVE or REJECT; the comment is the reason of a rejection (then required). */
    record DecisionRequest(AuthorizationDecision decision, String comment) {
    }

    /** The body of a withdrawal: the reason, which the partner reads. */
    record WithdrawalRequest(String reason) {
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request the authorization of an employee of the caller's partner (partner employees)",
            description = "Starts the developer-authorization process. 422 lists every problem at once; 404 for someone who is "
                    + "not the partner's employee; 409 when the employee has an open request or an active authorization.")
    ResponseEntity<AuthorizationView> request(@RequestBody RequestAuthorization request) {
        long id = commands.request(request);
        return ResponseEntity.created(URI.create("/api/developer-authorizations/" + id))
                .body(AuthorizationView.of(authorizations.find(id, caller.get())));
    }

    @GetMapping
    @Operation(summary = "Authorizations and requests: a partner's own employees'; vendor staff every partner's, newest first",
            description = "Paged (ADR 0044). Filters: status, partner (its code), developer (the employee's login), updatedSince "
                    + "(ISO-8601: requested, decided or withdrawn at or after it). Sort key: requested (default -requested).")
    ApiPage<AuthorizationView> list(@ParameterObject @Valid PageQuery query,
                                    @Parameter(description = "Только в этом статусе") @RequestParam(required = false) AuthorizationStatus status,
                                    @Parameter(description = "Код партнера") @RequestParam(required = false) String partner,
                                    @Parameter(description = "Логин сотрудника") @RequestParam(required = false) String developer,
                                    @Parameter(description = "Запрошены, решены или отозваны в этот момент или позже (ISO-8601)")
                                    @RequestParam(required = false) Instant updatedSince) {
        Pageable page = query.pageable(Sort.by(Sort.Direction.DESC, "requestedAt", "id"), Map.of("requested", "requestedAt,id"));
        return ApiPage.of(authorizations.list(caller.get(), new AuthorizationFilter(status, partner, developer, updatedSince), page),
                AuthorizationView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One authorization with its dates; another partner's reads like one that does not exist (404)")
    AuthorizationView get(@PathVariable long id) {
        return AuthorizationView.of(authorizations.find(id, caller.get()));
    }

    @PostMapping(path = "/{id}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve or reject a request (vendor staff): completes the review task as Tasklist does",
            description = "422 for a rejection without a reason; 409 when the request was already decided.")
    AuthorizationView decide(@PathVariable long id, @RequestBody DecisionRequest decision) {
        Caller current = caller.get();
        commands.decide(id, decision.decision(), decision.comment(), current);
        return AuthorizationView.of(authorizations.find(id, current));
    }

    @PostMapping(path = "/{id}/withdrawal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw an active authorization with a reason (vendor staff); the partner is mailed",
            description = "403 for anyone but vendor staff; 409 when the authorization is not active.")
    AuthorizationView withdraw(@PathVariable long id, @RequestBody WithdrawalRequest withdrawal) {
        Caller current = caller.get();
        commands.withdraw(id, withdrawal.reason(), current);
        return AuthorizationView.of(authorizations.find(id, current));
    }
}
