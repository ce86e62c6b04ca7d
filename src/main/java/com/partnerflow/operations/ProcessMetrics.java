package com.partnerflow.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.partnerflow.notification.NotificationService;

/**
 * The process KPIs as Micrometer meters, tagged with the process key ({@code process}); Prometheus reads them
 * as {@code partnerflow_*} from {@code /actuator/prometheus}.
 * <ul>
 *   <li>Gauges (open instances, overdue tasks, open incidents per process; pending mails) are counted by a few
 *       count queries every {@code partnerflow.metrics.refresh} (30 s) and cached, so a scrape costs nothing.</li>
 *   <li>Cycle time and SLA breaches come from the engine's history events (published as Spring events by the
 *       Camunda starter, {@code camunda.bpm.eventing.history}), recorded once their transaction commits.</li>
 * </ul>
 * By convention every boundary timer in our models is an SLA (the transfer's partner-answer timeout, the
 * audit's overdue escalation): each one that fires counts as a breach.
 */
@Component
class ProcessMetrics {

    static final String OPEN_INSTANCES = "partnerflow.process.instances.open";
    static final String OVERDUE_TASKS = "partnerflow.tasks.overdue";
    static final String OPEN_INCIDENTS = "partnerflow.incidents.open";
    static final String SLA_BREACHES = "partnerflow.sla.breaches";
    static final String CYCLE_TIME = "partnerflow.process.cycle.time";
    static final String PENDING_MAILS = "partnerflow.mail.pending";

    /** Cycle-time buckets an SLA can be read against: an hour, a day, 2, 5, 10 and 30 days. */
    private static final Duration[] CYCLE_TIME_BUCKETS = {Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(5), Duration.ofDays(10), Duration.ofDays(30)};

    private final MeterRegistry registry;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final NotificationService notifications;
    private final Clock clock;
    private final Map<String, ProcessCounts> processes = new ConcurrentHashMap<>();
    private final AtomicLong pendingMails = new AtomicLong();

    ProcessMetrics(MeterRegistry registry, RepositoryService repositoryService, RuntimeService runtimeService,
                   TaskService taskService, NotificationService notifications, Clock clock) {
        this.registry = registry;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.notifications = notifications;
        this.clock = clock;
        Gauge.builder(PENDING_MAILS, pendingMails, AtomicLong::get)
                .description("Mails in the outbox not yet accepted by the SMTP server").register(registry);
    }

    /** Re-counts the gauges; runs on the scheduler, without a user, so no authorization narrows the counts. */
    @Scheduled(initialDelayString = "${partnerflow.metrics.refresh:PT30S}", fixedDelayString = "${partnerflow.metrics.refresh:PT30S}")
    void refresh() {
        Date now = Date.from(clock.instant());
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            String key = definition.getKey();
            ProcessCounts counts = processes.computeIfAbsent(key, this::register);
            counts.open.set(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count());
            counts.overdueTasks.set(taskService.createTaskQuery().processDefinitionKey(key).dueBefore(now).count());
            counts.incidents.set(runtimeService.createIncidentQuery().processDefinitionKeyIn(key).count());
        }
        pendingMails.set(notifications.pending());
    }

    /**
     * Synchronous, because the engine reuses an activity's history event object for its end: read at commit
     * time, a boundary event's "start" would already say "end". What the event is, is decided now; the cycle
     * time is read after the commit, since the engine fills in the duration of an instance whose start it did
     * not load in the same command only when it flushes the end.
     */
    @EventListener
    void processInstanceEvent(HistoricProcessInstanceEventEntity event) {
        if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())
                && event.getProcessDefinitionKey() != null) {
            String process = event.getProcessDefinitionKey();
            afterCommit(() -> {
                Long millis = event.getDurationInMillis() != null ? event.getDurationInMillis()
                        : event.getStartTime() != null && event.getEndTime() != null
                                ? event.getEndTime().getTime() - event.getStartTime().getTime() : null;
                if (millis != null) {
                    Timer.builder(CYCLE_TIME)
                            .description("Start to end of a process instance; state COMPLETED, or *_TERMINATED when cancelled")
                            .tag("process", process)
                            .tag("state", String.valueOf(event.getState()))
                            .serviceLevelObjectives(CYCLE_TIME_BUCKETS)
                            .register(registry)
                            .record(Duration.ofMillis(millis));
                }
            });
        }
    }

    @EventListener
    void activityInstanceEvent(HistoricActivityInstanceEventEntity event) {
        if (ActivityTypes.BOUNDARY_TIMER.equals(event.getActivityType())
                && HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(event.getEventType())
                && event.getProcessDefinitionKey() != null) {
            Counter breaches = Counter.builder(SLA_BREACHES)
                    .description("SLA timers that fired: a deadline of the process passed without an answer")
                    .tag("process", event.getProcessDefinitionKey())
                    .tag("timer", event.getActivityId())
                    .register(registry);
            afterCommit(breaches::increment);
        }
    }

    /** Counts only what the database keeps: a rolled back transaction records nothing. */
    private static void afterCommit(Runnable record) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                record.run();
            }
        });
    }

    private ProcessCounts register(String key) {
        ProcessCounts counts = new ProcessCounts();
        Gauge.builder(OPEN_INSTANCES, counts.open, AtomicLong::get).tag("process", key)
                .description("Running instances of the process: open requests").register(registry);
        Gauge.builder(OVERDUE_TASKS, counts.overdueTasks, AtomicLong::get).tag("process", key)
                .description("Open tasks of the process past their due date").register(registry);
        Gauge.builder(OPEN_INCIDENTS, counts.incidents, AtomicLong::get).tag("process", key)
                .description("Open incidents of the process (failed jobs out of retries)").register(registry);
        return counts;
    }

    private static final class ProcessCounts {
        final AtomicLong open = new AtomicLong();
        final AtomicLong overdueTasks = new AtomicLong();
        final AtomicLong incidents = new AtomicLong();
    }
}
