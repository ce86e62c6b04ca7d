package com.partnerflow.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The business clock; the engine's own clock (ClockUtil) drives timers. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
