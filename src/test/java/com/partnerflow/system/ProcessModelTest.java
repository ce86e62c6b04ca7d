package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.partnerflow.IntegrationTest;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.audit.InstallationProcess;
import com.partnerflow.audit.RemovalProcess;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.developer.DeveloperAuthorizationProcess;
import com.partnerflow.document.FileVariable;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.partner.PartnerProfileChangeProcess;
import com.partnerflow.reporting.ReportingProcess;
import com.partnerflow.security.Groups;
import com.partnerflow.transfer.TransferProcess;

/**
 * Checks the real files in {@code processes/} and {@code forms/} against the running application:
 * what deploys is not enough, every reference in a model must resolve to something that exists.
 */
class ProcessModelTest extends IntegrationTest {

    /** One process API class per BPMN; each names its key, elements and variables. */
    static final List<Class<?>> PROCESS_APIS = List.of(TransferProcess.class, ReportingProcess.class, SettlementProcess.class,
            ExtensionAuditProcess.class, InstallationProcess.class, RemovalProcess.class, ConfigurationModerationProcess.class,
            DeveloperAuthorizationProcess.class, PartnerProfileChangeProcess.class);

    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)}");
    /** A value the domain supplies: {@code ${bean.method(execution)}}. */
    static final Pattern BEAN_METHOD = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)\\.([a-zA-Z][a-zA-Z0-9]*)\\((execution)?\\)}");
    static final Pattern MEANINGFUL_ID = Pattern.compile(
            "(startEvent|endEvent|userTask|serviceTask|businessRuleTask|subProcess|gateway|boundaryEvent|timer|message|flow|definitions|diagram|plane|decision|dmnDiagram|rule|input|output)_[a-z][A-Za-z]+(_di)?");

    /** A condition that asks a routing bean: {@code ${bean.method(execution) == 'VALUE'}}, or a boolean one, negated or not. */
    static final Pattern CONDITION = Pattern.compile("\\$\\{!?([a-zA-Z][a-zA-Z0-9]*)\\.([a-zA-Z][a-zA-Z0-9]*)\\(execution\\)(?: == '[A-Z_]+')?}");
    /** The variable an input of an embedded HTML form sets. */
    static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name=\"([^\"]+)\"");

    /** The retry cycle of every asynchronous step. */
    static final String RETRY_CYCLE = "PT1M,PT5M,PT10M,PT20M,PT30M,PT1H";

    @Autowired
    ApplicationContext context;

    @Test
    void everyProcessHasAHistoryTimeToLiveAndAKnownApi() throws IOException {
        for (BpmnModelInstance model : models()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
                assertThat(process.getName()).as(process.getId()).isNotBlank();
                assertThat(PROCESS_APIS.stream().map(api -> (String) constant(api, "KEY")))
                        .as("a process API class for %s", process.getId()).contains(process.getId());
            }
        }
    }

    /**
     * Every gateway routes on the domain: a condition asks the process's routing bean, never reads a variable, which
     * whoever completes a task could have set (docs/adr/0006).
     */
    @Test
    void everyConditionAsksTheDomain() throws IOException {
        List<String> conditions = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (flow.getConditionExpression() != null) {
                    String condition = flow.getConditionExpression().getTextContent().strip();
                    conditions.add(condition);
                    Matcher routing = CONDITION.matcher(condition);
                    assertThat(routing.matches()).as("%s: «%s» routes on the domain, ${bean.method(execution) == 'VALUE'}",
                            flow.getId(), condition).isTrue();
                    assertThat(hasMethod(routing.group(1), routing.group(2))).as("%s: %s", flow.getId(), condition).isTrue();
                }
            }
        }
        assertThat(conditions).hasSizeGreaterThan(15);
    }

    /** Every task whose process API names decision variables clears them first thing when it is created. */
    @Test
    void everyDecisionTaskClearsItsDecisionWhenCreated() throws Exception {
        int decisionTasks = 0;
        for (BpmnModelInstance model : models()) {
            Class<?> api = apiOf(model);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                List<?> decision = (List<?>) api.getMethod("decisionOf", String.class).invoke(null, task.getId());
                List<String> createListeners = task.getExtensionElements() == null ? List.of()
                        : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                        .filter(listener -> "create".equals(listener.getCamundaEvent()))
                        .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
                if (!decision.isEmpty()) {
                    decisionTasks++;
                    assertThat(createListeners).as("%s clears its decision before anything else", task.getId())
                            .first().isEqualTo("${clearDecisionListener}");
                }
            }
        }
        assertThat(decisionTasks).as("decision tasks checked (11 when this was written; more with each new process)")
                .isGreaterThanOrEqualTo(11);
    }

    /**
     * Every user task names and describes itself from the domain once its form is prepared (the last create listener),
     * and a task a timer waits on shows that timer's deadline as its due date: the same expression, so the same moment.
     * A task no timer waits on has no due date: nothing happens when one passes.
     */
    @Test
    void everyUserTaskIsDescribedAndShowsTheDeadlineOfTheTimerOnIt() throws IOException {
        int timed = 0;
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                List<String> createListeners = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class)
                        .list().stream().filter(listener -> "create".equals(listener.getCamundaEvent()))
                        .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
                assertThat(createListeners).as("%s is named and described last", task.getId()).last().isEqualTo("${describeTaskListener}");
                List<String> timers = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class).stream()
                        .filter(event -> event.getAttachedTo() == task)
                        .flatMap(event -> event.getEventDefinitions().stream())
                        .filter(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class::isInstance)
                        .map(definition -> ((org.camunda.bpm.model.bpmn.instance.TimerEventDefinition) definition).getTimeDuration())
                        // a reminder waits for a date before the deadline, not for a duration
                        .filter(java.util.Objects::nonNull)
                        .map(duration -> duration.getTextContent().strip()).toList();
                if (timers.isEmpty()) {
                    assertThat(task.getCamundaDueDate()).as("%s has no timer and so no deadline", task.getId()).isNull();
                } else {
                    timed++;
                    assertThat(timers).as("%s is due when its timer fires", task.getId()).contains(task.getCamundaDueDate());
                }
            }
        }
        assertThat(timed).as("the audit, the agreement and the correction wait on timers").isGreaterThanOrEqualTo(3);
    }

    /**
     * A form sets or shows only variables its process's API names: a Camunda Form's field keys and an embedded form's
     * {@code cam-variable-name}s, so a renamed variable cannot leave a form writing one nobody reads.
     */
    @Test
    void everyFormFieldIsAVariableOfItsProcessApi() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int fields = 0;
        for (BpmnModelInstance model : models()) {
            Set<String> names = variableNames(apiOf(model));
            List<String[]> forms = new ArrayList<>(); // {element, form file}
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                forms.add(new String[] {task.getId(), formFile(task.getCamundaFormRef(), task.getCamundaFormKey())});
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
                    forms.add(new String[] {start.getId(), formFile(start.getCamundaFormRef(), start.getCamundaFormKey())});
                }
            }
            for (String[] form : forms) {
                Path file = Path.of("forms", form[1]);
                List<String> keys = new ArrayList<>();
                if (form[1].endsWith(".form")) {
                    fieldKeys(json.readTree(file.toFile()), keys);
                } else {
                    Matcher variable = CAM_VARIABLE.matcher(Files.readString(file));
                    while (variable.find()) {
                        keys.add(variable.group(1));
                    }
                }
                assertThat(names).as("%s: the fields of %s", form[0], form[1]).containsAll(keys);
                fields += keys.size();
            }
        }
        assertThat(fields).isGreaterThan(80);
    }

    /**
     * No model catches a BPMN error or an escalation. The engine refuses to let a person throw one from a task
     * ({@code EngineHardeningPlugin}) because, caught nowhere, it would end the request's instance while the request stayed
     * open; a model that starts catching them needs that rule looked at again.
     */
    @Test
    void noModelCatchesAnErrorOrEscalationAPersonCouldThrow() throws IOException {
        for (BpmnModelInstance model : models()) {
            assertThat(model.getModelElementsByType(ErrorEventDefinition.class)).isEmpty();
            assertThat(model.getModelElementsByType(EscalationEventDefinition.class)).isEmpty();
        }
    }

    /**
     * Every asynchronous step (each one sends mail) outlasts an hour-long outage of the mail server on its own
     * (attempts at 0, 1, 6, 16, 36, 66 and 126 minutes) and only then becomes an incident.
     */
    @Test
    void everyMailStepIsAsynchronousAndRetriedForTwoHoursBeforeItBecomesAnIncident() throws IOException {
        List<String> asyncSteps = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                if (task.getId().startsWith("serviceTask_notify")) {
                    assertThat(task.isCamundaAsyncBefore()).as("%s runs in a job of its own", task.getId()).isTrue();
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) {
                    asyncSteps.add(node.getId());
                    assertThat(node.getExtensionElements()).as("%s has a retry cycle", node.getId()).isNotNull();
                    assertThat(node.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list())
                            .as("%s retry cycle", node.getId()).singleElement()
                            .extracting(cycle -> cycle.getTextContent().strip()).isEqualTo(RETRY_CYCLE);
                }
            }
        }
        assertThat(asyncSteps).as("async steps checked (11 when this was written)").hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void everyDelegateExpressionNamesASpringBean() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            model.getModelElementsByType(ServiceTask.class).forEach(task -> {
                assertThat(task.getCamundaClass()).as("%s uses a delegate expression", task.getId()).isNull();
                assertThat(task.getCamundaExpression()).as("%s uses a delegate expression", task.getId()).isNull();
                expressions.add(task.getCamundaDelegateExpression());
            });
            model.getModelElementsByType(CamundaExecutionListener.class)
                    .forEach(listener -> expressions.add(listener.getCamundaDelegateExpression()));
            model.getModelElementsByType(CamundaTaskListener.class)
                    .forEach(listener -> expressions.add(listener.getCamundaDelegateExpression()));
        }
        assertThat(expressions).isNotEmpty();
        for (String expression : expressions) {
            Matcher bean = EXPRESSION.matcher(String.valueOf(expression));
            assertThat(bean.matches()).as("delegate expression %s is ${beanName}", expression).isTrue();
            assertThat(context.containsBean(bean.group(1))).as("bean %s exists", bean.group(1)).isTrue();
        }
    }

    @Test
    void everyFormReferenceResolvesToAFormInTheFormsFolder() throws IOException {
        Set<String> formIds = formIds();
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                checkForm(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), task.getCamundaFormKey(), formIds);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
                    checkForm(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), start.getCamundaFormKey(), formIds);
                }
            }
        }
    }

    @Test
    void candidateGroupsAreKnownGroupsOrComeFromTheDomain() throws IOException {
        Set<String> groups = Arrays.stream(Groups.class.getFields()).map(field -> (String) value(field)).collect(Collectors.toSet());
        Set<String> variables = PROCESS_APIS.stream().flatMap(api -> Arrays.stream(api.getFields()))
                .filter(field -> field.getType() == ProcessVariable.class)
                .map(field -> ((ProcessVariable<?>) value(field)).name())
                .collect(Collectors.toSet());
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                List<String> references = new ArrayList<>(task.getCamundaCandidateGroupsList());
                if (task.getCamundaAssignee() != null) {
                    references.add(task.getCamundaAssignee());
                }
                assertThat(task.getCamundaCandidateGroupsList()).as("%s has candidate groups", task.getId()).isNotEmpty();
                for (String reference : references) {
                    Matcher variable = EXPRESSION.matcher(reference);
                    Matcher beanMethod = BEAN_METHOD.matcher(reference);
                    if (beanMethod.matches()) {
                        assertThat(hasMethod(beanMethod.group(1), beanMethod.group(2))).as("%s: %s", task.getId(), reference).isTrue();
                    } else if (variable.matches()) {
                        assertThat(variables).as("%s: variable of %s", task.getId(), reference).contains(variable.group(1));
                    } else {
                        assertThat(groups).as("%s: group %s", task.getId(), reference).contains(reference);
                    }
                }
            }
        }
    }

    /**
     * A task whose candidate groups come from the domain waits for a partner (or a client), who does not sit in Tasklist
     * all day: it mails its people when it is created ({@code ${<feature>WaitingMailListener}}, docs/adr/0035).
     */
    @Test
    void everyTaskForAPartnerMailsItsPeopleWhenCreated() throws IOException {
        int partnerTasks = 0;
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaCandidateGroupsList().stream().noneMatch(group -> group.startsWith("${"))) {
                    continue;
                }
                partnerTasks++;
                List<String> createListeners = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class)
                        .list().stream().filter(listener -> "create".equals(listener.getCamundaEvent()))
                        .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
                assertThat(createListeners).as("%s mails the people who can act", task.getId())
                        .anyMatch(expression -> expression.matches("\\$\\{[a-z]+WaitingMailListener}"));
            }
        }
        assertThat(partnerTasks).as("partners' tasks checked (6 when this was written)").isGreaterThanOrEqualTo(6);
    }

    /**
     * A timer that takes a task from its people (an interrupting boundary timer: the say passes to someone else, or the
     * request closes) has a reminder beside it: a non-interrupting timer on the same task into an asynchronous step.
     */
    @Test
    void everySilenceTimerHasAReminderBeforeIt() throws IOException {
        int silenceTimers = 0;
        for (BpmnModelInstance model : models()) {
            List<org.camunda.bpm.model.bpmn.instance.BoundaryEvent> timers = model
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class).stream()
                    .filter(event -> !event.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class).isEmpty())
                    .filter(event -> event.getAttachedTo() instanceof UserTask)
                    .toList();
            for (var silence : timers.stream().filter(org.camunda.bpm.model.bpmn.instance.BoundaryEvent::cancelActivity).toList()) {
                silenceTimers++;
                assertThat(timers).as("%s has a reminder on %s", silence.getId(), silence.getAttachedTo().getId())
                        .anySatisfy(reminder -> {
                            assertThat(reminder.cancelActivity()).isFalse();
                            assertThat(reminder.getAttachedTo()).isEqualTo(silence.getAttachedTo());
                            assertThat(reminder.getId()).endsWith("Reminder");
                            FlowNode step = reminder.getOutgoing().iterator().next().getTarget();
                            assertThat(step.isCamundaAsyncBefore()).as("%s runs in a job of its own", step.getId()).isTrue();
                        });
            }
        }
        assertThat(silenceTimers).as("silence timers checked (2 when this was written)").isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyElementHasAMeaningfulIdARussianNameAndAShapeInTheDiagram() throws IOException {
        for (BpmnModelInstance model : models()) {
            Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                if (!(element instanceof Process) && element.getId() != null) {
                    assertThat(element.getId()).as("meaningful id").matches(MEANINGFUL_ID);
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getName()).as("%s has a Russian name", node.getId()).matches(".*[А-Яа-яЁё].*");
                assertThat(drawn).as("%s is drawn", node.getId()).contains(node.getId());
            }
        }
    }

    @Test
    void everyElementIdOfAProcessApiExistsInItsModel() throws IOException {
        for (Class<?> api : PROCESS_APIS) {
            String key = (String) constant(api, "KEY");
            BpmnModelInstance model = models().stream().filter(m -> m.getModelElementById(key) != null).findFirst().orElseThrow();
            for (Class<?> nested : api.getDeclaredClasses()) {
                for (Field field : nested.getFields()) {
                    String id = (String) value(field);
                    assertThat((Object) model.getModelElementById(id)).as("%s.%s = %s", api.getSimpleName(), field.getName(), id).isNotNull();
                }
            }
        }
    }

    /** A {@code MESSAGE_*} constant of a process API names a message its model declares and waits for. */
    @Test
    void everyMessageOfAProcessApiIsDeclaredInItsModel() throws IOException {
        for (Class<?> api : PROCESS_APIS) {
            String key = (String) constant(api, "KEY");
            BpmnModelInstance model = models().stream().filter(m -> m.getModelElementById(key) != null).findFirst().orElseThrow();
            Set<String> declared = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class).stream()
                    .map(org.camunda.bpm.model.bpmn.instance.Message::getName).collect(Collectors.toSet());
            Set<String> awaited = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class).stream()
                    .map(definition -> definition.getMessage().getName()).collect(Collectors.toSet());
            for (Field field : api.getFields()) {
                if (field.getName().startsWith("MESSAGE_")) {
                    assertThat(declared).as("%s.%s", api.getSimpleName(), field.getName()).contains((String) value(field));
                    assertThat(awaited).as("%s.%s is awaited", api.getSimpleName(), field.getName()).contains((String) value(field));
                }
            }
        }
    }

    @Test
    void everyTimerExpressionComesFromTheDomain() throws IOException {
        List<String> timers = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeDuration.class)
                    .forEach(duration -> timers.add(duration.getTextContent().strip()));
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeCycle.class)
                    .forEach(cycle -> timers.add(cycle.getTextContent().strip()));
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeDate.class)
                    .forEach(date -> timers.add(date.getTextContent().strip()));
        }
        assertThat(timers).isNotEmpty();
        for (String timer : timers) {
            Matcher beanMethod = BEAN_METHOD.matcher(timer);
            assertThat(beanMethod.matches()).as(timer).isTrue();
            assertThat(hasMethod(beanMethod.group(1), beanMethod.group(2))).as(timer).isTrue();
        }
    }

    /**
     * The keys of a Camunda Form's fields, groups included; a table's columns are properties of a row, not variables,
     * and so are the fields of a dynamic list, whose path is the variable.
     */
    private static void fieldKeys(com.fasterxml.jackson.databind.JsonNode form, List<String> keys) {
        for (com.fasterxml.jackson.databind.JsonNode component : form.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            if ("dynamiclist".equals(component.path("type").asText())) {
                keys.add(component.path("path").asText());
            } else {
                fieldKeys(component, keys);
            }
        }
    }

    /** The process API class of the model's process. */
    private static Class<?> apiOf(BpmnModelInstance model) {
        String key = model.getModelElementsByType(Process.class).iterator().next().getId();
        return PROCESS_APIS.stream().filter(api -> key.equals(constant(api, "KEY"))).findFirst().orElseThrow();
    }

    /** The names of every variable an API declares: its ProcessVariable and FileVariable constants, and those in its maps. */
    private static Set<String> variableNames(Class<?> api) {
        Set<String> names = new java.util.HashSet<>();
        for (Field field : api.getFields()) {
            Object value = value(field);
            if (value instanceof ProcessVariable<?> variable) {
                names.add(variable.name());
            } else if (value instanceof java.util.Map<?, ?> map) {
                map.values().stream().filter(ProcessVariable.class::isInstance)
                        .forEach(variable -> names.add(((ProcessVariable<?>) variable).name()));
            } else if (value instanceof FileVariable file) {
                names.add(file.name());
            }
        }
        return names;
    }

    /** The file in {@code forms/} of a Camunda Form's id or an embedded form's key. */
    private static String formFile(String formRef, String formKey) throws IOException {
        if (formKey != null) {
            return formKey.substring("embedded:/forms/".length());
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(file -> file.toString().endsWith(".form")).filter(file -> {
                try {
                    return json.readTree(file.toFile()).get("id").asText().equals(formRef);
                } catch (IOException e) {
                    throw new IllegalStateException(file.toString(), e);
                }
            }).findFirst().orElseThrow().getFileName().toString();
        }
    }

    private boolean hasMethod(String bean, String method) {
        return context.containsBean(bean) && Arrays.stream(context.getType(bean).getMethods())
                .anyMatch(candidate -> candidate.getName().equals(method));
    }

    private static void checkForm(BaseElement element, String formRef, String binding, String formKey, Set<String> formIds) {
        if (formRef != null) {
            assertThat(formIds).as("%s: form %s", element.getId(), formRef).contains(formRef);
            assertThat(binding).as("%s binds its form to the deployment", element.getId()).isEqualTo("deployment");
        } else {
            assertThat(formKey).as("%s has a form", element.getId()).startsWith("embedded:/forms/");
            assertThat(Path.of("forms", formKey.substring("embedded:/forms/".length()))).exists();
        }
    }

    private static List<BpmnModelInstance> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<BpmnModelInstance> models = files.filter(file -> file.toString().endsWith(".bpmn"))
                    .map(file -> Bpmn.readModelFromFile(file.toFile())).toList();
            assertThat(models).isNotEmpty();
            return models;
        }
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(file -> file.toString().endsWith(".form"))
                    .map(file -> {
                        try {
                            return json.readTree(file.toFile()).get("id").asText();
                        } catch (IOException e) {
                            throw new IllegalStateException(file.toString(), e);
                        }
                    })
                    .collect(Collectors.toSet());
        }
    }

    private static Object constant(Class<?> type, String name) {
        try {
            return value(type.getField(name));
        } catch (NoSuchFieldException e) {
            throw new AssertionError(type + " has no " + name, e);
        }
    }

    private static Object value(Field field) {
        try {
            assertThat(Modifier.isStatic(field.getModifiers())).as(field.getName()).isTrue();
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
