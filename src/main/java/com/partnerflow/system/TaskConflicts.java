package com.partnerflow.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * What happened to the task a failed request named, in words the caller may know. The engine answers a task that
 * is gone with a 500 («Cannot complete task …») or an English 400, and a task the caller may not see with a 403
 * that names its process, so that the 403/404 difference tells an outsider which task ids exist. Here:
 * <ul>
 *   <li>the loser of a race on a task (two reviewers complete or claim it at once) gets a 409: the engine lets exactly
 *       one commit, the other fails on the concurrent write or finds the task gone;</li>
 *   <li>a task that ended gets a 409 saying who ended it: another person, the caller itself earlier, or the process
 *       (a timer, another branch);</li>
 *   <li>a task that never existed, or that the caller cannot see, gets the same 404 «Задача не найдена»; one it sees
 *       but may not work on gets a Russian 403.</li>
 * </ul>
 * Answers keep Camunda's {@code type}/{@code message} shape, which Tasklist shows. Anything else keeps Camunda's own.
 * Java code that completes a task for {@code /api} (the typed decisions) asks the same questions through
 * {@link #notOpen}, {@link #ofFailure} and {@link #claimedByAnother}, and gets the same words as a
 * {@link BusinessRuleViolation} (409, 404 or 403).
 */
public final class TaskConflicts {

    static final String TYPE = "TaskConflict";
    static final String COMPLETED = "Задачу уже выполнил другой пользователь: ваше решение не сохранено. Обновите список задач.";
    static final String COMPLETED_BY_YOU = "Вы уже выполнили эту задачу: повторное решение не сохранено. Обновите список задач.";
    static final String CLAIMED = "Задачу уже взял в работу другой пользователь. Обновите список задач.";
    static final String ENDED_BY_PROCESS = "Задача уже завершена процессом (например, истек срок ответа): ваше решение не сохранено. "
            + "Обновите список задач.";
    public static final String NOT_FOUND = "Задача не найдена.";
    static final String NOT_YOURS = "Недостаточно прав: эту задачу выполняют другие участники.";
    static final String CONCURRENT = "Данные изменил другой пользователь одновременно с вами: действие не выполнено. "
            + "Обновите страницу и повторите.";

    /** The delete reason of a task someone completed, as the engine records it ({@code TaskEntity}'s constant). */
    private static final String COMPLETED_BY_A_PERSON = "completed";
    /** Something done to one task, relative to {@code /engine-rest} or to the webapp's {@code /api/engine/engine/{name}}. */
    private static final Pattern TASK_PATH = Pattern.compile("(?:^|.*/)task/([^/]+)/([^/]+)(?:/.*)?");
    /** What decides or takes a task, as opposed to reading it. */
    private static final Set<String> ACTIONS = Set.of("complete", "submit-form", "resolve", "claim", "unclaim");
    /** {@code /task/report/...}: not a task. */
    private static final String NOT_A_TASK = "report";

    private TaskConflicts() {
    }

    /** The answer for {@code exception} thrown by the request to {@code path}, or null when it is none of the above. */
    static Response of(String path, Throwable exception) {
        Matcher task = TASK_PATH.matcher(path == null ? "" : path);
        boolean onTask = task.matches() && !task.group(1).equals(NOT_A_TASK);
        String action = onTask ? task.group(2) : "";
        Answer answer = answer(onTask ? task.group(1) : null, action, exception);
        return answer == null ? null : answer.response();
    }

    /**
     * Why the caller cannot decide the task {@code taskId} that a query as the caller did not find open: it ended
     * (409, saying who ended it), or the caller never could see it (404 «Задача не найдена.»).
     */
    public static BusinessRuleViolation notOpen(String taskId) {
        Answer gone = whyGone(taskId, true);
        return (gone == null ? notFound() : gone).violation();
    }

    /**
     * What a failed completion of the task {@code taskId} by Java code means to its caller: the loser of a race, a task
     * that ended meanwhile, one the caller may not work on; empty when the failure is something else.
     */
    public static Optional<BusinessRuleViolation> ofFailure(String taskId, Throwable exception) {
        return ofFailure(taskId, "complete", exception);
    }

    /** The same for {@code action} on the task: {@code complete}, {@code claim} or {@code unclaim}. */
    public static Optional<BusinessRuleViolation> ofFailure(String taskId, String action, Throwable exception) {
        return Optional.ofNullable(answer(taskId, action, exception)).map(Answer::violation);
    }

    /** The task is claimed by another person: the caller may not decide it. */
    public static BusinessRuleViolation claimedByAnother() {
        return conflict(CLAIMED).violation();
    }

    /** The answer for a failed action on the task {@code taskId} (null: not on a task), or null when none fits. */
    private static Answer answer(String taskId, String action, Throwable exception) {
        boolean onTask = taskId != null;
        boolean claim = action.endsWith("claim");
        if (has(exception, TaskAlreadyClaimedException.class)) {
            return conflict(CLAIMED);
        }
        if (has(exception, OptimisticLockingException.class) || has(exception, ConcurrencyFailureException.class)
                || has(exception, OptimisticLockException.class)) {
            return conflict(!onTask ? CONCURRENT : claim ? CLAIMED : COMPLETED);
        }
        if (!onTask) {
            return null;
        }
        Answer gone = whyGone(taskId, ACTIONS.contains(action));
        if (gone != null || !refused(exception)) {
            // a race's loser may find the task still there and then its grants gone with the winner's commit
            return gone;
        }
        return seen(taskId) ? new Answer(Response.Status.FORBIDDEN, "AuthorizationException", NOT_YOURS) : notFound();
    }

    /** One answer, as Camunda's {@code type}/{@code message} JSON for the engine's REST API or as a violation for Java. */
    private record Answer(Response.Status status, String type, String message) {

        Response response() {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", type, "message", message, "status", status.getStatusCode()))
                    .build();
        }

        BusinessRuleViolation violation() {
            return new BusinessRuleViolation(switch (status) {
                case CONFLICT -> BusinessRuleViolation.Kind.CONFLICT;
                case FORBIDDEN -> BusinessRuleViolation.Kind.FORBIDDEN;
                default -> BusinessRuleViolation.Kind.NOT_FOUND;
            }, message);
        }
    }

    private static Answer conflict(String message) {
        return new Answer(Response.Status.CONFLICT, TYPE, message);
    }

    private static Answer notFound() {
        return new Answer(Response.Status.NOT_FOUND, "NotFound", NOT_FOUND);
    }

    /**
     * Why a task the request named is not running, or null when it is (the failure is something else). A task the
     * caller never could see is «not found», whatever became of it.
     */
    private static Answer whyGone(String taskId, boolean action) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null) {
            return null;
        }
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        return asSystem(engine, () -> {
            if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
                return null;
            }
            HistoricTaskInstance ended = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
            if (ended == null || !action || !mayReadHistoryOf(engine, caller, ended)) {
                return notFound();
            }
            if (!COMPLETED_BY_A_PERSON.equals(ended.getDeleteReason())) {
                return conflict(ENDED_BY_PROCESS);
            }
            boolean byCaller = caller != null && caller.getUserId() != null && caller.getUserId().equals(ended.getAssignee());
            return conflict(byCaller ? COMPLETED_BY_YOU : COMPLETED);
        });
    }

    /**
     * Whether the caller may read the ended task in history: a grant on the task itself (its candidates'), on its
     * instance (the partners of a request) or on its process. Asked of the grants, not of a query, so that it does not
     * depend on when the winner of a race committed.
     */
    private static boolean mayReadHistoryOf(ProcessEngine engine, Authentication caller, HistoricTaskInstance task) {
        if (caller == null) {
            return true;
        }
        AuthorizationService grants = engine.getAuthorizationService();
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return grants.isUserAuthorized(caller.getUserId(), groups, HistoricTaskPermissions.READ, Resources.HISTORIC_TASK, task.getId())
                || grants.isUserAuthorized(caller.getUserId(), groups, HistoricProcessInstancePermissions.READ,
                        Resources.HISTORIC_PROCESS_INSTANCE, task.getProcessInstanceId())
                || grants.isUserAuthorized(caller.getUserId(), groups, ProcessDefinitionPermissions.READ_HISTORY,
                        Resources.PROCESS_DEFINITION, task.getProcessDefinitionKey());
    }

    /** Whether the caller may see the running task. */
    private static boolean seen(String taskId) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        return engine != null && engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
    }

    private static <T> T asSystem(ProcessEngine engine, Supplier<T> query) {
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /**
     * Whether the engine refused the caller: an {@link AuthorizationException}, or the 403 Camunda's REST layer made of
     * one without keeping it as the cause ({@code /task/{id}/deployed-form}).
     */
    static boolean refused(Throwable exception) {
        return has(exception, AuthorizationException.class)
                || exception instanceof RestException rest && rest.getStatus() == Response.Status.FORBIDDEN;
    }

    static boolean has(Throwable exception, Class<? extends Throwable> type) {
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
