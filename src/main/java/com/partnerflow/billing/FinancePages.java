package com.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.portal.PortalPage;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * «Финансы» of the partner portal (ADR 0046, 0048): the partner's charges month by month as a chart (per product or per
 * client) with the same figures as a table under it, the current month's charges so far, its reconciliations (a link
 * into Tasklist for one that waits for the partner's answer) and invoices, and the charges as finance's CSV. Everything
 * through the services {@code /api}'s billing endpoints call, as the caller; another partner's ids are 404.
 */
@Controller
class FinancePages implements PortalPage {

    /** The chart's month ranges a person can choose; anything else typed into the address means the first. */
    static final List<Integer> RANGES = List.of(6, 12, 24);
    /** The reconciliations and invoices shown: a year and a bit. */
    static final int LISTED = 15;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ChargeReports reports;
    private final SettlementService settlements;
    private final ReconciliationDecisions decisions;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final Clock clock;

    FinancePages(ChargeReports reports, SettlementService settlements, ReconciliationDecisions decisions, CurrentCaller caller,
                 ObjectMapper json, Clock clock) {
        this.reports = reports;
        this.settlements = settlements;
        this.decisions = decisions;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(path = "/portal/finance", produces = MediaType.TEXT_HTML_VALUE)
    String finance(@ModelAttribute("portal") PortalUser user, @RequestParam(required = false) String view,
                   @RequestParam(required = false) String months, Model model) {
        String code = partnerOf(user);
        boolean perClient = "client".equals(view);
        int range = range(months);
        MonthlyCharges charges = reports.monthly(code, lastMonths(range),
                perClient ? MonthlyCharges.Breakdown.CLIENT : MonthlyCharges.Breakdown.PRODUCT, caller.get());
        MonthlyCharges.Month current = charges.months().get(charges.months().size() - 1);
        model.addAttribute("view", perClient ? "client" : "product");
        model.addAttribute("months", range);
        model.addAttribute("ranges", RANGES);
        model.addAttribute("table", Table.of(charges));
        model.addAttribute("chart", chartData(charges));
        model.addAttribute("current", new Figure(capitalized(current.label()), Money.rubles(current.amount()), current.chargeCount()));
        PageRequest newestFirst = PageRequest.of(0, LISTED, BillingController.NEWEST_MONTH_FIRST);
        model.addAttribute("reconciliations", settlements.reconciliations(caller.get(), null, null, null, newestFirst)
                .map(decisions::listed).map(FinancePages::row).getContent());
        model.addAttribute("invoices", settlements.invoicesOf(code, null, caller.get(), newestFirst)
                .map(InvoiceView::of).map(this::row).getContent());
        return "portal/finance/finance";
    }

    /** The charges of the months the page shows, as finance's CSV ({@code GET /api/partners/{code}/charges.csv}). */
    @GetMapping("/portal/finance/charges.csv")
    ResponseEntity<byte[]> chargesCsv(@ModelAttribute("portal") PortalUser user, @RequestParam(required = false) String months) {
        return BillingController.csv(reports.csv(partnerOf(user), lastMonths(range(months)), caller.get()));
    }

    /** One reconciliation: where it stands, finance's note and the answer, its charges and invoice. */
    @GetMapping(path = "/portal/finance/reconciliations/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String reconciliation(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model) {
        partnerOf(user);
        ReconciliationView reconciliation = settlements.find(id, caller.get());
        ReconciliationListView listed = decisions.listed(settlements.reconciliation(id, caller.get()));
        model.addAttribute("r", reconciliation);
        model.addAttribute("row", row(listed));
        model.addAttribute("charges", reconciliation.charges().stream().map(charge -> new ChargeRow(charge.subscriberNumber() + " "
                + charge.subscriberName(), charge.itemLabel(), Money.rubles(charge.listPrice()), percent(charge.discountPercent()),
                charge.promotion() == null ? "—" : charge.promotion() + " (" + percent(charge.promotionPercent()) + ")",
                Money.rubles(charge.amount()))).toList());
        model.addAttribute("listTotal", Money.rubles(reconciliation.listTotal()));
        model.addAttribute("invoice", reconciliation.invoice() == null ? null : row(reconciliation.invoice()));
        return "portal/finance/reconciliation";
    }

    /** The reconciliation's charges: the very file finance downloads ({@code GET /api/reconciliations/{id}/charges.csv}). */
    @GetMapping("/portal/finance/reconciliations/{id}/charges.csv")
    ResponseEntity<byte[]> reconciliationCsv(@ModelAttribute("portal") PortalUser user, @PathVariable long id) {
        partnerOf(user);
        return BillingController.csv(settlements.chargesCsv(id, caller.get()));
    }

    /** «Финансы» is a partner employee's: anyone else finds nothing here. */
    private static String partnerOf(PortalUser user) {
        return user.partnerCode().filter(code -> user.partner())
                .orElseThrow(() -> BusinessRuleViolation.notFound("Раздел «Финансы» — для сотрудников партнера."));
    }

    private static int range(String months) {
        return RANGES.stream().filter(range -> String.valueOf(range).equals(months)).findFirst().orElse(RANGES.get(0));
    }

    private ChargeReports.Months lastMonths(int range) {
        YearMonth now = YearMonth.now(clock);
        return reports.months(now.minusMonths(range - 1L), now);
    }

    /** What the chart script draws: the same figures as the table, as numbers, in a data attribute (ADR 0048). */
    private String chartData(MonthlyCharges charges) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", charges.months().stream().map(MonthlyCharges.Month::label).toList());
        data.put("series", charges.series().stream().map(series -> Map.of("label", series.label(), "amounts", series.amounts())).toList());
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReconciliationRow row(ReconciliationListView r) {
        String tasklist = r.answerTask() == null ? null : "/camunda/app/tasklist/default/#/?task=" + r.answerTask();
        return new ReconciliationRow(r.id(), capitalized(Money.month(r.period())), r.statusLabel(), statusClass(r.status()),
                r.chargeCount(), Money.rubles(r.totalAmount()), tasklist);
    }

    private InvoiceRow row(InvoiceView invoice) {
        String reconciliation = invoice.reconciliation().substring(invoice.reconciliation().lastIndexOf('/') + 1);
        return new InvoiceRow(invoice.number(), capitalized(Money.month(invoice.period())), Money.rubles(invoice.amount()),
                invoice.status() == Invoice.Status.ISSUED ? "выставлен" : invoice.status().name(),
                DAY.format(invoice.issuedAt().atZone(clock.getZone())), reconciliation);
    }

    private static String statusClass(ReconciliationStatus status) {
        return switch (status) {
            case AWAITING_CONFIRMATION -> "";
            case RETURNED_TO_PARTNER -> "warn";
            case CONFIRMED, INVOICED -> "ok";
        };
    }

    private static String percent(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A figure of a card: what, how much, of how many charges. */
    record Figure(String label, String amount, int chargeCount) {
    }

    /** The chart's table: a row per month, a column per series, totals of both; rubles written the Russian way. */
    record Table(List<String> columns, List<Row> rows, List<String> columnTotals, String total, int chargeCount) {

        record Row(String month, List<String> cells, String total, int chargeCount) {
        }

        static Table of(MonthlyCharges charges) {
            List<Row> rows = IntStream.range(0, charges.months().size()).mapToObj(i -> {
                MonthlyCharges.Month month = charges.months().get(i);
                return new Row(capitalized(month.label()), charges.series().stream().map(series -> Money.rubles(series.amounts().get(i)))
                        .toList(), Money.rubles(month.amount()), month.chargeCount());
            }).toList();
            return new Table(charges.series().stream().map(MonthlyCharges.Series::label).toList(), rows,
                    charges.series().stream().map(series -> Money.rubles(series.total())).toList(), Money.rubles(charges.total()),
                    charges.chargeCount());
        }
    }

    record ReconciliationRow(long id, String month, String status, String statusClass, int chargeCount, String total,
                             String answerTask) {
    }

    record InvoiceRow(String number, String month, String amount, String status, String issued, String reconciliationId) {
    }

    record ChargeRow(String client, String item, String listPrice, String discount, String promotion, String amount) {
    }
}
