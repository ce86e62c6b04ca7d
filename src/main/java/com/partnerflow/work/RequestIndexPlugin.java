package com.partnerflow.work;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    private Optional<RequestRef> requestOf(DelegateExecution execution) {
        String processKey = processKeyOf(execution);
        return registry.getObject().requestOf(processKey, execution.getProcessBusinessKey(), execution.getId());
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
