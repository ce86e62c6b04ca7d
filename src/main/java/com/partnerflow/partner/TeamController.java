package com.partnerflow.partner;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping(path = "/api/team", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Команда", description = "The caller's partner's employees (ADR 0047): every employee reads them; the partner's "
        + "administrators add, deactivate and reactivate employees and make administrators, with their own login")
class TeamController {

    /** Sort keys of the team: by name (last, first, login) or by login. */
    static final Map<String, String> SORTABLE = Map.of("name", "name", "userId", "userId");
    static final Sort BY_NAME = Sort.by("name");

    private final TeamService team;
    private final CurrentCaller caller;

    TeamController(TeamService team, CurrentCaller caller) {
        this.team = team;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "The caller's partner's employees, deactivated ones included (partner employees)",
            description = "Each with what they can do: administrator, developer authorization, active API tokens. Paged (ADR "
                    + "0044); sort keys name (default), userId; filter status. 403 for anyone but a partner's employee.")
    ApiPage<TeamMember> list(@ParameterObject @Valid PageQuery query,
                             @Parameter(description = "Только в этом статусе") @RequestParam(required = false) TeamMember.Status status) {
        return ApiPage.of(team.team(caller.get(), status, query.pageable(BY_NAME, SORTABLE)), member -> member);
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One employee of the caller's partner; anyone else's login reads like one that does not exist (404)")
    TeamMember get(@PathVariable String userId) {
        return team.member(caller.get(), userId);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an employee to the caller's partner (its administrators, with their own login)",
            description = "Creates the user in the groups partners and partner-<CODE> only, with no password anybody knows, and "
                    + "mails them a single-use link to set one (valid 3 days). 422 lists every problem of the body at once; 409 "
                    + "when the login is taken, by anybody; 403 for a plain employee, a token, or anyone but a partner's employee.")
    ResponseEntity<TeamMember> add(@RequestBody NewEmployee employee) {
        TeamMember added = team.add(caller.get(), employee);
        return ResponseEntity.created(URI.create("/api/team/" + added.userId())).body(added);
    }

    @PostMapping("/{userId}/deactivation")
    @Operation(summary = "Deactivate an employee (administrators)",
            description = "Out of the partner's groups (no Tasklist, portal or API), a password nobody knows, their API tokens "
                    + "revoked, their claimed tasks back to the partner's group; recorded with who and when. 409 for the "
                    + "partner's last administrator or someone already deactivated; 404 for anyone not of the partner.")
    TeamMember deactivate(@PathVariable String userId) {
        return team.deactivate(caller.get(), userId);
    }

    @PostMapping("/{userId}/reactivation")
    @Operation(summary = "Take a deactivated employee back (administrators): the partner's groups and a new invitation mail",
            description = "409 when the employee is not deactivated.")
    TeamMember reactivate(@PathVariable String userId) {
        return team.reactivate(caller.get(), userId);
    }

    @PutMapping("/{userId}/administrator")
    @Operation(summary = "Make an employee an administrator of the partner (administrators); already one changes nothing")
    TeamMember makeAdministrator(@PathVariable String userId) {
        return team.administrator(caller.get(), userId, true);
    }

    @DeleteMapping("/{userId}/administrator")
    @Operation(summary = "An administrator is one no longer (administrators); 409 for the partner's last administrator")
    TeamMember unmakeAdministrator(@PathVariable String userId) {
        return team.administrator(caller.get(), userId, false);
    }

    @PostMapping("/{userId}/invitation")
    @Operation(summary = "Mail a new invitation to an employee who has not set a password yet (administrators)",
            description = "The earlier link stops working. 409 when the employee has set a password already.")
    TeamMember reinvite(@PathVariable String userId) {
        return team.reinvite(caller.get(), userId);
    }
}
