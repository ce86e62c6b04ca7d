package com.partnerflow.subscriber;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.DemoUsers;
import com.partnerflow.security.Groups;

/**
 * Subscriber demo data (profile {@code demo}), after the partners: 1001, 1002 and 1004 served by ALFA, 1003 and 1006 by
 * BETA, 1005 by GAMMA (suspended by vera, with a reason), 1С-Отчетность on the cards of 1001 (single-user) and 1003
 * (multi-user, 2 to 9 users), and the client users {@code ivan} (1001) and {@code irina} (1003). Only once.
 */
@Component
@Profile("demo")
class SubscriberDemoData {

    private static final Logger log = LoggerFactory.getLogger(SubscriberDemoData.class);

    private final Subscribers subscribers;
    private final SubscriberProducts products;
    private final SubscriberService subscriberService;
    private final PartnerService partners;
    private final DemoUsers users;
    private final Clock clock;

    SubscriberDemoData(Subscribers subscribers, SubscriberProducts products, SubscriberService subscriberService, PartnerService partners, DemoUsers users, Clock clock) {
        this.subscribers = subscribers;
        this.products = products;
        this.subscriberService = subscriberService;
        this.partners = partners;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(11)
    @Transactional
    public void seed() {
        if (subscribers.count() > 0 || !users.exists("anna")) {
            return;
        }
        subscriber("1001", "ООО «Ромашка»", "7707083893", "ALFA");
        subscriber("1002", "ИП Сидоров Алексей Викторович", "500100732259", "ALFA");
        subscriber("1003", "ООО «Вектор»", "7736207543", "BETA");
        subscriber("1004", "АО «Север»", "7702070139", "ALFA");
        subscriber("1005", "ООО «Лотос»", "7710140679", "GAMMA")
                .changeStatus(SubscriberStatus.SUSPENDED, "Партнер приостановил обслуживание: договор на паузе", "vera", clock.instant());
        subscriber("1006", "ООО «Меридиан»", "7728168971", "BETA");
        // the cards show 1С-Отчетность: 1001 in single-user mode (ivan asks for more), 1003 with multi-user mode since before
        product("1001", null);
        product("1003", MultiUserTier.TWO_TO_NINE);
        client("ivan", "Иван", "Соколов", "1001");
        client("irina", "Ирина", "Белова", "1003");
        log.info("Subscriber demo data seeded: 1001-1006, client users ivan (1001) and irina (1003)");
    }

    private Subscriber subscriber(String number, String name, String inn, String partnerCode) {
        return subscribers.save(new Subscriber(number, name, inn, SubscriberStatus.ACTIVE, partners.byCode(partnerCode), clock.instant()));
    }

    private void product(String number, MultiUserTier tier) {
        Subscriber subscriber = subscribers.findByNumber(number).orElseThrow();
        SubscriberProduct product = products.save(new SubscriberProduct(subscriber, Product.REPORTING, clock.instant()));
        product.applyMultiUserMode(tier, null, LocalDate.now(clock).minusMonths(2).withDayOfMonth(1), clock.instant());
    }

    private void client(String id, String firstName, String lastName, String subscriberNumber) {
        users.person(id, firstName, lastName, Groups.CLIENTS);
        subscriberService.addClientUser(subscriberNumber, id);
    }
}
