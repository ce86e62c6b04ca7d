package com.partnerflow.billing;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import com.partnerflow.system.BadParameter;
import com.partnerflow.system.ListFilters;
import com.partnerflow.system.PageQuery;

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
    @Operation(summary = "The partner's invoices, newest month first",
            description = "Paged (ADR 0044). Filter: period (YYYY-MM). Sort key: period (default -period).")
    ApiPage<InvoiceView> invoices(@PathVariable String code, @ParameterObject @Valid PageQuery query,
                                  @Parameter(description = "Месяц, ГГГГ-ММ") @RequestParam(required = false) String period) {
        Pageable page = query.pageable(NEWEST_MONTH_FIRST, Map.of("period", "period,id"));
        return ApiPage.of(settlements.invoicesOf(code, period(period), caller.get(), page), InvoiceView::of);
    }

    @GetMapping("/partners/{code}/charges")
    @Operation(summary = "The partner's charges of one month, reconciled or not, with their totals",
            description = "The month so far when no period is given. Another partner's code is a 404, as an unknown one.")
    MonthChargesView charges(@PathVariable String code,
                             @Parameter(description = "Месяц, ГГГГ-ММ; по умолчанию текущий") @RequestParam(required = false) String period) {
        return settlements.monthCharges(code, period(period), caller.get());
    }

    @GetMapping("/reconciliations")
    @Operation(summary = "Monthly reconciliations: a partner's own; finance and vendor staff every partner's, newest month first",
            description = "Paged (ADR 0044). Filters: period (YYYY-MM), status, partner (its code; another partner's finds "
                    + "nothing). Sort keys: period, created (default -period).")
    ApiPage<ReconciliationListView> reconciliations(@ParameterObject @Valid PageQuery query,
                                                    @Parameter(description = "Месяц, ГГГГ-ММ") @RequestParam(required = false) String period,
                                                    @Parameter(description = "Только в этом статусе")
                                                    @RequestParam(required = false) ReconciliationStatus status,
                                                    @Parameter(description = "Код партнера") @RequestParam(required = false) String partner) {
        Pageable page = query.pageable(NEWEST_MONTH_FIRST, Map.of("period", "period,id", "created", "createdAt,id"));
        return ApiPage.of(settlements.reconciliations(caller.get(), ListFilters.text(partner),
                status, period(period), page), ReconciliationListView::of);
    }

    static final Sort NEWEST_MONTH_FIRST = Sort.by(Sort.Direction.DESC, "period").and(Sort.by("id"));

    /** A month as {@code YYYY-MM}, as reconciliations and invoices name it; anything else is a 400 naming {@code period}. */
    private static String period(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new BadParameter("period", "Неверный месяц «" + value + "»: укажите его как ГГГГ-ММ, например 2026-11.");
        }
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
