package com.partnerflow.work;

import java.util.function.Supplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.TaskConflicts;

/**
 * The one way {@code /api} decides a task: found as the caller, checked to be of the endpoint's kind, completed as the
 * caller with the variables its Tasklist form sends, so the same task listeners check both doors and Tasklist and the
 * API can never disagree. The engine's authorizations apply (the caller's authentication is the engine's for the
 * request). Failures are put in the caller's words: a task not visible is 404 «Задача не найдена.», one that ended a 409
 * saying who ended it, a race's loser a 409 ({@link TaskConflicts}, the same words as {@code /engine-rest}); a task of
 * another kind a 409 naming its endpoint; a domain check keeps its own 422 and words.
 */
@Component
public class TaskCompletion {

    private static final Logger log = LoggerFactory.getLogger(TaskCompletion.class);

    private final TaskService tasks;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final SystemCalls system;
    private final CurrentCaller caller;
    /** Joins the request's transaction when there is one (an {@code Idempotency-Key}): the key and the decision commit together. */
    private final TransactionTemplate joined;
    /** One item of a bulk decision: committed or rolled back alone, whatever the others do. */
    private final TransactionTemplate alone;

    TaskCompletion(TaskService tasks, RepositoryService repository, RuntimeService runtime, SystemCalls system, CurrentCaller caller,
                   PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.repository = repository;
        this.runtime = runtime;
        this.system = system;
        this.caller = caller;
        this.joined = new TransactionTemplate(transactions);
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Completes the caller's open task {@code taskId} of {@code kind} with {@code variables}, or refuses it untouched. */
    public CompletedTask complete(String taskId, TaskKind kind, VariableMap variables) {
        return complete(joined, taskId, kind, variables);
    }

    /**
     * Runs one item of a bulk decision in a transaction of its own, from its first read to its last write: a refused item
     * rolls back alone and never marks the call's own transaction (an {@code Idempotency-Key}'s) for rollback.
     */
    public <T> T alone(Supplier<T> item) {
        return alone.execute(status -> item.get());
    }

    private CompletedTask complete(TransactionTemplate transaction, String taskId, TaskKind kind, VariableMap variables) {
        try {
            return transaction.execute(status -> {
                Task task = open(taskId, kind);
                String businessKey = system.call(() -> runtime.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
                if (task.getAssignee() == null) {
                    // as Tasklist does: the caller takes the task, then completes it, so history names who decided
                    tasks.claim(task.getId(), caller.get().userId());
                }
                tasks.complete(task.getId(), variables);
                log.info("Request {} ({}): task {} {} decided through the API by {}", businessKey, kind.processKey(), task.getId(),
                        kind, caller.get().userId());
                return new CompletedTask(task.getId(), kind, businessKey, task.getExecutionId());
            });
        } catch (RuntimeException failed) {
            BusinessRuleViolation refused = domainRefusal(failed);
            if (refused != null) {
                throw refused;
            }
            throw TaskConflicts.ofFailure(taskId, failed).orElseThrow(() -> failed);
        }
    }

    /** The domain's refusal behind a failure, however the engine wrapped it (a task listener's exception), or null. */
    private static BusinessRuleViolation domainRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation refused) {
                return refused;
            }
        }
        return null;
    }

    /** The caller's open task {@code taskId}, if it is of {@code kind} and nobody else has claimed it. */
    private Task open(String taskId, TaskKind kind) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw TaskConflicts.notOpen(taskId);
        }
        TaskKind actual = kindOf(task);
        if (actual != kind) {
            throw BusinessRuleViolation.conflict("Задача «" + task.getName() + "» другого вида: решение по ней принимается через POST /api/tasks/"
                    + taskId + "/" + (actual == null ? "…" : actual.decision()) + ", а не /" + kind.decision() + ".");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.get().userId())) {
            throw TaskConflicts.claimedByAnother();
        }
        if (task.isSuspended()) {
            throw BusinessRuleViolation.conflict("Запрос приостановлен эксплуатацией: решение по задаче сейчас не принимается. "
                    + "Повторите позже.");
        }
        return task;
    }

    /** The kind of a task the caller sees; its process's key is read as the system (the definition is cached). */
    private TaskKind kindOf(Task task) {
        String processKey = system.call(() -> repository.getProcessDefinition(task.getProcessDefinitionId()).getKey());
        return TaskKind.of(processKey, task.getTaskDefinitionKey()).orElse(null);
    }
}
