package com.partnerflow.work;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.partnerflow.system.TransactionScoped;

/**
 * Tells the {@link RequestIndexer} of every change to a request, without a line in the BPMN files: when the models are
 * parsed, every process gets a start and an end listener, every subprocess an end listener (a settlement branch ends
 * one reconciliation), every intermediate catch event and service task an end listener (a message, a timer or a
 * step that changes the request before an asynchronous boundary), and every user task a create, complete and delete
 * listener, run after the model's own (so a
 * task is already named and described). The listeners only note what happened; the indexer does the work once, before
 * the commit.
 */
@Component
class RequestIndexPlugin extends AbstractProcessEnginePlugin {

    /** The requests found in a transaction; bound to the transaction as a resource under this key. */
    private static final Object FOUND = new Object();

    private final ObjectProvider<RequestRegistry> registry;
    private final ObjectProvider<RequestIndexer> indexer;
    private final ObjectProvider<TaskOutcomes> outcomes;

    RequestIndexPlugin(ObjectProvider<RequestRegistry> registry, ObjectProvider<RequestIndexer> indexer,
                       ObjectProvider<TaskOutcomes> outcomes) {
        this.registry = registry;
        this.indexer = indexer;
        this.outcomes = outcomes;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, executionListener);
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, executionListener);
            }

            @Override
            public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, executionListener);
            }

            // a message or timer that moves a request on, and a step that changes its domain record, may end a
            // transaction at an asynchronous boundary before any task or end: the request is refreshed there too
            @Override
            public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, executionListener);
            }

            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, executionListener);
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addTaskListener(TaskListener.EVENTNAME_CREATE, taskListener);
                task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, taskListener);
                task.addTaskListener(TaskListener.EVENTNAME_DELETE, taskListener);
            }
        });
    }

    private final ExecutionListener executionListener = this::onExecution;

    private final TaskListener taskListener = this::onTask;

    private void onExecution(DelegateExecution execution) {
        requestOf(execution).ifPresent(ref -> indexer.getObject().touched(ref));
    }

    private void onTask(DelegateTask task) {
        Optional<RequestRef> ref = requestOf(task.getExecution());
        if (ref.isEmpty()) {
            return;
        }
        String processKey = processKeyOf(task.getExecution());
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> indexer.getObject().taskWaiting(ref.get(), candidateGroups(task),
                    taskData(task, processKey));
            case TaskListener.EVENTNAME_COMPLETE -> {
                Map<String, Object> data = taskData(task, processKey);
                TaskOutcomes.Outcome outcome = outcomes.getObject().of(processKey, task.getTaskDefinitionKey(), task::getVariable);
                putIfPresent(data, "decision", outcome.decision());
                putIfPresent(data, "comment", outcome.comment());
                indexer.getObject().decisionMade(ref.get(), data);
            }
            default -> indexer.getObject().touched(ref.get());
        }
    }

    /**
     * The request of the execution. Asked at every event of the transaction, so a request found is remembered until
     * its end: an execution that carries a request carries it to its end, while one that carries none yet (a start
     * before its business key, a settlement branch before its reconciliation) is asked again. A source that looks
     * the request up (a reconciliation by its settlement branch) queried the database at every event.
     */
    private Optional<RequestRef> requestOf(DelegateExecution execution) {
        String processKey = processKeyOf(execution);
        String businessKey = execution.getProcessBusinessKey();
        List<String> key = Arrays.asList(processKey, businessKey, execution.getId());
        Optional<Map<List<String>, RequestRef>> found = TransactionScoped.of(FOUND, HashMap::new);
        RequestRef known = found.map(requests -> requests.get(key)).orElse(null);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RequestRef> ref = registry.getObject().requestOf(processKey, businessKey, execution.getId());
        ref.ifPresent(request -> found.ifPresent(requests -> requests.put(key, request)));
        return ref;
    }

    /** What the task events say of the task: its id, kind, name and due date. */
    private static Map<String, Object> taskData(DelegateTask task, String processKey) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.getId());
        TaskKind.of(processKey, task.getTaskDefinitionKey()).ifPresent(kind -> data.put("taskKind", kind.name()));
        putIfPresent(data, "name", task.getName());
        if (task.getDueDate() != null) {
            data.put("due", task.getDueDate().toInstant().atOffset(ZoneOffset.UTC).toString());
        }
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }

    private static Set<String> candidateGroups(DelegateTask task) {
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /** The key of the execution's process definition, from the engine's cache: no query, no authorization. */
    private static String processKeyOf(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getKey();
    }
}
