package com.partnerflow.system;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A process instance the caller cannot see reads exactly like one that does not exist. The engine answers a read of
 * another partner's instance ({@code /process-instance/{id}/variables}, {@code …/activity-instances}) with an English
 * 403 that names the instance's process, and a made-up id with a 500 or a 404: together an oracle of which instance
 * ids exist and what they are. Here both are the same 404 «Экземпляр процесса не найден»; an instance the caller
 * sees but may not change gets a Russian 403. Answers keep Camunda's {@code type}/{@code message} shape.
 */
final class HiddenInstances {

    static final String NOT_FOUND = "Экземпляр процесса не найден.";
    static final String NOT_YOURS = "Недостаточно прав для этого действия.";

    /** One instance, relative to {@code /engine-rest} or to the webapp's {@code /api/engine/engine/{name}}. */
    private static final Pattern INSTANCE_PATH = Pattern.compile("(?:^|.*/)process-instance/([^/]+)(?:/.*)?");
    /** {@code /process-instance/count}, {@code …/delete}, …: operations on many instances, not an id. */
    private static final Set<String> NOT_AN_ID = Set.of("count", "delete", "delete-historic-query-based", "job-retries",
            "job-retries-historic-query-based", "message-async", "suspended", "suspended-async", "variables-async");

    private HiddenInstances() {
    }

    /** The answer for {@code exception} thrown by the request to {@code path}, or null when it is not about one instance. */
    static Response of(String path, Throwable exception) {
        Matcher instance = INSTANCE_PATH.matcher(path == null ? "" : path);
        if (!instance.matches() || NOT_AN_ID.contains(instance.group(1))) {
            return null;
        }
        boolean refused = TaskConflicts.refused(exception);
        boolean missing = TaskConflicts.has(exception, NullValueException.class)
                || exception instanceof RestException rest && rest.getStatus() == Response.Status.NOT_FOUND;
        if (!refused && !missing) {
            return null;
        }
        return refused && seen(instance.group(1))
                ? answer(Response.Status.FORBIDDEN, AuthorizationException.class.getSimpleName(), NOT_YOURS)
                : answer(Response.Status.NOT_FOUND, "NotFound", NOT_FOUND);
    }

    /** Whether the caller may see the running instance (the query applies the caller's authorizations). */
    private static boolean seen(String processInstanceId) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        return engine != null && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private static Response answer(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message, "status", status.getStatusCode()))
                .build();
    }
}
