package com.partnerflow.work;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
@RequestMapping("/api/requests")
@Tag(name = "Запросы", description = "One list of every request the caller's partner (or client) takes part in, and each one's timeline")
class RequestController {

    private final RequestList list;
    private final RequestTimeline timeline;
    private final CurrentCaller caller;

    RequestController(RequestList list, RequestTimeline timeline, CurrentCaller caller) {
        this.list = list;
        this.timeline = timeline;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "Every request the caller's partner (or client organization) takes part in, across all kinds",
            description = "Vendor staff see every request; finance also every reconciliation, auditors every extension version, "
                    + "moderators every configuration. Sort: updated (default, newest first: -updated), created, due (none last).")
    ApiPage<RequestView> list(
            @Parameter(description = "Вид запроса") @RequestParam(required = false) RequestKind kind,
            @Parameter(description = "Статус: имя значения перечисления статусов, например LETTER_REVIEW") @RequestParam(required = false) String status,
            @Parameter(description = "Номер абонента", example = "1001") @RequestParam(required = false) String subscriber,
            @Parameter(description = "Только измененные с этого момента (ISO-8601)", example = "2026-11-01T00:00:00+03:00")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime updatedSince,
            @ParameterObject @Valid PageQuery query) {
        RequestList.Filter filter = new RequestList.Filter(kind, status, subscriber, updatedSince == null ? null : updatedSince.toInstant());
        return ApiPage.of(list.list(caller.get(), filter, query), view -> view);
    }

    @GetMapping("/{kind}/{id}")
    @Operation(summary = "One request as the list shows it: status, current step, who must act, due",
            description = "Readable exactly as the request's own GET (its href): 404 with its words otherwise; a draft no list "
                    + "shows is 404 too.")
    RequestView one(@PathVariable RequestKind kind, @PathVariable String id) {
        return list.one(kind, id, caller.get());
    }

    @GetMapping("/{kind}/{id}/timeline")
    @Operation(summary = "Every step of a request: tasks with who did them, when, the decision and the comment; submission, "
            + "deadlines passed, messages and closing", description = "Readable exactly as the request's own GET: 404 with its words otherwise.")
    List<TimelineStep> timeline(@PathVariable RequestKind kind, @PathVariable String id) {
        return timeline.of(kind, id, caller.get());
    }
}
