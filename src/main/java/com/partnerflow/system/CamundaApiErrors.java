package com.partnerflow.system;

import jakarta.ws.rs.core.FeatureContext;

import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Gives the webapps' engine API ({@code /camunda/api/engine}, Tasklist's backend) the same error answers as
 * {@code /engine-rest} ({@link EngineRestErrors}): a broken business rule as a 4xx with its Russian message, a
 * lost race on a task as a 409. The starter registers that API as its own Jersey application from Camunda's
 * {@code EngineRestApplication}, which takes no Spring customizer; Jersey applies this auto-discoverable
 * (listed in {@code META-INF/services}) to every application it starts, and it adds the mappers to those that
 * map Camunda's engine exceptions.
 */
public final class CamundaApiErrors implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(ProcessEngineExceptionHandler.class)) {
            return;
        }
        for (Class<?> mapper : EngineRestErrors.MAPPERS) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
