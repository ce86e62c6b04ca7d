package com.partnerflow.webhook;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The job executor's side of a delivery: a message job (no process instance) naming a delivery and its attempt number.
 * It runs the attempt in the job's own transaction; a failed attempt schedules the next job itself (ADR 0041), so the
 * job always ends normally and the engine's retries (immediate, then an incident) are left for real faults.
 */
class DeliveryJobHandler implements JobHandler<DeliveryJobHandler.Attempt> {

    static final String TYPE = "partnerflow-webhook-delivery";

    /** The job's configuration: {@code <deliveryId>:<attempt>}. */
    record Attempt(long deliveryId, int number) implements JobHandlerConfiguration {

        static Attempt parse(String canonical) {
            int colon = canonical.indexOf(':');
            return new Attempt(Long.parseLong(canonical.substring(0, colon)), Integer.parseInt(canonical.substring(colon + 1)));
        }

        @Override
        public String toCanonicalString() {
            return deliveryId + ":" + number;
        }
    }

    /** Looked up when a job runs: the attempts need the engine, which needs this handler first. */
    private final Supplier<DeliveryAttempts> attempts;

    DeliveryJobHandler(Supplier<DeliveryAttempts> attempts) {
        this.attempts = attempts;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Attempt attempt, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        attempts.get().run(attempt.deliveryId(), attempt.number());
    }

    @Override
    public Attempt newConfiguration(String canonicalString) {
        return Attempt.parse(canonicalString);
    }

    @Override
    public void onDelete(Attempt attempt, JobEntity jobEntity) {
        // nothing besides the job: the delivery row is the log and stays
    }
}
