package com.partnerflow.system;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
 * Camunda's {@code type}/{@code message} shape, which Tasklist and REST clients read. The loser of a race on a
 * task gets a 409 ({@link TaskConflicts}) instead of Camunda's 500.
 * <p>
 * Registered in {@code /engine-rest} here, and in the webapps' own engine API (Tasklist's
 * {@code /camunda/api/engine}) by {@link CamundaApiErrors}.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    static final List<Class<?>> MAPPERS = List.of(ViolationMapper.class, WrappedInRestException.class, WrappedInEngineException.class);

    @Override
    public void customize(ResourceConfig config) {
        MAPPERS.forEach(config::register);
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
        @Context
        UriInfo request;

        @Override
        public Response toResponse(RestException exception) {
            BusinessRuleViolation cause = find(exception);
            if (cause != null) {
                return violation(cause);
            }
            Response conflict = TaskConflicts.of(request.getPath(), exception);
            return conflict != null ? conflict : new RestExceptionHandler().toResponse(exception);
        }
    }

    @Priority(Priorities.USER - 100)
    static class WrappedInEngineException implements ExceptionMapper<ProcessEngineException> {
        @Context
        UriInfo request;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            BusinessRuleViolation cause = find(exception);
            if (cause != null) {
                return violation(cause);
            }
            Response conflict = TaskConflicts.of(request.getPath(), exception);
            return conflict != null ? conflict : new ProcessEngineExceptionHandler().toResponse(exception);
        }
    }
}
