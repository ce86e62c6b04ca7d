package com.partnerflow.billing;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.notification.NotificationService;
import com.partnerflow.notification.TaskWaiting;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Deadlines;

/**
 * The use cases of the monthly settlement. Process steps call one method each; every method is one
 * transaction (the engine's, when called from a step). Visibility: a partner's people see their own
 * partner's reconciliations and invoices, finance and the vendor's staff see all of them.
 */
@Service
class SettlementService {

    private static final Logger log = LoggerFactory.getLogger(SettlementService.class);

    private final LicenseCharges charges;
    private final Reconciliations reconciliations;
    private final Invoices invoices;
    private final PartnerService partners;
    private final NotificationService notifications;
    private final SettlementMails mails;
    private final Clock clock;

    SettlementService(LicenseCharges charges, Reconciliations reconciliations, Invoices invoices, PartnerService partners,
                      NotificationService notifications, SettlementMails mails, Clock clock) {
        this.mails = mails;
        this.charges = charges;
        this.reconciliations = reconciliations;
        this.invoices = invoices;
        this.partners = partners;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The month a settlement works on: the previous month for the monthly timer (which passes none)
     * and for a blank start form; otherwise the month finance typed, which must be a closed month
     * ({@code YYYY-MM}).
     */
    YearMonth periodToSettle(String requested) {
        YearMonth current = YearMonth.now(clock);
        if (requested == null || requested.isBlank()) {
            return current.minusMonths(1);
        }
        String typed = requested.strip();
        YearMonth period;
        try {
            if (!typed.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", typed, 0);
            }
            period = YearMonth.parse(typed);
        } catch (DateTimeParseException e) {
            throw BusinessRuleViolation.invalid("Месяц указан неверно: «" + abbreviate(typed)
                    + "». Укажите месяц в виде ГГГГ-ММ, например " + current.minusMonths(1) + ".");
        }
        if (!period.isBefore(current)) {
            throw BusinessRuleViolation.invalid("Сверить можно только закончившийся месяц, а " + period
                    + " еще не закончился. Укажите " + current.minusMonths(1) + " или более ранний месяц.");
        }
        return period;
    }

    /**
     * Refuses a settlement a person starts for a month with nothing to reconcile, before anything is created: «Нечего
     * сверять», and why. The monthly timer is never refused; its run of such a month ends at «Нечего сверять».
     */
    @Transactional(readOnly = true)
    void requireSomethingToReconcile(YearMonth period) {
        List<Partner> withCharges = charges.partnersWithUnreconciledCharges(period.toString());
        if (withCharges.stream().anyMatch(partner -> !reconciled(partner, period))) {
            return;
        }
        String month = Deadlines.month(period);
        int opened = reconciliations.findByPeriodOrderById(period.toString()).size();
        String why = opened == 0 ? "за " + month + " нет начислений."
                : withCharges.isEmpty() ? "все начисления за " + month + " уже в сверках (сверок: " + opened + ")."
                : "сверки за " + month + " уже сформированы; начисления, пришедшие после них, ждут исправления сверки.";
        throw BusinessRuleViolation.invalid("Нечего сверять: " + why + " Сверка не запущена.");
    }

    /**
     * Opens one reconciliation per partner with charges of the month not yet reconciled, and returns
     * the ids of those opened now: a second run of a month finds nothing and opens nothing. Two runs
     * racing meet the unique (partner, month) constraint and one of them rolls back.
     */
    @Transactional
    List<Long> reconcile(YearMonth period) {
        List<Long> opened = new ArrayList<>();
        for (Partner partner : charges.partnersWithUnreconciledCharges(period.toString())) {
            if (reconciled(partner, period)) {
                log.warn("Charges of {} for {} arrived after its reconciliation; they wait for a correction", partner, period);
                continue;
            }
            List<LicenseCharge> open = charges.unreconciled(partner, period.toString());
            Reconciliation reconciliation = reconciliations.saveAndFlush(new Reconciliation(partner, period, open, clock.instant()));
            opened.add(reconciliation.getId());
            log.info("Reconciliation {} opened for {} {}: {} charges, {} RUB", reconciliation.getId(), partner, period,
                    reconciliation.getChargeCount(), reconciliation.getTotalAmount());
        }
        charges.flush();
        return opened;
    }

    /**
     * Binds a branch of the month's settlement (the execution of its «Сверка с партнером») to the reconciliation it
     * settles, when the branch starts: the id comes from the multi-instance collection the domain gave the engine, and no
     * task of the branch has run yet. Every later step of the branch finds its reconciliation by the branch.
     */
    @Transactional
    void openBranch(long reconciliationId, YearMonth period, String branch) {
        Reconciliation reconciliation = reconciliations.findById(reconciliationId)
                .filter(candidate -> candidate.getPeriod().equals(period.toString()))
                .orElseThrow(() -> new IllegalStateException("Reconciliation " + reconciliationId + " is not one of " + period));
        reconciliation.settleIn(branch);
    }

    /** Finance confirms or sends back; a send-back needs a note. Returns the reconciliation's id. */
    @Transactional
    long review(String branch, SettlementDecision decision, String note, String actor) {
        Reconciliation reconciliation = ofBranch(branch);
        switch (decision) {
            case CONFIRM -> reconciliation.confirm(actor, clock.instant());
            case SEND_BACK -> reconciliation.sendBack(note, actor, clock.instant());
        }
        return reconciliation.getId();
    }

    /** The partner answers finance's note; only its own people may. Returns the reconciliation's id. */
    @Transactional
    long answer(String branch, String reply, String actor) {
        Reconciliation reconciliation = ofBranch(branch);
        boolean ownPartner = partners.partnerOf(actor).map(reconciliation::belongsTo).orElse(false);
        if (!ownPartner) {
            throw BusinessRuleViolation.forbidden("Ответить на сверку может только сотрудник партнера "
                    + reconciliation.getPartner().getCode() + ".");
        }
        reconciliation.answer(reply, actor, clock.instant());
        return reconciliation.getId();
    }

    /** Issues the invoice of a confirmed reconciliation and writes the partner's mail, in one transaction. */
    @Transactional
    Invoice issueInvoice(String branch) {
        Reconciliation reconciliation = ofBranch(branch);
        Invoice invoice = invoices.saveAndFlush(Invoice.issue(reconciliation, clock.instant()));
        notifications.enqueue(SettlementMails.topic(reconciliation.getId()), mails.invoiceIssued(invoice, reconciliation));
        return invoice;
    }

    /** Sends the invoice mail of the branch's reconciliation. Returns the reconciliation's id. */
    long notifyPartner(String branch) {
        long reconciliationId = ofBranch(branch).getId();
        notifications.dispatch(SettlementMails.topic(reconciliationId));
        return reconciliationId;
    }

    /** Finance's last decision on the branch's reconciliation, as its status records it. */
    @Transactional(readOnly = true)
    SettlementDecision decision(String branch) {
        return switch (ofBranch(branch).getStatus()) {
            case CONFIRMED, INVOICED -> SettlementDecision.CONFIRM;
            case RETURNED_TO_PARTNER -> SettlementDecision.SEND_BACK;
            case AWAITING_CONFIRMATION -> throw new IllegalStateException("Branch " + branch + " has no decision of finance yet");
        };
    }

    /** What the task forms show of the branch's reconciliation, and who answers for its partner. */
    @Transactional(readOnly = true)
    Summary summary(String branch) {
        Reconciliation r = ofBranch(branch);
        return new Summary(r.getId(), r.getPartner().getCode() + " — " + r.getPartner().getName(), r.getChargeCount(),
                Money.rubles(r.getListTotal()), Money.rubles(r.getTotalAmount()), r.getPartner().group(), r.getPartner().label(),
                r.getFinanceNote());
    }

    /** One reconciliation as the tasks show it; {@code financeNote} is the note of the last send-back, if any. */
    record Summary(long reconciliationId, String partnerName, long chargeCount, String listTotal, String totalAmount, String partnerGroup,
                   String partnerLabel, String financeNote) {
    }

    @Transactional(readOnly = true)
    ReconciliationView find(long reconciliationId, Caller caller) {
        Reconciliation reconciliation = visible(reconciliationId, caller);
        return ReconciliationView.of(reconciliation, charges.ofReconciliation(reconciliationId),
                invoices.ofReconciliation(reconciliationId).orElse(null));
    }

    @Transactional(readOnly = true)
    CsvFile chargesCsv(long reconciliationId, Caller caller) {
        Reconciliation reconciliation = visible(reconciliationId, caller);
        byte[] content = ChargesCsv.write(reconciliation, charges.ofReconciliation(reconciliationId), clock.getZone());
        return new CsvFile("charges-" + reconciliation.getPartner().getCode() + "-" + reconciliation.getPeriod() + ".csv", content);
    }

    record CsvFile(String fileName, byte[] content) {
    }

    /** One page of a partner's invoices: for its own employees and whoever sees all billing; anyone else a 404. */
    @Transactional(readOnly = true)
    Page<Invoice> invoicesOf(String partnerCode, String period, Caller caller, Pageable page) {
        Partner partner = caller.seesAllBilling() ? partners.byCode(partnerCode)
                : partners.partnerOf(caller.userId()).filter(own -> own.getCode().equals(partnerCode))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Партнер с кодом " + abbreviate(partnerCode) + " не найден."));
        return invoices.findOfPartner(partner.getId(), period, page);
    }

    /**
     * A partner's charges of one month ({@code YYYY-MM}; the business's current month when null), reconciled or not:
     * for its own employees and whoever sees all billing; anyone else a 404, as for {@link #invoicesOf}.
     */
    @Transactional(readOnly = true)
    MonthChargesView monthCharges(String partnerCode, String period, Caller caller) {
        Partner partner = caller.seesAllBilling() ? partners.findByCode(partnerCode).orElse(null)
                : partners.partnerOf(caller.userId()).filter(own -> own.getCode().equals(partnerCode)).orElse(null);
        if (partner == null) {
            throw BusinessRuleViolation.notFound("Партнер с кодом " + abbreviate(partnerCode) + " не найден.");
        }
        String month = period == null ? YearMonth.now(clock).toString() : period;
        return MonthChargesView.of(partner, month, charges.ofPartnerAndPeriod(partner, month));
    }

    /**
     * One page of the reconciliations the caller sees ({@link #visible} as a query), matching the filters: finance and
     * vendor staff every partner's (or one partner's by {@code partnerCode}), a partner's employees their own, anyone
     * else none. Another partner's code finds nothing, as an unknown one does.
     */
    @Transactional(readOnly = true)
    Page<Reconciliation> reconciliations(Caller caller, String partnerCode, ReconciliationStatus status, String period,
                                         Pageable page) {
        if (caller.seesAllBilling() && partnerCode == null) {
            return reconciliations.findMatching(null, status, period, page);
        }
        Optional<Partner> partner = caller.seesAllBilling() ? partners.findByCode(partnerCode)
                : partners.partnerOf(caller.userId()).filter(own -> partnerCode == null || own.getCode().equals(partnerCode));
        if (partner.isEmpty()) {
            return Page.empty(page);
        }
        return reconciliations.findMatching(partner.get().getId(), status, period, page);
    }

    /** The reconciliation a branch of the settlement settles, as it stands now: where a decided task leaves it. */
    @Transactional(readOnly = true)
    Reconciliation reconciliationOfBranch(String branch) {
        return ofBranch(branch);
    }

    /** A reconciliation the caller may read; another partner's reads like one that does not exist (404). */
    @Transactional(readOnly = true)
    Reconciliation reconciliation(long reconciliationId, Caller caller) {
        return visible(reconciliationId, caller);
    }

    private Reconciliation visible(long reconciliationId, Caller caller) {
        return reconciliations.findById(reconciliationId)
                .filter(r -> caller.seesAllBilling()
                        || partners.partnerOf(caller.userId()).map(r::belongsTo).orElse(false))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Сверка № " + reconciliationId + " не найдена."));
    }

    /** The reconciliation a branch of the settlement was bound to when it started ({@link #openBranch}). */
    /** What the partner's answer task of the branch asks, for its "waiting for you" mail. */
    @Transactional(readOnly = true)
    TaskWaiting answerWaiting(String branch) {
        return mails.answer(ofBranch(branch));
    }

    private Reconciliation ofBranch(String branch) {
        return reconciliations.findBySettlementBranch(branch)
                .orElseThrow(() -> new IllegalStateException("No reconciliation is settled in branch " + branch));
    }

    private Reconciliation get(long reconciliationId) {
        return reconciliations.findById(reconciliationId)
                .orElseThrow(() -> new IllegalStateException("Reconciliation " + reconciliationId + " does not exist"));
    }

    private boolean reconciled(Partner partner, YearMonth period) {
        return reconciliations.existsByPartnerIdAndPeriod(partner.getId(), period.toString());
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
