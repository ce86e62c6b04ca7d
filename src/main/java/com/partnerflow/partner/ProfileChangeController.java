package com.partnerflow.partner;

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

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/profile-changes")
@Tag(name = "Партнеры", description = "Partners' people as the vendor manages them")
class ProfileChangeController {

    private final ProfileChangeService changes;
    private final ProfileChangeCommands commands;
    private final CurrentCaller caller;

    ProfileChangeController(ProfileChangeService changes, ProfileChangeCommands commands, CurrentCaller caller) {
        this.changes = changes;
        this.commands = commands;
        this.caller = caller;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask vendor staff to change the caller's partner's details (partner employees)",
            description = "Starts the partner-profile-change process. Each field is the new value; an empty one keeps the current "
                    + "value; the reason is required. Status 1С:ЦСК and the sublicense discount are the vendor's to set and are not "
                    + "part of the request. 422 lists every problem at once; 409 while the partner has an open request.")
    ResponseEntity<ProfileChangeView> request(@RequestBody ProposeProfileChange request) {
        long id = commands.request(request);
        return ResponseEntity.created(URI.create("/api/profile-changes/" + id)).body(ProfileChangeView.of(changes.find(id, caller.get())));
    }

    @GetMapping
    @Operation(summary = "Requests to change the details: a partner's own; vendor staff every partner's, newest first",
            description = "Paged (ADR 0044). Filters: status, partner (its code), updatedSince (ISO-8601: requested, decided or "
                    + "applied at or after it). Sort key: requested (default -requested).")
    ApiPage<ProfileChangeView> list(@ParameterObject @Valid PageQuery query,
                                    @Parameter(description = "Только в этом статусе") @RequestParam(required = false) ProfileChangeStatus status,
                                    @Parameter(description = "Код партнера") @RequestParam(required = false) String partner,
                                    @Parameter(description = "Запрошены, решены или применены в этот момент или позже (ISO-8601)")
                                    @RequestParam(required = false) Instant updatedSince) {
        Pageable page = query.pageable(Sort.by(Sort.Direction.DESC, "requestedAt", "id"), Map.of("requested", "requestedAt,id"));
        return ApiPage.of(changes.list(caller.get(), new ProfileChangeFilter(status, partner, updatedSince), page), ProfileChangeView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request with its decision; another partner's reads like one that does not exist (404)")
    ProfileChangeView get(@PathVariable long id) {
        return ProfileChangeView.of(changes.find(id, caller.get()));
    }
}
