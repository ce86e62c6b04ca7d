package com.partnerflow.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code partnerflow.webhooks.*}: how deliveries are sent and retried.
 *
 * @param retryDelays            the wait before each retry after a failed attempt; an event is tried once more than
 *                               there are delays, then given up (FAILED). The default is the Standard Webhooks
 *                               schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — some 28 hours in all
 * @param connectTimeout         how long to wait for the receiver to accept the connection
 * @param readTimeout            how long to wait for the receiver's answer once the request is sent
 * @param allowPrivateAddresses  whether endpoints on loopback, private and link-local addresses and plain http are
 *                               allowed: {@code true} only for tests and a demo receiver on the same machine. The cloud
 *                               metadata address is refused whatever this says
 * @param maxEndpointsPerPartner how many endpoints one partner may register
 */
@ConfigurationProperties("partnerflow.webhooks")
record WebhookSettings(
        @DefaultValue({"PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT10H"}) List<Duration> retryDelays,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("20") int maxEndpointsPerPartner) {

    WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    /** The attempts an event gets: the first and one per retry delay. */
    int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** The wait after the failed attempt number {@code attempt} (from 1), or {@code null} when it was the last one. */
    Duration delayAfter(int attempt) {
        return attempt < maxAttempts() ? retryDelays.get(attempt - 1) : null;
    }
}
