package com.partnerflow.billing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.partnerflow.security.CurrentCaller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Invoices and reconciliations: a partner's people see their own partner's, finance and the vendor's
 * staff see all; anything else is a 404, as if it did not exist. GET only, so the links of the task
 * forms open with the Tasklist session.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Сверки и счета", description = "Monthly settlement with partners (DESIGN.md §2, seed 001)")
class BillingController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SettlementService settlements;
    private final CurrentCaller caller;

    BillingController(SettlementService settlements, CurrentCaller caller) {
        this.settlements = settlements;
        this.caller = caller;
    }

    @GetMapping("/partners/{code}/invoices")
    @Operation(summary = "The partner's invoices, newest month first")
    List<InvoiceView> invoices(@PathVariable String code) {
        return settlements.invoicesOf(code, caller.get());
    }

    @GetMapping("/reconciliations/{id}")
    @Operation(summary = "A monthly reconciliation with its totals, charges and invoice")
    ReconciliationView reconciliation(@PathVariable long id) {
        return settlements.find(id, caller.get());
    }

    @GetMapping(value = "/reconciliations/{id}/charges.csv", produces = "text/csv")
    @Operation(summary = "The reconciliation's charges as CSV for Excel",
            description = "UTF-8 with BOM, ';' delimiter, CRLF, decimal comma; text cells that start like a formula get a leading apostrophe.")
    ResponseEntity<byte[]> chargesCsv(@PathVariable long id) {
        SettlementService.CsvFile csv = settlements.chargesCsv(id, caller.get());
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(csv.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(csv.content());
    }
}
