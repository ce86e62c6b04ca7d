package com.partnerflow.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One attempt of one delivery, in the delivery job's transaction: the row is locked (so an attempt never overlaps
 * another of the same delivery, on any node), the receiver called, the outcome written to the row and, after a
 * failure, the next attempt scheduled after the configured delay, or the delivery given up after the last one.
 * Nothing here touches a request: a receiver that fails only fills its own delivery log.
 */
@Component
class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);
    static final String METER = "partnerflow.webhook.attempts";

    private final WebhookDeliveries deliveries;
    private final EndpointAddresses addresses;
    private final WebhookSender sender;
    private final DeliveryJobs jobs;
    private final WebhookSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    DeliveryAttempts(WebhookDeliveries deliveries, EndpointAddresses addresses, WebhookSender sender, DeliveryJobs jobs,
                     WebhookSettings settings, MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.sender = sender;
        this.jobs = jobs;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public void run(long deliveryId, int attempt) {
        Optional<WebhookDelivery> found = deliveries.lockById(deliveryId);
        if (found.isEmpty() || !found.get().awaits(attempt)) {
            log.debug("Webhook delivery {} attempt {} is gone or already done; skipped", deliveryId, attempt);
            return;
        }
        WebhookDelivery delivery = found.get();
        WebhookEndpoint endpoint = delivery.getEndpoint();
        Instant now = clock.instant();
        if (!endpoint.isActive()) {
            delivery.failed(null, "Адрес отключен партнером: событие не отправлено.", now, null);
            count("cancelled");
            return;
        }
        WebhookSender.Outcome outcome = addresses.refusal(endpoint.getUrl()).map(WebhookSender.Outcome::refused)
                .orElseGet(() -> send(delivery, now));
        if (outcome.delivered()) {
            delivery.delivered(outcome.statusCode(), clock.instant());
            count("delivered");
            log.info("Webhook {} {} delivered to endpoint {} of {} (attempt {})", delivery.getEventType(),
                    delivery.getEventId(), endpoint.getId(), endpoint.getPartnerCode(), attempt);
            return;
        }
        Duration delay = settings.delayAfter(attempt);
        delivery.failed(outcome.statusCode(), outcome.error(), clock.instant(), delay);
        if (delay != null) {
            jobs.schedule(deliveryId, attempt + 1, delivery.getNextAttemptAt());
            count("failed");
            log.info("Webhook {} {} to endpoint {} of {} failed (attempt {}), retried at {}: {}", delivery.getEventType(),
                    delivery.getEventId(), endpoint.getId(), endpoint.getPartnerCode(), attempt, delivery.getNextAttemptAt(),
                    outcome.error());
        } else {
            count("given-up");
            log.warn("Webhook {} {} to endpoint {} of {} given up after {} attempts: {}", delivery.getEventType(),
                    delivery.getEventId(), endpoint.getId(), endpoint.getPartnerCode(), attempt, outcome.error());
        }
    }

    private WebhookSender.Outcome send(WebhookDelivery delivery, Instant now) {
        long timestamp = now.getEpochSecond();
        String signature = WebhookSignature.sign(delivery.getEndpoint().getSecret(), delivery.getEventId(), timestamp,
                delivery.getPayload());
        return sender.send(delivery.getEndpoint().getUrl(), delivery.getEventId(), timestamp, signature, delivery.getPayload());
    }

    private void count(String outcome) {
        meters.counter(METER, "outcome", outcome).increment();
    }
}
