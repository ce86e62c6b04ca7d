package com.partnerflow.operations;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the incidents of failed jobs, as Camunda's own handler does, with a message an operator can act on:
 * which process, which request (the business key), which step, and then what failed (the job's exception
 * message), e.g. «Перевод абонента к другому партнеру» 42 (subscriber-transfer), шаг «Уведомить обоих
 * партнеров»: Письмо 7 … не отправлено: SMTP-сервер 127.0.0.1:2525 недоступен (ConnectException: Connection refused).
 * One place for every job of every process, so no delegate has to know about incidents.
 */
class DescriptiveIncidentHandler extends DefaultIncidentHandler {

    private static final Logger log = LoggerFactory.getLogger(DescriptiveIncidentHandler.class);

    /** Room for the job's message (Camunda keeps at most 666 characters of it) and the prefix. */
    static final int MAX_LENGTH = 2000;

    DescriptiveIncidentHandler() {
        super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        String described = describe(context, message);
        log.warn("Incident: {}", described);
        return super.handleIncident(context, described);
    }

    /** Runs inside the engine's command that sets the job's retries to 0. */
    static String describe(IncidentContext context, String message) {
        ProcessDefinitionEntity definition = context.getProcessDefinitionId() == null ? null
                : Context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedProcessDefinitionById(context.getProcessDefinitionId());
        ExecutionEntity execution = context.getExecutionId() == null ? null
                : Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
        ActivityImpl activity = definition == null || context.getActivityId() == null ? null
                : definition.findActivity(context.getActivityId());
        String described = IncidentMessage.of(
                definition == null ? null : definition.getName(),
                definition == null ? null : definition.getKey(),
                execution == null ? null : execution.getProcessBusinessKey(),
                activity == null || activity.getName() == null ? context.getActivityId() : activity.getName(),
                message);
        return described.length() <= MAX_LENGTH ? described : described.substring(0, MAX_LENGTH - 1) + "…";
    }
}
