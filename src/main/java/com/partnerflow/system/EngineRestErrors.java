package com.partnerflow.system;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Makes {@code /engine-rest} answer a broken business rule (raised by a listener when a form or a
 * REST client starts an instance or completes a task) with a 4xx and just the Russian message,
 * instead of Camunda's 500 «Cannot complete task …: Exception while invoking TaskListener: …».
 * The engine wraps listener exceptions, so each mapper looks for a {@link BusinessRuleViolation}
 * among the causes and otherwise answers exactly as Camunda's own handler does. The body keeps
 * Camunda's {@code type}/{@code message} shape, which Tasklist and REST clients read. A task that is gone, taken
 * by someone else or not the caller's is named for what happened to it ({@link TaskConflicts}): a 409, or 404/403 in
 * Russian, instead of Camunda's 500 or an English 403 that names the task's process.
 *
 * <p>A variable the engine cannot even read (an empty {@code type}, a File without a file name, a type
 * with no serializer such as {@code Xml}, an object in a format that cannot be read or in Java serialization
 * (switched off), a transient value for a variable that exists as a persistent one, a name longer than
 * the engine's column) is the client's mistake too: a 400 instead of Camunda's 500 with the Java
 * exception's class and message. So is a body that is not JSON (Camunda answers it as text/plain).
 * <p>
 * Registered in {@code /engine-rest} here, and in the webapps' own engine API (Tasklist's
 * {@code /camunda/api/engine}) by {@link CamundaApiErrors}.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    static final List<Class<?>> MAPPERS = List.of(ViolationMapper.class, WrappedInRestException.class, WrappedInEngineException.class,
            MissingEntity.class, UnreadableVariable.class, UnreadableJson.class, UnmappableJson.class, OverlongJson.class);

    @Override
    public void customize(ResourceConfig config) {
        MAPPERS.forEach(config::register);
    }

    static Response unreadableBody() {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message", "Неверный формат запроса.", "status", 400))
                .build();
    }

    static Response unreadableVariable() {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException",
                        "message", "Неверное значение переменной: проверьте её тип (type), значение (value) и valueInfo.",
                        "status", 400))
                .build();
    }

    /** Camunda's conversion of a REST variable ({@code VariableValueDto.toTypedValue}) failed on the client's input. */
    static boolean isUnreadableVariable(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("Cannot find serializer for value")
                    || message.contains("Cannot deserialize object in variable")
                    || message.contains("Java serialization format is prohibited")
                    || message.contains("Cannot set transient variable with name"))) {
                return true;
            }
            // a variable name or value longer than the engine's column: "string data, right truncation" in H2 and PostgreSQL
            for (Throwable sql = cause; sql instanceof SQLException failure; sql = failure.getNextException()) {
                if ("22001".equals(failure.getSQLState())) {
                    return true;
                }
            }
            if (cause instanceof IllegalArgumentException || cause instanceof IndexOutOfBoundsException) {
                for (StackTraceElement frame : cause.getStackTrace()) {
                    if (frame.getClassName().equals(VariableValueDto.class.getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
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

    /**
     * A failure wrapped by Camunda: our business rule, a lost race on a task, an unreadable variable, in that order;
     * anything else is answered by Camunda's own handler.
     */
    static Response answer(String path, Throwable exception, Supplier<Response> camundasAnswer) {
        BusinessRuleViolation cause = find(exception);
        if (cause != null) {
            return violation(cause);
        }
        Response conflict = TaskConflicts.of(path, exception);
        if (conflict != null) {
            return conflict;
        }
        Response hidden = HiddenInstances.of(path, exception);
        if (hidden != null) {
            return hidden;
        }
        return isUnreadableVariable(exception) ? unreadableVariable() : camundasAnswer.get();
    }

    @Priority(Priorities.USER - 100)
    static class WrappedInRestException implements ExceptionMapper<RestException> {
        @Context
        UriInfo request;

        @Override
        public Response toResponse(RestException exception) {
            return answer(request.getPath(), exception, () -> new RestExceptionHandler().toResponse(exception));
        }
    }

    @Priority(Priorities.USER - 100)
    static class WrappedInEngineException implements ExceptionMapper<ProcessEngineException> {
        @Context
        UriInfo request;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(request.getPath(), exception, () -> new ProcessEngineExceptionHandler().toResponse(exception));
        }
    }

    /**
     * The engine's own slip on an id that names nothing: {@code GET /task/{made-up id}/deployed-form} dereferences the
     * missing task. A 404 like any task that is not there, instead of a 500 with the Java message.
     */
    @Priority(Priorities.USER - 100)
    static class MissingEntity implements ExceptionMapper<NullPointerException> {
        @Context
        UriInfo request;

        @Override
        public Response toResponse(NullPointerException exception) {
            return answer(request.getPath(), exception, () -> new ExceptionHandler().toResponse(exception));
        }
    }

    /** Camunda answers a body Jackson cannot read with the parser's message as text/plain, class names included. */
    @Priority(Priorities.USER - 100)
    static class UnreadableJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return unreadableBody();
        }
    }

    @Priority(Priorities.USER - 100)
    static class UnmappableJson implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return unreadableBody();
        }
    }

    /** A body over Jackson's limits (nesting deeper than 1,000, an overlong number or string): Camunda answers 500. */
    @Priority(Priorities.USER - 100)
    static class OverlongJson implements ExceptionMapper<StreamConstraintsException> {
        @Override
        public Response toResponse(StreamConstraintsException exception) {
            return unreadableBody();
        }
    }

    /** Any other runtime failure: a 400 for an unreadable variable, otherwise exactly Camunda's own answer. */
    @Priority(Priorities.USER - 100)
    static class UnreadableVariable implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException exception) {
            return isUnreadableVariable(exception) ? unreadableVariable() : new ExceptionHandler().toResponse(exception);
        }
    }
}
