package com.partnerflow.system;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * The loser of a race on a task: two reviewers complete (or claim) the same task at once. The engine lets
 * exactly one commit; the other fails on the concurrent write ({@link OptimisticLockingException}, a lock
 * failure of a listener's domain write) or finds the task already gone, and Camunda answers that with a 500
 * «Cannot complete task …». This turns it into a 409 with a Russian message in Camunda's {@code type}/{@code
 * message} shape, which Tasklist shows to the user. Anything else keeps Camunda's own answer.
 */
final class TaskConflicts {

    static final String TYPE = "TaskConflict";
    static final String COMPLETED = "Задачу уже выполнил другой пользователь: ваше решение не сохранено. Обновите список задач.";
    static final String CLAIMED = "Задачу уже взял в работу другой пользователь. Обновите список задач.";
    static final String CONCURRENT = "Данные изменил другой пользователь одновременно с вами: действие не выполнено. "
            + "Обновите страницу и повторите.";

    /** A task action, relative to {@code /engine-rest} or to the webapp's {@code /api/engine/engine/{name}}. */
    private static final Pattern TASK_ACTION = Pattern.compile("(?:^|.*/)task/([^/]+)/(complete|submit-form|resolve|claim)/?");

    private TaskConflicts() {
    }

    /** The 409 for {@code exception} thrown by the request to {@code path}, or null when it is no such conflict. */
    static Response of(String path, Throwable exception) {
        Matcher task = TASK_ACTION.matcher(path == null ? "" : path);
        boolean claim = task.matches() && task.group(2).equals("claim");
        if (has(exception, TaskAlreadyClaimedException.class)) {
            return conflict(CLAIMED);
        }
        if (has(exception, OptimisticLockingException.class) || has(exception, ConcurrencyFailureException.class)
                || has(exception, OptimisticLockException.class)) {
            return conflict(!task.matches() ? CONCURRENT : claim ? CLAIMED : COMPLETED);
        }
        if (task.matches() && !claim && completedMeanwhile(task.group(1))) {
            return conflict(COMPLETED); // the loser looked for the task after the winner's commit
        }
        return null;
    }

    private static Response conflict(String message) {
        return Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", TYPE, "message", message, "status", 409))
                .build();
    }

    /** Whether the task no longer runs but has ended in history; looked up as the system, whoever asked. */
    private static boolean completedMeanwhile(String taskId) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null) {
            return false;
        }
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0
                    && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static boolean has(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
