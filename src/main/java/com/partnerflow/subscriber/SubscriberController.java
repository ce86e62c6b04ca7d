package com.partnerflow.subscriber;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.security.CurrentCaller;

@RestController
@RequestMapping("/api/subscribers")
@Tag(name = "Subscribers", description = "The organization card of a subscriber")
class SubscriberController {

    private final SubscriberService subscribers;
    private final CurrentCaller caller;

    SubscriberController(SubscriberService subscribers, CurrentCaller caller) {
        this.subscribers = subscribers;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "The organizations the caller acts for as a client user (empty for partners and staff)",
            description = "What the client's start forms (installation, removal) offer without asking for a number.")
    List<OrganizationView> own() {
        return subscribers.ownOrganizations(caller.get()).stream().map(OrganizationView::of).toList();
    }

    /** One of the caller's own organizations: enough to choose it. */
    record OrganizationView(String number, String name, SubscriberStatus status, String statusLabel) {

        static OrganizationView of(Subscriber subscriber) {
            return new OrganizationView(subscriber.getNumber(), subscriber.getName(), subscriber.getStatus(),
                    subscriber.getStatus().label());
        }
    }

    @GetMapping("/{number}")
    @Operation(summary = "The organization card: status (seed 003), servicing partner, and the status history with reasons")
    SubscriberView card(@PathVariable String number) {
        return SubscriberView.of(subscribers.card(number, caller.get()));
    }

    @PutMapping(path = "/{number}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the subscriber's status with a reason (vendor staff only)",
            description = "Body: {status: ACTIVE|PENDING_CONFIRMATION|SUSPENDED|INACTIVE, reason}. Only an active subscriber "
                    + "applies, installs and is charged. 422 without a reason, 409 for the status it has.")
    SubscriberView changeStatus(@PathVariable String number, @RequestBody StatusRequest request) {
        return SubscriberView.of(subscribers.changeStatus(number, request.status(), request.reason(), caller.get()));
    }

    record StatusRequest(SubscriberStatus status, String reason) {
    }

    record SubscriberView(String number, String name, String inn, SubscriberStatus status, String statusLabel, String partner,
                          List<StatusChangeView> statusHistory) {

        static SubscriberView of(Subscriber subscriber) {
            return new SubscriberView(subscriber.getNumber(), subscriber.getName(), subscriber.getInn(), subscriber.getStatus(),
                    subscriber.getStatus().label(), subscriber.getPartner().getCode(),
                    subscriber.getStatusChanges().stream().map(StatusChangeView::of).toList());
        }
    }

    record StatusChangeView(SubscriberStatus from, SubscriberStatus to, String toLabel, String reason, String changedBy,
                            Instant changedAt) {

        static StatusChangeView of(StatusChange change) {
            return new StatusChangeView(change.getFrom(), change.getTo(), change.getTo().label(), change.getReason(),
                    change.getChangedBy(), change.getChangedAt());
        }
    }

    @GetMapping("/{number}/products")
    @Operation(summary = "The products on the organization card («Продукты»), with multi-user mode, its tier and since when")
    List<ProductView> products(@PathVariable String number) {
        return subscribers.products(number, caller.get()).stream().map(ProductView::of).toList();
    }

    /** One product of the card; {@code multiUserMode} reads «Включен» or «Выключен» as the partner documentation shows it. */
    record ProductView(Product product, String name, boolean multiUserModeEnabled, String multiUserMode,
                       MultiUserTier tier, String tierLabel, LocalDate multiUserSince, Long applicationId) {

        static ProductView of(SubscriberProduct product) {
            MultiUserTier tier = product.getMultiUserTier();
            return new ProductView(product.getProduct(), product.getProduct().label(), product.isMultiUserMode(),
                    product.isMultiUserMode() ? "Включен" : "Выключен", tier, tier == null ? null : tier.label(),
                    product.getMultiUserSince(), product.getApplicationId());
        }
    }
}
