package com.partnerflow.system;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets idempotency keys after their retention (24 hours by default): a key is for retrying one submission,
 * not for ever. Each node of a cluster runs it; deleting what another node already deleted is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyKeys keys;
    private final Duration retention;
    private final Clock clock;

    IdempotencyCleanup(IdempotencyKeys keys, @Value("${partnerflow.idempotency.retention:PT24H}") Duration retention, Clock clock) {
        this.keys = keys;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${partnerflow.idempotency.cleanup-interval:PT1H}",
            initialDelayString = "${partnerflow.idempotency.cleanup-interval:PT1H}")
    void forgetExpiredKeys() {
        int deleted = keys.deleteCreatedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Forgot {} idempotency keys older than {}", deleted, retention);
        }
    }
}
