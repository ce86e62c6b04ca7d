package com.partnerflow.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call as the system: without the current user's authentication, so authorization
 * checks do not apply, then restores it. For the few things the system does on a user's behalf that
 * the user may not do (grants, handing tasks over, a notification's address).
 */
final class AsSystem {

    private AsSystem() {
    }

    static <T> T call(IdentityService identityService, Supplier<T> action) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    static void run(IdentityService identityService, Runnable action) {
        call(identityService, () -> {
            action.run();
            return null;
        });
    }
}
