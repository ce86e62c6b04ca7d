package com.partnerflow.work;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import com.partnerflow.notification.PublicLinks;
import com.partnerflow.security.Caller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.PageQuery;
import com.partnerflow.system.ProcessHistory;
import com.partnerflow.system.TaskConflicts;

/**
 * {@code GET /api/tasks} and what is done to one task: every open task the caller may work on (a candidate group of
 * theirs, or assigned to them), queried through the engine as the caller so that the engine's authorizations apply, as
 * in Tasklist. Sorted by due date, tasks without one last. A task outside that set is «Задача не найдена» whatever it is.
 */
@Component
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private static final String CLAIM = "claim";
    private static final String UNCLAIM = "unclaim";

    /** The filters of the inbox; null for none. */
    public record Filter(TaskKind kind, Instant dueBefore, boolean overdue) {

        /** No filter: every open task of the caller. */
        public static final Filter NONE = new Filter(null, null, false);
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final RequestRegistry registry;
    private final IndexedRequests index;
    private final ProcessHistory people;
    private final PublicLinks links;
    private final SystemCalls system;
    private final Clock clock;

    Inbox(TaskService tasks, RuntimeService runtime, RepositoryService repository, RequestRegistry registry, IndexedRequests index,
          ProcessHistory people, PublicLinks links, SystemCalls system, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.registry = registry;
        this.index = index;
        this.people = people;
        this.links = links;
        this.system = system;
        this.clock = clock;
    }

    public Page<TaskView> list(Caller caller, Filter filter, PageQuery query) {
        Pageable page = query.pageable(Sort.by("due", "created", "id"));
        Supplier<TaskQuery> open = () -> filtered(workable(caller), filter);
        long withDue = open.get().dueAfter(new Date(0)).count();
        long offset = page.getOffset();
        List<Task> found = new ArrayList<>();
        if (offset < withDue) {
            found.addAll(open.get().dueAfter(new Date(0)).orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc()
                    .listPage((int) offset, page.getPageSize()));
        }
        long withoutDue = filter.dueBefore() != null || filter.overdue() ? 0 : open.get().withoutDueDate().count();
        if (found.size() < page.getPageSize() && withoutDue > 0) {
            long from = Math.max(0, offset - withDue);
            found.addAll(open.get().withoutDueDate().orderByTaskCreateTime().asc().orderByTaskId().asc()
                    .listPage((int) from, page.getPageSize() - found.size()));
        }
        return new PageImpl<>(views(found), page, withDue + withoutDue);
    }

    /** One task the caller may work on, with what its decision needs; else 404. */
    public TaskView find(String taskId, Caller caller) {
        TaskView view = views(List.of(visible(taskId, caller, null))).get(0);
        if (view.request() == null) {
            return view.withDetails(Map.of(), null);
        }
        RequestSource source = registry.of(view.request().kind());
        return view.withDetails(source.documents(view.request().id()),
                "/api/requests/" + view.request().kind().path() + "/" + view.request().id() + "/timeline");
    }

    /** Takes the task: the caller's own already is; someone else's is a 409 in {@link TaskConflicts}' words. */
    void claim(String taskId, Caller caller) {
        visible(taskId, caller, CLAIM);
        act(taskId, CLAIM, () -> tasks.claim(taskId, caller.userId()));
        log.info("Task {} claimed by {} through the API", taskId, caller.userId());
    }

    /** Gives the task back to its candidates: only its holder may; one nobody holds stays so. */
    void unclaim(String taskId, Caller caller) {
        Task task = visible(taskId, caller, UNCLAIM);
        if (task.getAssignee() == null) {
            return;
        }
        if (!task.getAssignee().equals(caller.userId())) {
            throw TaskConflicts.claimedByAnother();
        }
        act(taskId, UNCLAIM, () -> tasks.claim(taskId, null));
        log.info("Task {} unclaimed by {} through the API", taskId, caller.userId());
    }

    private void act(String taskId, String action, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            throw TaskConflicts.ofFailure(taskId, action, failure).orElseThrow(() -> failure);
        }
    }

    /**
     * The open task, if the caller may work on it. For an {@code action}, a task that ended is told as
     * {@link TaskConflicts} tells it (completed by someone else, by the caller, ended by the process) to whoever could
     * read it; anything else is «Задача не найдена».
     */
    private Task visible(String taskId, Caller caller, String action) {
        Task task = taskId == null || taskId.length() > 64 ? null : workable(caller).taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        BusinessRuleViolation notFound = BusinessRuleViolation.notFound(TaskConflicts.NOT_FOUND);
        if (action == null || taskId == null || taskId.length() > 64) {
            throw notFound;
        }
        throw TaskConflicts.notOpen(taskId);
    }

    /** The open tasks of the caller's groups (held by anyone) and those assigned to the caller, as the engine lets them see. */
    private static TaskQuery workable(TaskService tasks, Caller caller) {
        TaskQuery query = tasks.createTaskQuery().active();
        if (caller.groups().isEmpty()) {
            return query.taskAssignee(caller.userId());
        }
        return query.or().taskCandidateGroupIn(List.copyOf(caller.groups())).includeAssignedTasks()
                .taskAssignee(caller.userId()).endOr();
    }

    private TaskQuery workable(Caller caller) {
        return workable(tasks, caller);
    }

    private TaskQuery filtered(TaskQuery query, Filter filter) {
        if (filter.kind() != null) {
            query.processDefinitionKey(filter.kind().processKey()).taskDefinitionKey(filter.kind().taskDefinitionKey());
        }
        if (filter.dueBefore() != null) {
            query.dueBefore(Date.from(filter.dueBefore()));
        }
        if (filter.overdue()) {
            query.dueBefore(Date.from(clock.instant()));
        }
        return query;
    }

    /** The tasks with their kind and request, read as the system: the caller may see the task, not the process's data. */
    private List<TaskView> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        return system.call(() -> {
            Map<String, String> processKeys = repository.createProcessDefinitionQuery()
                    .processDefinitionIdIn(found.stream().map(Task::getProcessDefinitionId).distinct().toArray(String[]::new)).list()
                    .stream().collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getKey));
            Map<String, String> businessKeys = new HashMap<>();
            runtime.createProcessInstanceQuery()
                    .processInstanceIds(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list()
                    .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
            return found.stream().map(task -> view(task, processKeys.get(task.getProcessDefinitionId()),
                    businessKeys.get(task.getProcessInstanceId()))).toList();
        });
    }

    private TaskView view(Task task, String processKey, String businessKey) {
        TaskKind kind = processKey == null ? null : TaskKind.of(processKey, task.getTaskDefinitionKey()).orElse(null);
        TaskView.RequestOfTask request = processKey == null ? null : registry.requestOf(processKey, businessKey, task.getExecutionId())
                .map(ref -> index.findByKindAndRequestId(ref.kind(), ref.id())
                        .map(row -> new TaskView.RequestOfTask(ref.kind(), ref.id(), row.getSubscriberNumber(), row.getSubscriberName(),
                                row.partners().stream().sorted().toList(), row.getHref()))
                        .orElseGet(() -> new TaskView.RequestOfTask(ref.kind(), ref.id(), null, null, List.of(), ref.kind().href(ref.id()))))
                .orElse(null);
        return new TaskView(task.getId(), kind, task.getName(), task.getDescription(), request, instant(task.getCreateTime()),
                instant(task.getDueDate()), task.getAssignee(), task.getAssignee() == null ? null : people.personName(task.getAssignee()),
                links.task(task.getId()), kind == null ? null : "/api/tasks/" + task.getId() + "/" + kind.decision(), null, null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
