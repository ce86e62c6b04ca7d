package com.partnerflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.partnerflow.security.Groups;

/**
 * The baseline of the overhead workload: every model of {@code processes/} as the bare engine runs it, deployed
 * next to the application's under {@code <key>-bare}. Same elements, same async steps, timers, user tasks, candidate
 * groups and decision table; none of our code: every delegate and listener is {@code ${benchNoop}}, a condition is
 * {@code ${true}} on the happy path and {@code ${false}} elsewhere, and what asked our beans becomes a literal. Forms
 * are left out (nobody opens them) and so is the settlement's monthly timer (the baseline never starts by itself).
 */
final class BaselineModels {

    private static final String SUFFIX = "-bare";
    private static final String NOOP = "${benchNoop}";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Every partner user is in it, so whoever works such a task in the application may work it in the baseline. */
    private static final String ANY_PARTNER = Groups.PARTNERS;
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> BARE_EXPRESSIONS = Set.of("benchNoop", "true", "false");

    static String bare(String key) {
        return key + SUFFIX;
    }

    /**
     * @param happyFlows per process key, the conditional flows its happy path takes; every process needs one
     * @param literals   what the bean expressions of timers, due dates and collections become, e.g. the
     *                   configured audit SLA for {@code ${auditRouting.auditSla()}}
     * @param unmeasured processes the workload knowingly leaves out, with the reason; any other without a happy path fails
     */
    static void deploy(ProcessEngine engine, Map<String, Set<String>> happyFlows, Map<String, String> literals,
                       Map<String, String> unmeasured) throws IOException {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("overhead-baseline");
        for (Resource resource : resources("bpmn")) {
            BpmnModelInstance model;
            try (InputStream in = resource.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            String key = model.getModelElementsByType(Process.class).iterator().next().getId();
            Set<String> flows = happyFlows.get(key);
            if (flows == null && unmeasured.containsKey(key)) {
                continue;
            }
            if (flows == null) {
                throw new IllegalStateException("Process " + key + " has no happy path in the overhead workload: add one");
            }
            new Rewrite(model, flows, literals).apply();
            deployment.addModelInstance(bare(key) + ".bpmn", model);
        }
        for (Resource resource : resources("dmn")) {
            DmnModelInstance model;
            try (InputStream in = resource.getInputStream()) {
                model = Dmn.readModelFromStream(in);
            }
            model.getModelElementsByType(Decision.class).forEach(decision -> decision.setId(bare(decision.getId())));
            deployment.addModelInstance(bare(resource.getFilename().replace(".dmn", "")) + ".dmn", model);
        }
        deployment.deploy();
        authorizeLikeTheApplication(engine.getAuthorizationService(), happyFlows.keySet());
    }

    /**
     * One process's baseline as BPMN XML, for a bare engine in another JVM (the REST workload deploys it to the bare
     * application over its REST API); its decision tables are not included.
     */
    static String bareXml(String key, Set<String> happyFlows, Map<String, String> literals) throws IOException {
        for (Resource resource : resources("bpmn")) {
            BpmnModelInstance model;
            try (InputStream in = resource.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            if (model.getModelElementsByType(Process.class).iterator().next().getId().equals(key)) {
                new Rewrite(model, happyFlows, literals).apply();
                return Bpmn.convertToString(model);
            }
        }
        throw new IllegalArgumentException("No model of process " + key + " in processes/");
    }

    private static Resource[] resources(String extension) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*." + extension);
    }

    /** Whoever may start or read the application's process may do the same with its baseline. */
    private static void authorizeLikeTheApplication(AuthorizationService authorizations, Set<String> keys) {
        for (String key : keys) {
            for (Authorization granted : authorizations.createAuthorizationQuery()
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).list()) {
                Authorization copy = authorizations.createNewAuthorization(granted.getAuthorizationType());
                copy.setUserId(granted.getUserId());
                copy.setGroupId(granted.getGroupId());
                copy.setResource(Resources.PROCESS_DEFINITION);
                copy.setResourceId(bare(key));
                copy.setPermissions(granted.getPermissions(ProcessDefinitionPermissions.values()));
                authorizations.saveAuthorization(copy);
            }
        }
    }

    /** One model made bare, in place. */
    private record Rewrite(BpmnModelInstance model, Set<String> happyFlows, Map<String, String> literals) {

        void apply() {
            model.getModelElementsByType(Process.class).forEach(process -> process.setId(bare(process.getId())));
            model.getModelElementsByType(ServiceTask.class).forEach(Rewrite::noop);
            model.getModelElementsByType(CamundaExecutionListener.class).forEach(Rewrite::noop);
            model.getModelElementsByType(CamundaTaskListener.class).forEach(Rewrite::noop);
            model.getModelElementsByType(SequenceFlow.class).stream().filter(flow -> flow.getConditionExpression() != null)
                    .forEach(flow -> flow.getConditionExpression().setTextContent(happyFlows.contains(flow.getId()) ? "${true}" : "${false}"));
            model.getModelElementsByType(UserTask.class).forEach(this::userTask);
            model.getModelElementsByType(StartEvent.class).forEach(this::startEvent);
            model.getModelElementsByType(TimerEventDefinition.class).forEach(timer -> {
                for (ModelElementInstance time : new ModelElementInstance[] {timer.getTimeDuration(), timer.getTimeDate(), timer.getTimeCycle()}) {
                    if (time != null) {
                        time.setTextContent(literal(time.getTextContent()));
                    }
                }
            });
            model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)
                    .forEach(loop -> loop.setCamundaCollection(literal(loop.getCamundaCollection())));
            model.getModelElementsByType(BusinessRuleTask.class)
                    .forEach(task -> task.setCamundaDecisionRef(bare(task.getCamundaDecisionRef())));
            checkNothingOfOursIsLeft();
        }

        /** A service task or listener that calls {@code ${benchNoop}} instead of our class, expression or bean. */
        private static void noop(ModelElementInstance element) {
            element.removeAttributeNs(CAMUNDA, "class");
            element.removeAttributeNs(CAMUNDA, "expression");
            element.setAttributeValueNs(CAMUNDA, "delegateExpression", NOOP);
        }

        private void userTask(UserTask task) {
            if (isExpression(task.getCamundaCandidateGroups())) {
                task.setCamundaCandidateGroups(ANY_PARTNER);
            }
            if (isExpression(task.getCamundaAssignee())) {
                task.removeAttributeNs(CAMUNDA, "assignee");
            }
            if (task.getCamundaDueDate() != null) {
                task.setCamundaDueDate(literal(task.getCamundaDueDate()));
            }
            withoutForm(task);
        }

        private void startEvent(StartEvent start) {
            withoutForm(start);
            if (start.getParentElement() instanceof Process) {
                List.copyOf(start.getChildElementsByType(TimerEventDefinition.class)).forEach(start::removeChildElement);
            }
        }

        private void withoutForm(FlowNode node) {
            for (String attribute : new String[] {"formKey", "formRef", "formRefBinding", "formRefVersion"}) {
                node.removeAttributeNs(CAMUNDA, attribute);
            }
            ExtensionElements extensions = node.getExtensionElements();
            if (extensions != null) {
                extensions.getElementsQuery().filterByType(CamundaFormData.class).list().forEach(extensions::removeChildElement);
            }
        }

        private String literal(String value) {
            if (!isExpression(value)) {
                return value;
            }
            String literal = literals.get(value.strip());
            if (literal == null) {
                throw new IllegalStateException("The baseline has no literal for " + value + ": add one to the overhead workload");
            }
            return literal;
        }

        private static boolean isExpression(String value) {
            return value != null && value.contains("${");
        }

        /** A model that still calls one of our beans is no baseline: fail rather than measure it. */
        private void checkNothingOfOursIsLeft() {
            String xml = Bpmn.convertToString(model);
            Matcher expressions = EXPRESSION.matcher(xml);
            while (expressions.find()) {
                if (!BARE_EXPRESSIONS.contains(expressions.group(1).strip())) {
                    throw new IllegalStateException("The baseline still evaluates " + expressions.group() + ": give it a literal");
                }
            }
            if (xml.contains("camunda:class=")) {
                throw new IllegalStateException("The baseline still calls a class of ours");
            }
        }
    }

    private BaselineModels() {
    }
}
