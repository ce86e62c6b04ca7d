package com.partnerflow.operations;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** What operations need from the engine: incident messages that say where and what, and the process KPIs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OperationsConfiguration {

    /** Every ProcessEnginePlugin bean joins the engine of the Camunda Spring Boot starter. */
    @Bean
    ProcessEnginePlugin incidentMessagesPlugin() {
        return new IncidentMessagesPlugin();
    }
}
