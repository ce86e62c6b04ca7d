package com.partnerflow.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * The business clock; the engine's own clock (ClockUtil) drives timers. Its zone is the business's
     * ({@code partnerflow.time-zone}, Moscow unless configured), not the server's: "today" decides
     * whether a letter is dated in the future, and must not change with the host the server runs on.
     */
    @Bean
    Clock clock(@Value("${partnerflow.time-zone:Europe/Moscow}") ZoneId zone) {
        return Clock.system(zone);
    }
}
