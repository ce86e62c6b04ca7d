package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * What {@code /api} asks of the developer-authorization process, done through the process exactly as Tasklist does it,
 * so the same listeners check both doors. Runs as the authenticated user.
 */
@Component
class DeveloperCommands {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final DeveloperAuthorizationService authorizations;
    private final SystemCalls system;

    DeveloperCommands(RuntimeService runtimeService, TaskService taskService, DeveloperAuthorizationService authorizations,
                      SystemCalls system) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.system = system;
    }

    /** Starts the process with the start form's variables; answers the new authorization's id (the business key). */
    long request(RequestAuthorization command) {
        VariableMap variables = DEVELOPER.with(command.developer());
        APPLICATIONS.putIn(variables, command.applications());
        REASON.putIn(variables, command.reason());
        return Long.parseLong(runtimeService.startProcessInstanceByKey(KEY, variables).getBusinessKey());
    }

    /**
     * Completes the review task as the caller, with the variables the review form sends: the task's complete listener
     * records the decision, as it does for Tasklist. Whoever may not see the request gets 404; a partner 403.
     */
    @Transactional
    void decide(long authorizationId, AuthorizationDecision decision, String comment, Caller caller) {
        DeveloperAuthorization authorization = authorizations.find(authorizationId, caller);
        if (!caller.managesPartners()) {
            throw BusinessRuleViolation.forbidden("Решение по запросу на авторизацию разработчика принимают сотрудники фирмы.");
        }
        Task review = taskService.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(authorization.getId().toString())
                .taskDefinitionKey(Elements.REVIEW).singleResult();
        if (review == null) {
            throw BusinessRuleViolation.conflict("Запрос на авторизацию разработчика " + authorizationId + " уже рассмотрен ("
                    + authorization.getStatus().label() + ").");
        }
        VariableMap answer = DECISION.with(decision);
        DECISION_COMMENT.putIn(answer, comment);
        taskService.complete(review.getId(), answer);
    }

    /**
     * Withdraws an active authorization: the domain checks and records it, then the system messages the instance that
     * waits for it from the approval on, even while the approval's mail is still pending. An authorization made before requests existed (V13) has no instance: one is started at the
     * withdrawal's notification, so its mail goes out the same way.
     */
    @Transactional
    void withdraw(long authorizationId, String reason, Caller caller) {
        DeveloperAuthorization authorization = authorizations.withdraw(authorizationId, reason, caller);
        String businessKey = authorization.getId().toString();
        system.call(() -> {
            boolean waiting = runtimeService.createExecutionQuery().processDefinitionKey(KEY).processInstanceBusinessKey(businessKey)
                    .messageEventSubscriptionName(MESSAGE_WITHDRAWN).count() > 0;
            if (waiting) {
                return runtimeService.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(businessKey).correlateWithResult();
            }
            if (runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(businessKey).count() > 0) {
                // an approved instance awaits the withdrawal from the approval on (gateway_authorized)
                throw new IllegalStateException("Developer authorization " + businessKey + ": its instance does not await a withdrawal");
            }
            return runtimeService.createProcessInstanceByKey(KEY).businessKey(businessKey).startBeforeActivity(Elements.NOTIFY_WITHDRAWN)
                    .execute();
        });
    }
}
