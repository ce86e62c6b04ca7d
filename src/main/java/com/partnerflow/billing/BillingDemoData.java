package com.partnerflow.billing;

import java.time.Clock;
import java.time.YearMonth;

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
 * Billing demo data (profile {@code demo}), after the partners and subscribers of {@code DemoData}:
 * finance's user {@code fedor} and last month's charges of ALFA and BETA, so a newcomer can start the
 * settlement of the previous month as finance. Only into an empty billing database.
 */
@Component
@Profile("demo")
class BillingDemoData {

    private static final Logger log = LoggerFactory.getLogger(BillingDemoData.class);

    private final BillingService billing;
    private final LicenseCharges charges;
    private final PartnerService partners;
    private final SubscriberService subscribers;
    private final DemoUsers users;
    private final Clock clock;

    BillingDemoData(BillingService billing, LicenseCharges charges, PartnerService partners, SubscriberService subscribers,
                    DemoUsers users, Clock clock) {
        this.billing = billing;
        this.charges = charges;
        this.partners = partners;
        this.subscribers = subscribers;
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
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        charge(alfa, "1001", BillableItem.REPORTING_MULTI_USER_2_9, lastMonth);
        charge(alfa, "1001", BillableItem.REPORTING_LICENSE, lastMonth);
        charge(alfa, "1004", BillableItem.REPORTING_MULTI_USER_10_PLUS, lastMonth);
        charge(beta, "1003", BillableItem.REPORTING_MULTI_USER_2_9, lastMonth);
        log.info("Billing demo data seeded: finance user fedor (password fedor), charges of ALFA and BETA for {}", lastMonth);
    }

    private void charge(Partner partner, String subscriberNumber, BillableItem item, YearMonth period) {
        subscribers.byNumber(subscriberNumber)
                .filter(subscriber -> subscriber.getPartner().getId().equals(partner.getId()))
                .ifPresent(subscriber -> billing.recordCharge(partner, subscriber, item,
                        "demo:" + period + ":" + subscriberNumber + ":" + item, period));
    }
}
