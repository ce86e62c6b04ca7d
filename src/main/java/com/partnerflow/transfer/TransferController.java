package com.partnerflow.transfer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import com.partnerflow.system.ListFilters;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/transfers")
@Validated
@Tag(name = "Переводы абонентов", description = "Subscriber transfers between partners (DESIGN.md §1)")
class TransferController {

    private final TransferService transfers;
    private final TransferProcessStarter starter;
    private final TransferWithdrawal withdrawal;
    private final CurrentCaller caller;

    TransferController(TransferService transfers, TransferProcessStarter starter, TransferWithdrawal withdrawal, CurrentCaller caller) {
        this.transfers = transfers;
        this.starter = starter;
        this.withdrawal = withdrawal;
        this.caller = caller;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a transfer with the client's signed letter (PDF, JPEG or PNG, at most 10 MB)",
            description = "The new partner is always the caller's own partner. 422 with a Russian detail when a check fails.")
    ResponseEntity<TransferView> submit(@ModelAttribute TransferSubmission submission) {
        long id = starter.start(submission.toCommand());
        return ResponseEntity.created(URI.create("/api/transfers/" + id)).body(TransferView.of(transfers.find(id, caller.get())));
    }

    @PostMapping(path = "/{id}/withdrawal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw the caller's partner's own transfer at any step before a decision",
            description = "Frees the subscriber for other requests; the current partner is mailed if it was asked. 403 for the "
                    + "current partner, 404 for anyone else, 409 once decided or closed.")
    TransferView withdraw(@PathVariable long id) {
        return TransferView.of(withdrawal.withdraw(id, caller.get()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A transfer with its status and history, if the caller's partner is involved")
    TransferView get(@PathVariable long id) {
        return TransferView.of(transfers.find(id, caller.get()));
    }

    @GetMapping
    @Operation(summary = "Transfers involving the caller's partner (vendor staff: all), newest first",
            description = "Paged (ADR 0044). Filters: status, subscriber (its number), updatedSince (ISO-8601, e.g. "
                    + "2026-12-01T00:00:00Z: changed at or after it). Sort keys: created, updated (default -created).")
    ApiPage<TransferView> list(@ParameterObject @Valid PageQuery query,
                               @Parameter(description = "Только в этом статусе") @RequestParam(required = false) TransferStatus status,
                               @Parameter(description = "Номер абонента") @RequestParam(required = false) String subscriber,
                               @Parameter(description = "Изменены в этот момент или позже (ISO-8601)")
                               @RequestParam(required = false) Instant updatedSince) {
        Pageable page = query.pageable(NEWEST_FIRST, SORT_KEYS);
        return ApiPage.of(transfers.list(caller.get(), new TransferFilter(status, ListFilters.text(subscriber), updatedSince), page),
                TransferView::of);
    }

    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");
    static final Map<String, String> SORT_KEYS = Map.of("created", "createdAt,id", "updated", "updatedAt,id");

    @GetMapping("/{id}/letter")
    @Operation(summary = "The client's letter as it was uploaded")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        TransferService.LetterContent letter = transfers.letter(id, caller.get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(letter.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(letter.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(letter.content());
    }
}
