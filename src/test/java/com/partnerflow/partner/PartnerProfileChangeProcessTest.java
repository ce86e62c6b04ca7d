package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.util.ReflectionTestUtils.setField;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.partnerflow.ProcessTest;
import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessAccess;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ClearDecisionListener;
import com.partnerflow.system.TaskCard;

/**
 * Every path of {@code partner-profile-change} on an in-memory engine with the real BPMN and forms, and the real
 * listeners, delegates and routing. Only {@link ProfileChangeService} is a Mockito mock; its answers act on a real
 * {@link ProfileChange} and {@link Partner}, so the routing reads the domain's state and the details really change.
 */
@Deployment(resources = {"processes/partner-profile-change.bpmn", "forms/partner-profile-change-request.form",
        "forms/partner-profile-change-review.form"})
class PartnerProfileChangeProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long CHANGE = 7L;
    static final String BUSINESS_KEY = String.valueOf(CHANGE);
    static final String PARTNER_USER = "anna.alfa";
    static final String VENDOR = "vera.vendor";
    static final String REASON_TEXT = "Переехали в новый офис";

    final ProfileChangeService changes = mock(ProfileChangeService.class);
    final ProcessAccess access = mock(ProcessAccess.class);
    final Partner alfa = partner();
    ProfileChange change;

    @BeforeEach
    void registerTheRealStepsOverAMockedService() {
        serviceActsOnTheDomain();
        Mocks.register("acceptProfileChangeListener", new AcceptProfileChangeListener(changes, access));
        Mocks.register("profileReviewCreatedListener", new ProfileReviewCreatedListener(changes));
        Mocks.register("profileReviewedListener", new ProfileReviewedListener(changes));
        Mocks.register("applyProfileChangeDelegate", new ApplyProfileChangeDelegate(changes));
        Mocks.register("sendProfileChangeNotificationsDelegate", new SendProfileChangeNotificationsDelegate(changes));
        ProfileChangeRouting routing = new ProfileChangeRouting(changes);
        Mocks.register("profileChangeRouting", routing);
        Mocks.register("clearDecisionListener", new ClearDecisionListener(List.of(routing)));
        describeTasksWith(new ProfileChangeTasks(changes));
    }

    @AfterEach
    void logOut() {
        identityService().clearAuthentication();
    }

    @Test
    void anApprovedChangeIsAppliedAsynchronouslyThenThePartnerIsMailed() {
        ProcessInstance instance = request();

        verify(changes).request(new ProposeProfileChange(null, null, "+7 495 765-43-21", null, REASON_TEXT), PARTNER_USER);
        verify(access).grantRead(instance.getId(), List.of(alfa.group()));
        assertThat(instance).hasBusinessKey(BUSINESS_KEY).isWaitingAt(Elements.REVIEW);
        assertThat(reviewTask()).hasCandidateGroup(Groups.VENDOR_STAFF).isNotAssigned();
        assertThat(instance).variables()
                .containsEntry(PARTNER_LABEL.name(), "«Альфа-Софт» (ALFA)")
                .containsEntry(CHANGES_TEXT.name(), "Телефон: +7 495 123-45-67 → +7 495 765-43-21")
                .containsEntry(REQUESTED_BY.name(), PARTNER_USER)
                .containsEntry(REASON.name(), REASON_TEXT);

        review(DECISION.with(ProfileChangeDecision.APPROVE));

        verify(changes).recordDecision(CHANGE, ProfileChangeDecision.APPROVE, null, VENDOR);
        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.APPROVED);
        assertThat(instance).hasPassed(Elements.REVIEW_DECISION).isWaitingAt(Elements.APPLY);
        assertThat(alfa.getPhone()).as("not before the step runs").isEqualTo("+7 495 123-45-67");

        execute(job());

        verify(changes).apply(CHANGE);
        assertThat(alfa.getPhone()).isEqualTo("+7 495 765-43-21");
        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.APPLIED);
        assertThat(instance).isWaitingAt(Elements.NOTIFY_APPLIED);
        verify(changes, never()).sendNotifications(anyLong());

        execute(job());

        verify(changes).sendNotifications(CHANGE);
        assertThat(instance).hasPassedInOrder(Elements.START, Elements.REVIEW, Elements.REVIEW_DECISION, Elements.APPLY,
                Elements.NOTIFY_APPLIED, Elements.END_APPLIED).hasNotPassed(Elements.NOTIFY_REJECTED, Elements.END_REJECTED).isEnded();
    }

    @Test
    void aRejectedChangeMailsThePartnerAndChangesNothing() {
        ProcessInstance instance = request();

        VariableMap rejection = DECISION.with(ProfileChangeDecision.REJECT);
        DECISION_COMMENT.putIn(rejection, "Пришлите письмо на бланке партнера");
        review(rejection);

        verify(changes).recordDecision(CHANGE, ProfileChangeDecision.REJECT, "Пришлите письмо на бланке партнера", VENDOR);
        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.REJECTED);
        assertThat(instance).isWaitingAt(Elements.NOTIFY_REJECTED);
        execute(job());
        verify(changes).sendNotifications(CHANGE);
        verify(changes, never()).apply(anyLong());
        assertThat(alfa.getPhone()).isEqualTo("+7 495 123-45-67");
        assertThat(instance).hasPassed(Elements.END_REJECTED).hasNotPassed(Elements.APPLY, Elements.NOTIFY_APPLIED).isEnded();
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedAndTheTaskStays() {
        ProcessInstance instance = request();
        Task task = reviewTask();

        assertThatThrownBy(() -> review(DECISION.with(ProfileChangeDecision.REJECT))).hasMessageContaining("Укажите причину отказа");

        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.REQUESTED);
        assertThat(instance).isWaitingAt(Elements.REVIEW);
        assertThat(reviewTask().getId()).isEqualTo(task.getId());
    }

    /** The review names the partner and what changes, and says what is asked and what follows (issue 19). */
    @Test
    void theReviewIsNamedAndDescribedFromTheRequest() {
        request();

        Task review = reviewTask();
        assertThat(review.getName()).isEqualTo("Рассмотреть изменение данных партнера «Альфа-Софт» (ALFA): телефон");
        assertThat(review.getDescription()).startsWith("Партнер «Альфа-Софт» (ALFA) просит изменить свои данные: "
                + "Телефон: +7 495 123-45-67 → +7 495 765-43-21. Причина: " + REASON_TEXT + ". Запрос подал " + PARTNER_USER + ".");
        assertThat(review.getDueDate()).as("no timer waits on the review").isNull();
        assertThat(taskService().getVariablesLocal(review.getId())).containsEntry(TaskCard.PARTNER.name(), "«Альфа-Софт» (ALFA)");
    }

    @Test
    void aDecisionSetBeforeTheTaskExistsIsCleared() {
        VariableMap variables = startVariables();
        DECISION.putIn(variables, ProfileChangeDecision.APPROVE);
        ProcessInstance instance = as(PARTNER_USER, () -> runtimeService().startProcessInstanceByKey(KEY, variables));

        assertThat(instance).isWaitingAt(Elements.REVIEW);
        assertThat(instance).variables().doesNotContainKeys(DECISION.name(), DECISION_COMMENT.name());
    }

    @Test
    void aRefusedRequestLeavesNoInstanceBehind() {
        when(changes.request(any(), eq(PARTNER_USER))).thenThrow(BusinessRuleViolation.conflict("уже есть открытый запрос"));

        assertThatThrownBy(this::request).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("открытый запрос");

        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        verify(access, never()).grantRead(any(), any());
    }

    @Test
    void aRequestWithoutALoggedInUserIsRefused() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, startVariables()))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("вошедший в систему");
        verify(changes, never()).request(any(), any());
    }

    @Test
    void aFailingApplicationIsRetriedAndThenBecomesAnIncidentWithTheRequestStillApproved() {
        ProcessInstance instance = request();
        review(DECISION.with(ProfileChangeDecision.APPROVE));
        doThrow(new IllegalStateException("database busy")).when(changes).apply(CHANGE);

        for (int attempt = 0; attempt < MAIL_ATTEMPTS; attempt++) {
            Job job = job();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("database busy");
        }

        verify(changes, times(MAIL_ATTEMPTS)).apply(CHANGE);
        assertThat(job().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(instance).isWaitingAt(Elements.APPLY);
        assertThat(change.getStatus()).isEqualTo(ProfileChangeStatus.APPROVED);
    }

    @Test
    void aFailingNotificationIsRetriedAndThenBecomesAnIncident() {
        ProcessInstance instance = request();
        review(DECISION.with(ProfileChangeDecision.APPROVE));
        execute(job());
        doThrow(new IllegalStateException("SMTP down")).when(changes).sendNotifications(CHANGE);

        for (int attempt = 0; attempt < MAIL_ATTEMPTS; attempt++) {
            Job job = job();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP down");
        }

        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(instance).isWaitingAt(Elements.NOTIFY_APPLIED);
        assertThat(change.getStatus()).as("the change stays applied").isEqualTo(ProfileChangeStatus.APPLIED);
    }

    @Test
    void theStartAndTheReviewUseTheCamundaFormsOfTheDeployment() throws IOException {
        request();
        String definitionId = runtimeService().createProcessInstanceQuery().singleResult().getProcessDefinitionId();
        try (InputStream form = formService().getDeployedStartForm(definitionId)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"partner-profile-change-request\"",
                    key(NAME.name()), key(EMAIL.name()), key(PHONE.name()), key(WEBSITE.name()), key(REASON.name()), "1С:ЦСК");
        }
        try (InputStream form = formService().getDeployedTaskForm(reviewTask().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"partner-profile-change-review\"",
                    key(DECISION.name()), key(DECISION_COMMENT.name()), key(PARTNER_LABEL.name()), key(CHANGES_TEXT.name()));
        }
    }

    /** The service's steps as {@link ProfileChangeService} takes them, on the real aggregate and partner. */
    private void serviceActsOnTheDomain() {
        when(changes.request(any(), eq(PARTNER_USER))).thenAnswer(call -> {
            ProposeProfileChange command = call.getArgument(0);
            change = ProfileChange.request(alfa, new PartnerDetails(command.name(), command.email(), command.phone(), command.website()),
                    command.reason(), PARTNER_USER, NOW);
            setField(change, "id", CHANGE);
            return change;
        });
        when(changes.byId(CHANGE)).thenAnswer(call -> change);
        when(changes.recordDecision(eq(CHANGE), any(), any(), any())).thenAnswer(call -> {
            if (call.getArgument(1) == ProfileChangeDecision.APPROVE) {
                change.approve(call.getArgument(3), call.getArgument(2), NOW);
            } else {
                change.reject(call.getArgument(3), call.getArgument(2), NOW);
            }
            return change;
        });
        when(changes.apply(CHANGE)).thenAnswer(call -> {
            alfa.changeDetails(change.over(alfa.details()));
            change.applied(NOW);
            return change;
        });
    }

    private ProcessInstance request() {
        return as(PARTNER_USER, () -> runtimeService().startProcessInstanceByKey(KEY, startVariables()));
    }

    private static VariableMap startVariables() {
        VariableMap variables = PHONE.with("+7 495 765-43-21");
        REASON.putIn(variables, REASON_TEXT);
        return variables;
    }

    private void review(VariableMap answer) {
        Task task = reviewTask();
        as(VENDOR, () -> {
            complete(task, answer);
            return null;
        });
    }

    private static <T> T as(String userId, Supplier<T> action) {
        identityService().setAuthenticatedUserId(userId);
        try {
            return action.get();
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static Partner partner() {
        Partner partner = new Partner("ALFA", "Альфа-Софт", true, BigDecimal.TEN, "alfa@partners.example");
        setField(partner, "id", 1L);
        partner.changeDetails(new PartnerDetails("Альфа-Софт", "alfa@partners.example", "+7 495 123-45-67", null));
        return partner;
    }

    private static Task reviewTask() {
        return taskService().createTaskQuery().taskDefinitionKey(Elements.REVIEW).singleResult();
    }

    private static Job job() {
        return managementService().createJobQuery().messages().singleResult();
    }

    private static String key(String variable) {
        return "\"key\": \"" + variable + "\"";
    }
}
