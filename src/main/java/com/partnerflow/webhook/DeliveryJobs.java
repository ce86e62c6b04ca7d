package com.partnerflow.webhook;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.stereotype.Component;

/**
 * Creates delivery jobs in the caller's transaction. Inside an engine command (a task listener, a delegate) the
 * command's context is reused and the job is flushed with it; outside one (a service called by a controller), the
 * engine's command joins the caller's Spring transaction (propagation REQUIRED). Either way the job exists exactly when
 * the change that caused it commits, and the job executor is told on commit.
 */
@Component
class DeliveryJobs {

    private final ProcessEngine engine;

    DeliveryJobs(ProcessEngine engine) {
        this.engine = engine;
    }

    /** A job for the attempt {@code attempt} of the delivery, due at {@code due} (now when null). */
    void schedule(long deliveryId, int attempt, Instant due) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(DeliveryJobHandler.TYPE);
            job.setJobHandlerConfiguration(new DeliveryJobHandler.Attempt(deliveryId, attempt));
            job.setDuedate(due == null ? null : Date.from(due));
            commandContext.getJobManager().send(job);
            return null;
        });
    }
}
