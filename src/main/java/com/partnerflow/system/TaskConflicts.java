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
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
    static final String ENDED_BY_PROCESS = "Задача уже завершена процессом (например, истек срок ответа): ваше решение не сохранено. "
            + "Обновите список задач.";
    static final String NOT_FOUND = "Задача не найдена.";
    static final String CONCURRENT = "Данные изменил другой пользователь одновременно с вами: действие не выполнено. "
            + "Обновите страницу и повторите.";

    /** The delete reason of a task someone completed, as the engine records it ({@code TaskEntity}'s constant). */
    private static final String COMPLETED_BY_A_PERSON = "completed";

    /** A task action, relative to {@code /engine-rest} or to the webapp's {@code /api/engine/engine/{name}}. */
    private static final Pattern TASK_ACTION = Pattern.compile("(?:^|.*/)task/([^/]+)/(complete|submit-form|resolve|claim|unclaim)/?");

    private TaskConflicts() {
    }

    /**
     * The 409 (or 404) for {@code exception} thrown by the request to {@code path}, or null when it is no such
     * conflict. A task that is gone was completed by someone else, ended by its process (a timer, another branch), or
     * never existed: each has its own answer, not Camunda's 500.
     */
    static Response of(String path, Throwable exception) {
        Matcher task = TASK_ACTION.matcher(path == null ? "" : path);
        boolean claim = task.matches() && task.group(2).endsWith("claim");
        if (has(exception, TaskAlreadyClaimedException.class)) {
            return conflict(CLAIMED);
        }
        if (has(exception, OptimisticLockingException.class) || has(exception, ConcurrencyFailureException.class)
                || has(exception, OptimisticLockException.class)) {
            return conflict(!task.matches() ? CONCURRENT : claim ? CLAIMED : COMPLETED);
        }
        return task.matches() ? whyGone(task.group(1)) : null;
    }

    private static Response conflict(String message) {
        return Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", TYPE, "message", message, "status", 409))
                .build();
    }

    /**
     * Why a task the request named is not running, or null when it is (the failure is something else). Looked up as
     * the system, whoever asked: task ids are random UUIDs, so the answer tells nothing about other people's work.
     */
    private static Response whyGone(String taskId) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null) {
            return null;
        }
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
                return null;
            }
            HistoricTaskInstance ended = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished()
                    .singleResult();
            if (ended == null) {
                return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "NotFound", "message", NOT_FOUND, "status", 404)).build();
            }
            // the loser of a race looks for the task after the winner's commit
            return conflict(COMPLETED_BY_A_PERSON.equals(ended.getDeleteReason()) ? COMPLETED : ENDED_BY_PROCESS);
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
