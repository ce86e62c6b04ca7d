package com.partnerflow.bench;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * One process of {@code processes/} driven along its happy path through the engine's Java API, as its users drive it
 * through Tasklist, {@code /engine-rest} or {@code /api}: every call is one request of an authenticated user. The same
 * driver runs the application's model and its baseline ({@link BaselineModels}), with the same users and variables.
 *
 * @param <C> what one instance needs, made by {@link #prepare()} before the clock starts
 */
abstract class HappyPath<C> {

    /** Which model an instance runs: the application's, or its baseline of the same name with {@code -bare}. */
    enum Side {
        APP, BARE;

        String key(String processKey) {
            return this == APP ? processKey : BaselineModels.bare(processKey);
        }
    }

    /** A user with the groups a request of theirs would be authenticated with. */
    record Actor(String userId, List<String> groups) {
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;

    HappyPath(ProcessEngine engine) {
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.identityService = engine.getIdentityService();
    }

    /** The process key, as in {@code processes/}. */
    abstract String key();

    /** The end event every instance must reach: an instance that ended elsewhere did not take the happy path. */
    abstract String endEvent();

    /** The conditional flows this path takes: {@code ${true}} in the baseline, every other condition {@code ${false}}. */
    abstract Set<String> happyFlows();

    /** Partners, users and whatever every instance shares; once, before the first round. */
    abstract void setUp();

    /** The data of one instance (a subscriber, a configuration...), before the clock starts. */
    abstract C prepare();

    /** Starts one instance of the side's model and completes its user tasks; returns the process instance id. */
    abstract String drive(C instance, Side side);

    protected Actor actor(String userId) {
        return new Actor(userId, identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }

    protected String start(Actor actor, Side side, VariableMap variables) {
        return as(actor, () -> runtimeService.startProcessInstanceByKey(side.key(key()), variables).getId());
    }

    /** Finds the instance's open task as the user's Tasklist would and completes it as that user. */
    protected void complete(Actor actor, String processInstanceId, String taskDefinitionKey, VariableMap variables) {
        as(actor, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskDefinitionKey).singleResult();
            if (task == null) {
                throw new IllegalStateException(actor.userId() + " sees no task " + taskDefinitionKey + " of " + processInstanceId);
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(Actor actor, Supplier<T> request) {
        identityService.setAuthentication(actor.userId(), actor.groups());
        try {
            return request.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
