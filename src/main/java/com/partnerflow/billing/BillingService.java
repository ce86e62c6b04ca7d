package com.partnerflow.billing;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * What other features charge partners for. The reporting-extension application calls
 * {@link #recordLicenseCharge} when it approves multi-user mode; the monthly settlement
 * reconciles, confirms and invoices the charges later.
 */
@Service
public class BillingService {

    private static final Logger log = LoggerFactory.getLogger(BillingService.class);

    private final LicenseCharges charges;
    private final Pricing pricing;
    private final Clock clock;

    BillingService(LicenseCharges charges, BillingSettings settings, Clock clock) {
        this.charges = charges;
        this.pricing = settings.pricing();
        this.clock = clock;
    }

    /**
     * Records this month's (the business's clock) charge for an item at the partner's sublicense
     * discount — and at the best active promotion only where the item admits promotions, which the
     * multi-user extension never does (seed 001). Idempotent per {@code source}: a second call with
     * the same source returns the first charge. Joins the caller's transaction, so the charge exists
     * exactly when the caller's decision does; two transactions racing with one source meet the
     * unique constraint and one of them fails. A charge of the same license in another size (the other multi-user
     * tier) that the partner was charged this month and that is not reconciled yet is replaced, not added to.
     */
    @Transactional
    public LicenseCharge recordLicenseCharge(Partner partner, Subscriber subscriber, BillableItem item, String source) {
        return recordCharge(partner, subscriber, item, source, YearMonth.now(clock));
    }

    /** A charge of a given month: for demo data and tests, which need closed months. */
    @Transactional
    LicenseCharge recordCharge(Partner partner, Subscriber subscriber, BillableItem item, String source, YearMonth period) {
        subscriber.whyNotWorking().ifPresent(why -> {
            throw BusinessRuleViolation.invalid("Начислить плату нельзя: " + why + ".");
        });
        Optional<LicenseCharge> existing = charges.findBySource(source);
        if (existing.isPresent()) {
            log.info("Charge for {} already recorded as {}", source, existing.get().getId());
            return existing.get();
        }
        List<LicenseCharge> replaced = charges.unreconciledOf(partner, subscriber, period.toString()).stream()
                .filter(charge -> charge.getItem() != item && charge.getItem().sameLicenseAs(item)).toList();
        if (!replaced.isEmpty()) {
            charges.deleteAll(replaced);
            charges.flush();
            log.info("Charges {} of subscriber {} for {} replaced by {}", replaced.stream().map(LicenseCharge::getId).toList(),
                    subscriber.getNumber(), period, item);
        }
        Pricing.Price price = pricing.price(item, period, partner.getSublicenseDiscountPercent());
        LicenseCharge charge = charges.saveAndFlush(new LicenseCharge(partner, subscriber, period, price, source, clock.instant()));
        log.info("Charge {} recorded: {} {} for subscriber {} of {}, {} RUB", charge.getId(), period, item,
                subscriber.getNumber(), partner.getCode(), charge.getAmount());
        return charge;
    }
}
