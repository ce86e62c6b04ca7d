package com.partnerflow.subscriber;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.partnerflow.security.CurrentCaller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
