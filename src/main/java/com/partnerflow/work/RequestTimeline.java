package com.partnerflow.work;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Caller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.ProcessHistory;
import com.partnerflow.work.TimelineStep.TaskState;
import com.partnerflow.work.TimelineStep.Type;

/**
 * The timeline of one request from the engine's history: every task with who did it, when, the decision and the
 * comment (the decision variables of its process, {@link TaskOutcomes}), and the system's steps a reader should know:
 * the start, timers, messages, the end. Read as the system: the caller was checked beforehand by the request's own rule.
 */
@Component
public class RequestTimeline {

    static final String SYSTEM = "система";
    /** The delete reason of a task someone completed, as the engine records it. */
    private static final String COMPLETED = "completed";

    private final HistoryService history;
    private final ProcessHistory people;
    private final TaskOutcomes outcomes;
    private final SystemCalls system;
    private final RequestRegistry registry;

    RequestTimeline(HistoryService history, ProcessHistory people, TaskOutcomes outcomes, SystemCalls system, RequestRegistry registry) {
        this.registry = registry;
        this.history = history;
        this.people = people;
        this.outcomes = outcomes;
        this.system = system;
    }

    /** {@code GET /api/requests/{kind}/{id}/timeline}: readable exactly as the request's own GET, else its 404. */
    public List<TimelineStep> of(RequestKind kind, String id, Caller caller) {
        return of(registry.readable(kind, id, caller).scope(id));
    }

    List<TimelineStep> of(RequestScope scope) {
        if (scope.businessKeys().isEmpty()) {
            return List.of();
        }
        return system.call(() -> {
            List<TimelineStep> steps = new ArrayList<>();
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processDefinitionKeyIn(scope.processKeys().toArray(String[]::new))
                    .processInstanceBusinessKeyIn(scope.businessKeys().toArray(String[]::new)).list()) {
                steps.addAll(instance(instance, scope.executionId()));
            }
            steps.sort(Comparator.comparing(TimelineStep::at));
            return steps;
        });
    }

    private List<TimelineStep> instance(HistoricProcessInstance instance, String execution) {
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream()
                .filter(activity -> execution == null || execution.equals(activity.getExecutionId())).toList();
        Map<String, HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()
                .stream().collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, Function.identity(), (a, b) -> a));
        List<TimelineStep> steps = new ArrayList<>();
        if (execution == null) {
            String started = nameOf(activities, instance.getStartActivityId()).orElse("Запрос подан");
            steps.add(TimelineStep.event(Type.STARTED, started, instant(instance.getStartTime()), actor(instance.getStartUserId())));
        }
        for (HistoricActivityInstance activity : activities) {
            String type = activity.getActivityType();
            if ("userTask".equals(type) && tasks.containsKey(activity.getId())) {
                steps.add(task(instance.getProcessDefinitionKey(), tasks.get(activity.getId())));
            } else if (type.endsWith("Timer") || type.equals("startTimerEvent")) {
                steps.add(TimelineStep.event(Type.TIMER, activity.getActivityName(), instant(activity.getStartTime()), SYSTEM));
            } else if (type.contains("Message") && !type.endsWith("EndEvent") && !type.endsWith("ThrowEvent")) {
                steps.add(TimelineStep.event(Type.MESSAGE, activity.getActivityName(), instant(activity.getStartTime()), SYSTEM));
            } else if (execution != null && type.endsWith("EndEvent")) {
                steps.add(TimelineStep.event(Type.ENDED, activity.getActivityName(), instant(activity.getStartTime()), SYSTEM));
            }
        }
        if (execution == null && instance.getEndTime() != null) {
            String ended = nameOf(activities, instance.getEndActivityId()).orElse("Запрос закрыт");
            steps.add(TimelineStep.event(Type.ENDED, ended, instant(instance.getEndTime()), SYSTEM));
        }
        return steps;
    }

    private TimelineStep task(String processKey, HistoricTaskInstance task) {
        TaskState state = task.getEndTime() == null ? TaskState.OPEN
                : COMPLETED.equals(task.getDeleteReason()) ? TaskState.COMPLETED : TaskState.CANCELLED;
        TaskOutcomes.Outcome outcome = state == TaskState.COMPLETED
                ? outcomes.of(processKey, task.getTaskDefinitionKey(), decisionValues(task.getActivityInstanceId())::get)
                : TaskOutcomes.Outcome.NONE;
        String worker = task.getAssignee() != null || state != TaskState.COMPLETED ? task.getAssignee() : completedBy(task.getId());
        return new TimelineStep(Type.TASK, task.getName(), instant(task.getStartTime()), instant(task.getEndTime()),
                instant(task.getDueDate()), worker == null ? null : people.personName(worker),
                TaskKind.of(processKey, task.getTaskDefinitionKey()).orElse(null), task.getId(), state, outcome.decision(),
                outcome.comment());
    }

    /** The variables written while the task was open, each at its last value: what its completion set. */
    private Map<String, Object> decisionValues(String activityInstanceId) {
        Map<String, Object> values = new HashMap<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates().activityInstanceId(activityInstanceId)
                .orderPartiallyByOccurrence().asc().list()) {
            if (detail instanceof HistoricVariableUpdate update) {
                values.put(update.getVariableName(), update.getValue());
            }
        }
        return values;
    }

    /** Who completed a task nobody had claimed (a REST client may complete without claiming): the engine's operation log. */
    private String completedBy(String taskId) {
        return history.createUserOperationLogQuery().taskId(taskId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list().stream().map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst().orElse(null);
    }

    private String actor(String userId) {
        return userId == null ? SYSTEM : people.personName(userId);
    }

    private static Optional<String> nameOf(List<HistoricActivityInstance> activities, String activityId) {
        return activities.stream().filter(activity -> activity.getActivityId().equals(activityId))
                .map(HistoricActivityInstance::getActivityName).filter(name -> name != null).reduce((first, last) -> last);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
