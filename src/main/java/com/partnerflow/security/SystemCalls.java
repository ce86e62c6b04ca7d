package com.partnerflow.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs one engine call as the system, for a step the domain has just authorized that the engine would refuse
 * the user: a partner withdrawing its configuration messages an instance it may only read. Keep the action
 * to that one call.
 */
@Component
public class SystemCalls {

    private final IdentityService identityService;

    SystemCalls(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> action) {
        return AsSystem.call(identityService, action);
    }
}
