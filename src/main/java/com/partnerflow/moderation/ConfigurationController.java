package com.partnerflow.moderation;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.moderation.ConfigurationRequests.ConfigurationRequest;
import com.partnerflow.moderation.ConfigurationRequests.UnpublicationRequest;
import com.partnerflow.moderation.ConfigurationViews.ConfigurationView;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/configurations")
@Tag(name = "Конфигурации", description = "Partner configurations and their moderation (seed 000, DESIGN.md §4)")
class ConfigurationController {

    /** The list's order unless {@code sort} says otherwise, and its sort keys (the portal's list sorts the same way). */
    static final Sort DEFAULT_SORT = Sort.by("createdAt", "id");
    static final Map<String, String> SORT_KEYS = Map.of("created", "createdAt,id", "updated", "updatedAt,id", "title", "content.title,id");

    private final ConfigurationService configurations;
    private final ModerationService moderations;
    private final ModerationCommands commands;
    private final CurrentCaller caller;

    ConfigurationController(ConfigurationService configurations, ModerationService moderations, ModerationCommands commands,
                            CurrentCaller caller) {
        this.configurations = configurations;
        this.moderations = moderations;
        this.commands = commands;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "Configurations the caller sees: its partner's, and those of the partners of its accounts (seed 000)",
            description = "Paged (ADR 0044). Filters: own=true (only those the caller's partner made, which it may send to "
                    + "moderation), status, account (its id), updatedSince (ISO-8601: settings edited at or after it). "
                    + "Sort keys: created, updated, title (default created).")
    ApiPage<ConfigurationView> list(@ParameterObject @Valid PageQuery query,
                                    @Parameter(description = "Только созданные партнером пользователя") @RequestParam(defaultValue = "false") boolean own,
                                    @Parameter(description = "Только в этом статусе") @RequestParam(required = false) ConfigurationStatus status,
                                    @Parameter(description = "Номер аккаунта конфигураций") @RequestParam(required = false) Long account,
                                    @Parameter(description = "Настройки изменены в этот момент или позже (ISO-8601)")
                                    @RequestParam(required = false) Instant updatedSince) {
        Pageable page = query.pageable(DEFAULT_SORT, SORT_KEYS);
        return ApiPage.of(configurations.list(caller.get(), new ConfigurationFilter(own, status, account, updatedSince), page),
                c -> ConfigurationView.of(c, null, null));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A configuration with its latest moderation, round by round")
    ConfigurationView get(@PathVariable long id) {
        return view(id, caller.get());
    }

    @PutMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the settings and entities (not while a moderator has it)",
            description = "A published configuration stays in the catalogue as it was approved until the new revision is.")
    ConfigurationView edit(@PathVariable long id, @RequestBody ConfigurationRequest request) {
        Caller current = caller.get();
        commands.edit(id, request.toDraft(), current);
        return view(id, current);
    }

    @PostMapping(path = "/{id}/moderation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send to moderation, or send again after the moderator asked for changes (creator only)",
            description = "Starts the configuration-moderation process. 422 lists every missing field at once.")
    ConfigurationView send(@PathVariable long id) {
        Caller current = caller.get();
        commands.send(id, current);
        return view(id, current);
    }

    @DeleteMapping(path = "/{id}/moderation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw from moderation while it waits for the moderator or for revision (creator only)")
    ConfigurationView withdraw(@PathVariable long id) {
        Caller current = caller.get();
        commands.withdraw(id, current);
        return view(id, current);
    }

    @PostMapping(path = "/{id}/unpublication", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take the configuration out of the public catalogue: its publisher, or a moderator with a reason",
            description = "Body {\"reason\": \"…\"}: optional for the publisher, required for a moderator (the partner is mailed). "
                    + "The history is kept; the configuration may be sent to moderation again.")
    ConfigurationView unpublish(@PathVariable long id, @RequestBody(required = false) UnpublicationRequest request) {
        Caller current = caller.get();
        moderations.unpublish(id, request == null ? null : request.reason(), current);
        return view(id, current);
    }

    private ConfigurationView view(long id, Caller current) {
        Configuration configuration = configurations.find(id, current);
        return ConfigurationView.of(configuration, moderations.latest(configuration).orElse(null),
                moderations.lastUnpublished(configuration).orElse(null));
    }
}
