package com.partnerflow.bench;

import static com.partnerflow.billing.SettlementProcess.*;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;

import com.partnerflow.TestData;
import com.partnerflow.billing.BillableItem;
import com.partnerflow.billing.BillingService;
import com.partnerflow.billing.LicenseCharge;
import com.partnerflow.billing.SettlementDecision;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;

/** A monthly settlement: finance settles a closed month with one partner's charge and confirms its reconciliation. */
class SettlementPath extends HappyPath<YearMonth> {

    /** Closed months nobody else uses: every settlement needs a month with charges of its own. */
    private static final AtomicInteger MONTHS = new AtomicInteger();
    private static final YearMonth FIRST_MONTH = YearMonth.of(1901, 1);

    private final TestData data;
    private final BillingService billing;
    private final JdbcTemplate jdbc;
    private Actor finance;
    private Partner partner;
    private Subscriber subscriber;

    SettlementPath(ProcessEngine engine, TestData data, BillingService billing, JdbcTemplate jdbc) {
        super(engine);
        this.data = data;
        this.billing = billing;
        this.jdbc = jdbc;
    }

    @Override
    String key() {
        return SettlementProcess.KEY;
    }

    @Override
    String endEvent() {
        return Elements.END_MONTH_SETTLED;
    }

    @Override
    Set<String> happyFlows() {
        return Set.of("flow_confirmed");
    }

    @Override
    void setUp() {
        finance = actor(data.user(Groups.FINANCE));
        partner = data.partner();
        subscriber = data.subscriber(partner);
    }

    /**
     * A month with one charge. The public API charges the current month only, which nobody may settle yet, so the
     * charge is priced by the application and then moved to its month, as the demo data's closed months are.
     */
    @Override
    YearMonth prepare() {
        YearMonth month = FIRST_MONTH.plusMonths(MONTHS.getAndIncrement());
        LicenseCharge charge = billing.recordLicenseCharge(partner, subscriber, BillableItem.REPORTING_LICENSE, "bench:" + month);
        jdbc.update("update license_charge set period = ? where id = ?", month.toString(), charge.getId());
        return month;
    }

    @Override
    String drive(YearMonth month, Side side) {
        VariableMap start = PERIOD.with(month.toString());
        if (side == Side.BARE) {
            // the multi-instance collection, which the application's reconciliation step computes: one reconciliation
            start.putValueTyped(RECONCILIATION_IDS.name(), Variables.untypedValue(List.of(1L), true));
        }
        String id = start(finance, side, start);
        complete(finance, id, Elements.CONFIRM_RECONCILIATION, SETTLEMENT_DECISION.with(SettlementDecision.CONFIRM));
        return id;
    }
}
