package com.partnerflow.reporting;

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
import com.partnerflow.system.ListFilters;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/reporting-applications")
@Tag(name = "Заявления на 1С-Отчетность", description = "Reporting-extension (multi-user mode) applications (DESIGN.md §2)")
class ReportingController {

    private final ReportingService applications;
    private final ReportingProcessStarter starter;
    private final CurrentCaller caller;

    ReportingController(ReportingService applications, ReportingProcessStarter starter, CurrentCaller caller) {
        this.applications = applications;
        this.starter = starter;
        this.caller = caller;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an application as a client user of the subscriber or for it as its servicing partner",
            description = "422 with a Russian detail when a check fails (INN/KPP, users, fewer than 2 users in multi-user mode); "
                    + "409 when the subscriber already has an open application.")
    ResponseEntity<ApplicationView> submit(@RequestBody ApplicationSubmission submission) {
        long id = starter.start(submission.toCommand());
        return ResponseEntity.created(URI.create("/api/reporting-applications/" + id))
                .body(ApplicationView.of(applications.find(id, caller.get())));
    }

    @GetMapping
    @Operation(summary = "Applications the caller sees: its own organizations' (client user), its clients' and those it "
            + "decided (partner), all (vendor staff); newest first",
            description = "Paged (ADR 0044). Filters: status, subscriber (its number), updatedSince (ISO-8601: submitted or "
                    + "decided at or after it). Sort key: submitted (default -submitted).")
    ApiPage<ApplicationView> list(@ParameterObject @Valid PageQuery query,
                                  @Parameter(description = "Только в этом статусе") @RequestParam(required = false) ApplicationStatus status,
                                  @Parameter(description = "Номер абонента") @RequestParam(required = false) String subscriber,
                                  @Parameter(description = "Поданы или решены в этот момент или позже (ISO-8601)")
                                  @RequestParam(required = false) Instant updatedSince) {
        Pageable page = query.pageable(Sort.by(Sort.Direction.DESC, "submittedAt", "id"), Map.of("submitted", "submittedAt,id"));
        return ApiPage.of(applications.list(caller.get(), status, ListFilters.text(subscriber),
                updatedSince, page), ApplicationView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application, for the client's users, the servicing partner and the vendor's staff")
    ApplicationView get(@PathVariable long id) {
        return ApplicationView.of(applications.find(id, caller.get()));
    }
}
