package com.partnerflow.operations;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;

/** Replaces the engine's handler of failed-job incidents by {@link DescriptiveIncidentHandler}. */
class IncidentMessagesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DescriptiveIncidentHandler());
        configuration.setCustomIncidentHandlers(handlers);
    }
}
