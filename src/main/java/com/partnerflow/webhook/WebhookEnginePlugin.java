package com.partnerflow.webhook;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;

/**
 * Teaches the engine the delivery job ({@link DeliveryJobHandler}) and keeps its attempts out of the engine's job log:
 * a delivery job has no process instance, so the history cleanup (removal-time based) would never remove its job log
 * rows, and the delivery row already is the log.
 */
class WebhookEnginePlugin extends AbstractProcessEnginePlugin {

    private final DeliveryJobHandler handler;

    WebhookEnginePlugin(DeliveryJobHandler handler) {
        this.handler = handler;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(handler);
        configuration.setCustomJobHandlers(handlers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutDeliveryJobLogs(configuration.getHistoryEventHandler()));
    }

    private record WithoutDeliveryJobLogs(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isDeliveryJobLog(event)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            delegate.handleEvents(events.stream().filter(event -> !isDeliveryJobLog(event)).toList());
        }

        private static boolean isDeliveryJobLog(HistoryEvent event) {
            return event instanceof HistoricJobLogEvent log && DeliveryJobHandler.TYPE.equals(log.getJobDefinitionType());
        }
    }
}
