package com.partnerflow.work;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
@RequestMapping("/api/tasks")
@Tag(name = "Задачи", description = "The inbox: every open task the caller may work on, across all processes; taking and giving back a task")
class TaskController {

    private final Inbox inbox;
    private final CurrentCaller caller;

    TaskController(Inbox inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "Open tasks the caller may work on: a candidate group of theirs (taken by anyone) or assigned to them",
            description = "The engine's authorizations apply, as in Tasklist. Sorted by due date, tasks without one last; no sort parameter.")
    ApiPage<TaskView> list(
            @Parameter(description = "Вид задачи") @RequestParam(required = false) TaskKind kind,
            @Parameter(description = "Только со сроком раньше этого момента (ISO-8601)", example = "2026-12-01T00:00:00+03:00")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime dueBefore,
            @Parameter(description = "true — только просроченные") @RequestParam(defaultValue = "false") boolean overdue,
            @ParameterObject @Valid PageQuery query) {
        Inbox.Filter filter = new Inbox.Filter(kind, dueBefore == null ? null : dueBefore.toInstant(), overdue);
        return ApiPage.of(inbox.list(caller.get(), filter, query), view -> view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task the caller may work on, with the links its decision needs (the request, its documents, its timeline)",
            description = "404 «Задача не найдена» for a task that does not exist, has ended, or is not the caller's to work on.")
    TaskView get(@PathVariable String id) {
        return inbox.find(id, caller.get());
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take the task: the caller works on it, its other candidates no longer",
            description = "204; again by its holder: 204; held by someone else: 409; ended meanwhile: 409 saying how; not the caller's: 404.")
    ResponseEntity<Void> claim(@PathVariable String id) {
        inbox.claim(id, caller.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give the task back to its candidates", description = "204 (also when nobody holds it); held by someone else: 409; "
            + "not the caller's: 404.")
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        inbox.unclaim(id, caller.get());
        return ResponseEntity.noContent().build();
    }
}
