package com.partnerflow.webhook;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** Every ProcessEnginePlugin bean joins the engine of the Camunda Spring Boot starter. */
    @Bean
    ProcessEnginePlugin webhookEnginePlugin(ObjectProvider<DeliveryAttempts> attempts) {
        return new WebhookEnginePlugin(new DeliveryJobHandler(attempts::getObject));
    }
}
