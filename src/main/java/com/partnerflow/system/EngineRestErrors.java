package com.partnerflow.system;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes {@code /engine-rest} answer a broken business rule (raised by a listener when a form or a
 * REST client starts an instance or completes a task) with a 4xx and just the Russian message,
 * instead of Camunda's 500 «Cannot complete task …: Exception while invoking TaskListener: …».
 * The engine wraps listener exceptions, so each mapper looks for a {@link BusinessRuleViolation}
 * among the causes and otherwise answers exactly as Camunda's own handler does. The body keeps
 * Camunda's {@code type}/{@code message} shape, which Tasklist and REST clients read.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(ViolationMapper.class);
        config.register(WrappedInRestException.class);
        config.register(WrappedInEngineException.class);
    }

    static Response violation(BusinessRuleViolation violation) {
        int status = ApiExceptionHandler.statusOf(violation.kind()).value();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", violation.kind().name(), "message", violation.getMessage(), "status", status))
                .build();
    }

    static BusinessRuleViolation find(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation violation) {
                return violation;
            }
        }
        return null;
    }

    @Priority(Priorities.USER - 100)
    static class ViolationMapper implements ExceptionMapper<BusinessRuleViolation> {
        @Override
        public Response toResponse(BusinessRuleViolation exception) {
            return violation(exception);
        }
    }

    @Priority(Priorities.USER - 100)
    static class WrappedInRestException implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            BusinessRuleViolation cause = find(exception);
            return cause != null ? violation(cause) : new RestExceptionHandler().toResponse(exception);
        }
    }

    @Priority(Priorities.USER - 100)
    static class WrappedInEngineException implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            BusinessRuleViolation cause = find(exception);
            return cause != null ? violation(cause) : new ProcessEngineExceptionHandler().toResponse(exception);
        }
    }
}
