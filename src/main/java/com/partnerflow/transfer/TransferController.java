package com.partnerflow.transfer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.security.CurrentCaller;

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
    @Operation(summary = "Transfers involving the caller's partner, newest first")
    PageView list(@RequestParam(defaultValue = "0") @Min(value = 0, message = "номер страницы от 0 до 1000000")
                  @Max(value = MAX_PAGE, message = "номер страницы от 0 до 1000000") int page,
                  @RequestParam(defaultValue = "20") @Min(value = 1, message = "размер страницы от 1 до 100")
                  @Max(value = 100, message = "размер страницы от 1 до 100") int size) {
        Page<TransferRequest> result = transfers.list(caller.get(), PageRequest.of(page, size));
        return new PageView(result.getContent().stream().map(TransferView::of).toList(),
                result.getNumber(), result.getSize(), result.getTotalElements(), result.getTotalPages());
    }

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

    /** Far beyond any real list, and low enough that page × size never overflows the database's row offset. */
    static final int MAX_PAGE = 1_000_000;

    record PageView(List<TransferView> content, int page, int size, long totalElements, int totalPages) {
    }
}
