package com.partnerflow.work;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.RequestEvent;
import com.partnerflow.work.IndexedRequest.OpenWork;

/**
 * Keeps the index of {@code GET /api/requests} right and tells of every change with a {@link RequestEvent}, inside the
 * transaction of the change. The engine's listeners ({@link RequestIndexPlugin}) report the requests they touch and
 * the tasks created and completed; just before the transaction commits, each touched request is refreshed once from
 * its feature's snapshot and its open tasks, then the events go out: {@code REQUEST_CREATED} when the request enters
 * the index, {@code DECISION_MADE} for each task completed, {@code STATUS_CHANGED} when its status changed,
 * {@code TASK_WAITING} for each task created for a partner or a client.
 */
@Component
class RequestIndexer {

    private static final Logger log = LoggerFactory.getLogger(RequestIndexer.class);

    /** What a transaction changed so far; bound to the transaction as a resource under this key. */
    private static final Object PENDING = new Object();

    private final RequestRegistry registry;
    private final IndexedRequests index;
    private final TaskService tasks;
    private final SystemCalls system;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestIndexer(RequestRegistry registry, IndexedRequests index, TaskService tasks, SystemCalls system,
                   ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.index = index;
        this.tasks = tasks;
        this.system = system;
        this.events = events;
        this.clock = clock;
    }

    /** A task event waiting for the commit: partners and clients are null for "every one of the request". */
    private record TaskEvent(RequestEvent.Type type, RequestRef ref, Set<String> partners, Set<String> clients,
                             Map<String, Object> data) {
    }

    private static final class Pending {
        private final Set<RequestRef> touched = new LinkedHashSet<>();
        private final List<TaskEvent> taskEvents = new ArrayList<>();
        /** The rows just refreshed, which tell a decision's readers without reading the row again. */
        private final Map<RequestRef, IndexedRequest> rows = new LinkedHashMap<>();
    }

    /** A row brought up to date (none when its feature no longer knows the request) and what a reader should hear. */
    private record Refreshed(Optional<IndexedRequest> row, Optional<RequestEvent> event) {
    }

    /** The request changed in this transaction: refresh it before the commit. */
    void touched(RequestRef ref) {
        Pending pending = pending();
        if (pending == null) {
            refresh(ref, true).ifPresent(events::publishEvent);
            return;
        }
        pending.touched.add(ref);
    }

    /** A task now waits for {@code groups}: tells the partners and clients among them before the commit. */
    void taskWaiting(RequestRef ref, Set<String> groups, Map<String, Object> data) {
        Set<String> partners = RequestSnapshot.partnersOf(groups).collect(Collectors.toSet());
        Set<String> clients = RequestSnapshot.clientsOf(groups).collect(Collectors.toSet());
        touched(ref);
        if (!partners.isEmpty() || !clients.isEmpty()) {
            later(new TaskEvent(RequestEvent.Type.TASK_WAITING, ref, partners, clients, data));
        }
    }

    /** A task was completed: tells every partner and client of the request before the commit. */
    void decisionMade(RequestRef ref, Map<String, Object> data) {
        touched(ref);
        later(new TaskEvent(RequestEvent.Type.DECISION_MADE, ref, null, null, data));
    }

    private void later(TaskEvent event) {
        Pending pending = pending();
        if (pending == null) {
            publish(event);
        } else {
            pending.taskEvents.add(event);
        }
    }

    /**
     * The changes of the current transaction, registering their refresh before its commit; null outside a transaction
     * (then each change is handled at once).
     */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(PENDING, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    refreshBeforeCommit(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = created;
        }
        return pending;
    }

    /**
     * Refreshes every touched request, then tells what happened in the order a reader follows it: the requests that
     * entered the index, the decisions made, the statuses they changed, the tasks now waiting.
     */
    private void refreshBeforeCommit(Pending pending) {
        TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        List<RequestEvent> changes = new ArrayList<>();
        for (RequestRef ref : pending.touched) {
            Refreshed refreshed = refreshRow(ref, true);
            refreshed.row().ifPresent(row -> pending.rows.put(ref, row));
            refreshed.event().ifPresent(changes::add);
        }
        changes.stream().filter(event -> event.type() == RequestEvent.Type.REQUEST_CREATED).forEach(events::publishEvent);
        pending.taskEvents.stream().filter(event -> event.type() == RequestEvent.Type.DECISION_MADE)
                .forEach(event -> publish(event, pending.rows));
        changes.stream().filter(event -> event.type() == RequestEvent.Type.STATUS_CHANGED).forEach(events::publishEvent);
        pending.taskEvents.stream().filter(event -> event.type() == RequestEvent.Type.TASK_WAITING)
                .forEach(event -> publish(event, pending.rows));
    }

    private void publish(TaskEvent event) {
        publish(event, Map.of());
    }

    /** Tells a task event; one for every reader of the request takes them from its row, {@code refreshed} or read. */
    private void publish(TaskEvent event, Map<RequestRef, IndexedRequest> refreshed) {
        Set<String> partners = event.partners();
        Set<String> clients = event.clients();
        if (partners == null) {
            Optional<IndexedRequest> row = Optional.ofNullable(refreshed.get(event.ref()))
                    .or(() -> index.findByKindAndRequestId(event.ref().kind(), event.ref().id()));
            partners = row.map(IndexedRequest::partners).orElse(Set.of());
            clients = row.map(request -> RequestSnapshot.clientsOf(request.getReaders()).collect(Collectors.toSet())).orElse(Set.of());
        }
        events.publishEvent(new RequestEvent(event.type(), event.ref().kind().path(), event.ref().id(), partners, clients,
                event.data(), clock.instant()));
    }

    /**
     * Brings the request's row up to date and answers what a reader should hear of it, if anything: {@code REQUEST_CREATED}
     * for a new row, {@code STATUS_CHANGED} for a new status. {@code live} is a change happening now (not the backfill):
     * then a change the domain does not date counts as updated now. A request its feature no longer knows leaves the index.
     */
    Optional<RequestEvent> refresh(RequestRef ref, boolean live) {
        return refreshRow(ref, live).event();
    }

    private Refreshed refreshRow(RequestRef ref, boolean live) {
        Optional<RequestSnapshot> found = registry.of(ref.kind()).snapshot(ref.id());
        Optional<IndexedRequest> existing = index.findByKindAndRequestId(ref.kind(), ref.id());
        if (found.isEmpty()) {
            existing.ifPresent(index::delete);
            return new Refreshed(Optional.empty(), Optional.empty());
        }
        RequestSnapshot snapshot = found.get();
        IndexedRequest row = existing.orElseGet(() -> new IndexedRequest(ref));
        String previousStatus = row.getStatus();
        row.update(snapshot, openWork(registry.of(ref.kind()).scope(ref.id())), live ? clock.instant() : null);
        IndexedRequest saved = index.save(row);
        if (existing.isEmpty()) {
            log.info("Request {} {} indexed, status {}", ref.kind().path(), ref.id(), snapshot.status());
            return new Refreshed(Optional.of(saved), Optional.of(event(RequestEvent.Type.REQUEST_CREATED, snapshot,
                    Map.of("status", snapshot.status(), "statusLabel", snapshot.statusLabel(), "href", snapshot.href()))));
        }
        if (!snapshot.status().equals(previousStatus)) {
            log.info("Request {} {} status {} -> {}", ref.kind().path(), ref.id(), previousStatus, snapshot.status());
            return new Refreshed(Optional.of(saved), Optional.of(event(RequestEvent.Type.STATUS_CHANGED, snapshot,
                    Map.of("status", snapshot.status(), "previousStatus", previousStatus, "statusLabel", snapshot.statusLabel(),
                            "href", snapshot.href()))));
        }
        return new Refreshed(Optional.of(saved), Optional.empty());
    }

    private RequestEvent event(RequestEvent.Type type, RequestSnapshot snapshot, Map<String, Object> data) {
        return new RequestEvent(type, snapshot.ref().kind().path(), snapshot.ref().id(), snapshot.partners(),
                snapshot.clients(), data, clock.instant());
    }

    /** The open tasks of the request's processes, read as the system: their names, who must act, the earliest due. */
    private OpenWork openWork(RequestScope scope) {
        return system.call(() -> {
            if (scope.businessKeys().isEmpty()) {
                return OpenWork.of(List.of(), Set.of(), null);
            }
            TaskQuery query = tasks.createTaskQuery().processDefinitionKeyIn(scope.processKeys().toArray(String[]::new))
                    .processInstanceBusinessKeyIn(scope.businessKeys().toArray(String[]::new));
            if (scope.executionId() != null) {
                query.executionId(scope.executionId());
            }
            List<Task> open = query.orderByTaskCreateTime().asc().orderByTaskId().asc().list();
            Map<String, String> names = new LinkedHashMap<>();
            Set<String> groups = new TreeSet<>();
            Instant due = null;
            for (Task task : open) {
                names.putIfAbsent(task.getName(), task.getName());
                groups.addAll(candidateGroups(task.getId()));
                if (task.getDueDate() != null && (due == null || task.getDueDate().toInstant().isBefore(due))) {
                    due = task.getDueDate().toInstant();
                }
            }
            return OpenWork.of(names.keySet(), Party.of(groups), due);
        });
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
