package com.partnerflow.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Beans only the benchmark uses: the baseline models' no-op, the request CPU filter. */
@TestConfiguration(proxyBeanMethods = false)
class BenchBeans {

    /** Wraps the application's DataSource, so the overhead workload can count each instance's statements and commits. */
    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    /** Stands in for every delegate and listener of a baseline model: the engine's work without ours. */
    @Bean("benchNoop")
    Noop benchNoop() {
        return new Noop();
    }

    /** The request CPU time around every other filter ({@link RequestCpu}). */
    @Bean
    FilterRegistrationBean<RequestCpu> requestCpu() {
        FilterRegistrationBean<RequestCpu> registration = new FilterRegistrationBean<>(new RequestCpu());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class Noop implements JavaDelegate, ExecutionListener, TaskListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }
    }
}
