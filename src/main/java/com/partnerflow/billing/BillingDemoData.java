package com.partnerflow.billing;

import java.time.Clock;
import java.time.YearMonth;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.DemoUsers;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.SubscriberService;

/**
 * Billing demo data (profile {@code demo}), after the partners and subscribers of {@code DemoData}: finance's user
 * {@code fedor}, and charges of ALFA and BETA over four months, so the partners' «Финансы» draws a chart on first start:
 * three months ago settled and invoiced; two months ago settled, BETA's invoiced and ALFA's sent back by finance with a
 * note (anna answers in Tasklist); last month not settled yet, so a newcomer can start the settlement of the previous
 * month as finance; and the current month's charges so far. The settlements run through the process as fedor would run
 * them. Only into an empty billing database.
 */
@Component
@Profile("demo")
class BillingDemoData {

    private static final Logger log = LoggerFactory.getLogger(BillingDemoData.class);

    private final BillingService billing;
    private final LicenseCharges charges;
    private final Reconciliations reconciliations;
    private final PartnerService partners;
    private final SubscriberService subscribers;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DemoUsers users;
    private final Clock clock;

    BillingDemoData(BillingService billing, LicenseCharges charges, Reconciliations reconciliations, PartnerService partners,
                    SubscriberService subscribers, RuntimeService runtime, TaskService tasks, DemoUsers users, Clock clock) {
        this.billing = billing;
        this.charges = charges;
        this.reconciliations = reconciliations;
        this.partners = partners;
        this.subscribers = subscribers;
        this.runtime = runtime;
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    @Transactional
    public void seed() {
        users.person("fedor", "Федор", "Волков", Groups.FINANCE);
        if (charges.count() > 0) {
            return;
        }
        if (subscribers.byNumber("1003").isEmpty()) {
            return; // no demo subscribers to charge
        }
        Partner alfa = partners.byCode("ALFA");
        Partner beta = partners.byCode("BETA");
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth lastMonth = thisMonth.minusMonths(1);
        YearMonth twoMonthsAgo = thisMonth.minusMonths(2);
        YearMonth threeMonthsAgo = thisMonth.minusMonths(3);
        charge(alfa, "1001", BillableItem.REPORTING_LICENSE, threeMonthsAgo);
        charge(alfa, "1001", BillableItem.REPORTING_MULTI_USER_2_9, threeMonthsAgo);
        charge(alfa, "1002", BillableItem.REPORTING_LICENSE, threeMonthsAgo);
        charge(beta, "1003", BillableItem.REPORTING_MULTI_USER_2_9, threeMonthsAgo);
        charge(alfa, "1001", BillableItem.REPORTING_MULTI_USER_2_9, twoMonthsAgo);
        charge(alfa, "1001", BillableItem.REPORTING_LICENSE, twoMonthsAgo);
        charge(alfa, "1004", BillableItem.REPORTING_MULTI_USER_10_PLUS, twoMonthsAgo);
        charge(beta, "1003", BillableItem.REPORTING_MULTI_USER_2_9, twoMonthsAgo);
        charge(beta, "1006", BillableItem.REPORTING_LICENSE, twoMonthsAgo);
        charge(alfa, "1001", BillableItem.REPORTING_MULTI_USER_2_9, lastMonth);
        charge(alfa, "1001", BillableItem.REPORTING_LICENSE, lastMonth);
        charge(alfa, "1004", BillableItem.REPORTING_MULTI_USER_10_PLUS, lastMonth);
        charge(beta, "1003", BillableItem.REPORTING_MULTI_USER_2_9, lastMonth);
        // this month: not 1001's multi-user mode, which ivan's demo application (waiting for ALFA) charges when approved
        charge(alfa, "1001", BillableItem.REPORTING_LICENSE, thisMonth);
        charge(alfa, "1002", BillableItem.REPORTING_LICENSE, thisMonth);
        charge(alfa, "1004", BillableItem.REPORTING_MULTI_USER_10_PLUS, thisMonth);
        charge(beta, "1006", BillableItem.REPORTING_LICENSE, thisMonth);
        log.info("Billing demo data seeded: finance user fedor (password fedor), charges of ALFA and BETA from {} to {}",
                threeMonthsAgo, thisMonth);
    }

    /**
     * Settles the two oldest demo months as fedor: every reconciliation confirmed (its invoice issued) except ALFA's of
     * two months ago, sent back with a note. Only when those months wait for a settlement (a fresh demo database).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(21)
    public void settle() {
        YearMonth thisMonth = YearMonth.now(clock);
        if (reconciliations.count() > 0 || !users.exists("fedor")) {
            return;
        }
        settle(thisMonth.minusMonths(3), null);
        settle(thisMonth.minusMonths(2), "ALFA");
        log.info("Billing demo data settled {} (invoiced) and {} (ALFA's reconciliation sent back to anna)",
                thisMonth.minusMonths(3), thisMonth.minusMonths(2));
    }

    private void settle(YearMonth month, String sentBack) {
        if (charges.partnersWithUnreconciledCharges(month.toString()).isEmpty()) {
            return;
        }
        users.as("fedor", () -> {
            String instance = runtime.startProcessInstanceByKey(SettlementProcess.KEY, SettlementProcess.PERIOD.with(month.toString())).getId();
            for (Task task : tasks.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(SettlementProcess.Elements.CONFIRM_RECONCILIATION).listPage(0, 100)) {
                boolean sendBack = reconciliations.findBySettlementBranch(task.getExecutionId()).orElseThrow()
                        .getPartner().getCode().equals(sentBack);
                VariableMap decision = SettlementProcess.SETTLEMENT_DECISION.with(sendBack ? SettlementDecision.SEND_BACK : SettlementDecision.CONFIRM);
                if (sendBack) {
                    SettlementProcess.FINANCE_NOTE.putIn(decision, "Проверьте начисление по абоненту 1004: в заявке было 8 пользователей, "
                            + "начислен режим на 10 и более.");
                }
                tasks.complete(task.getId(), decision);
            }
        });
    }

    private void charge(Partner partner, String subscriberNumber, BillableItem item, YearMonth period) {
        subscribers.byNumber(subscriberNumber)
                .filter(subscriber -> subscriber.getPartner().getId().equals(partner.getId()))
                .ifPresent(subscriber -> billing.recordCharge(partner, subscriber, item,
                        "demo:" + period + ":" + subscriberNumber + ":" + item, period));
    }
}
