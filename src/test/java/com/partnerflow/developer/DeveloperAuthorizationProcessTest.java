package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;
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
import java.util.Set;
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
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessAccess;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ClearDecisionListener;
import com.partnerflow.system.TaskCard;

/**
 * Every path of {@code developer-authorization} on an in-memory engine with the real BPMN and forms, and the real
 * listeners, delegates and routing. Only {@link DeveloperAuthorizationService} is a Mockito mock; its answers act on a
 * real {@link DeveloperAuthorization}, so the routing reads the domain's state.
 */
@Deployment(resources = {"processes/developer-authorization.bpmn", "forms/developer-authorization-request.form",
        "forms/developer-authorization-review.form"})
class DeveloperAuthorizationProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long AUTHORIZATION = 11L;
    static final String BUSINESS_KEY = String.valueOf(AUTHORIZATION);
    static final String PARTNER_USER = "anna.alfa";
    static final String DEVELOPER_USER = "dmitry.alfa";
    static final String VENDOR = "vera.vendor";
    static final String REASON_TEXT = "Доработки для клиентов на «1С:Бухгалтерии 8»";

    final DeveloperAuthorizationService authorizations = mock(DeveloperAuthorizationService.class);
    final ProcessAccess access = mock(ProcessAccess.class);
    final Partner alfa = partner();
    DeveloperAuthorization authorization;

    @BeforeEach
    void registerTheRealStepsOverAMockedService() {
        serviceActsOnTheDomain();
        Mocks.register("acceptDeveloperRequestListener", new AcceptDeveloperRequestListener(authorizations, access));
        Mocks.register("developerReviewCreatedListener", new DeveloperReviewCreatedListener(authorizations));
        Mocks.register("developerReviewedListener", new DeveloperReviewedListener(authorizations));
        Mocks.register("sendDeveloperNotificationsDelegate", new SendDeveloperNotificationsDelegate(authorizations));
        DeveloperRouting routing = new DeveloperRouting(authorizations);
        Mocks.register("developerRouting", routing);
        Mocks.register("clearDecisionListener", new ClearDecisionListener(List.of(routing)));
        describeTasksWith(new DeveloperTasks(authorizations));
    }

    @AfterEach
    void logOut() {
        identityService().clearAuthentication();
    }

    @Test
    void anApprovedRequestMailsThePartnerAndWaitsUntilVendorStaffWithdrawIt() {
        ProcessInstance instance = request();

        verify(authorizations).request(new RequestAuthorization(DEVELOPER_USER, List.of(Application.ACCOUNTING, Application.PAYROLL),
                REASON_TEXT), PARTNER_USER);
        verify(access).grantRead(instance.getId(), List.of(alfa.group()));
        assertThat(instance).hasBusinessKey(BUSINESS_KEY).isWaitingAt(Elements.REVIEW);
        assertThat(reviewTask()).hasCandidateGroup(Groups.VENDOR_STAFF).isNotAssigned();
        assertThat(instance).variables()
                .containsEntry(PARTNER_NAME.name(), "Альфа-Софт (ALFA)")
                .containsEntry(DEVELOPER.name(), DEVELOPER_USER)
                .containsEntry(REQUESTED_BY.name(), PARTNER_USER)
                .containsEntry(APPLICATIONS_TEXT.name(), "1С:Бухгалтерия 8, 1С:Зарплата и управление персоналом 8")
                .containsEntry(REASON.name(), REASON_TEXT);

        review(DECISION.with(AuthorizationDecision.APPROVE));

        verify(authorizations).recordDecision(AUTHORIZATION, AuthorizationDecision.APPROVE, null, VENDOR);
        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.ACTIVE);
        assertThat(instance).hasPassed(Elements.REVIEW_DECISION, Elements.AUTHORIZED)
                .isWaitingAt(Elements.NOTIFY_AUTHORIZED, Elements.AWAIT_WITHDRAWAL);
        verify(authorizations, never()).sendNotifications(anyLong());

        execute(notificationJob());

        verify(authorizations).sendNotifications(AUTHORIZATION);
        assertThat(instance).hasPassed(Elements.END_AUTHORIZATION_MAILED).isWaitingAt(Elements.AWAIT_WITHDRAWAL);

        withdrawnByVendorStaff();
        execute(notificationJob());

        verify(authorizations, times(2)).sendNotifications(AUTHORIZATION);
        assertThat(instance).hasPassedInOrder(Elements.START, Elements.REVIEW, Elements.REVIEW_DECISION, Elements.AUTHORIZED,
                Elements.AWAIT_WITHDRAWAL, Elements.NOTIFY_WITHDRAWN, Elements.END_WITHDRAWN).isEnded();
        assertThat(instance).hasNotPassed(Elements.NOTIFY_REJECTED, Elements.END_REJECTED);
    }

    /** The review names the employee and the partner and says what is asked and what follows (issue 19). */
    @Test
    void theReviewIsNamedAndDescribedFromTheRequest() {
        request();

        Task review = reviewTask();
        assertThat(review.getName()).isEqualTo("Рассмотреть запрос на авторизацию разработчика " + DEVELOPER_USER
                + ", партнер «Альфа-Софт» (ALFA)");
        assertThat(review.getDescription()).isEqualTo("Партнер «Альфа-Софт» (ALFA) просит авторизовать своего сотрудника "
                + DEVELOPER_USER + " как разработчика доработок для приложений: 1С:Бухгалтерия 8, 1С:Зарплата и управление "
                + "персоналом 8. Запрос подал " + PARTNER_USER + ". Одобрите (сотрудник сможет отправлять версии доработок на "
                + "аудит) или отклоните с комментарием. Срок не установлен: запрос ждет вашего решения.");
        assertThat(review.getDueDate()).as("no timer waits on the review").isNull();
        assertThat(taskService().getVariablesLocal(review.getId())).containsEntry(TaskCard.SUBJECT.name(), DEVELOPER_USER)
                .containsEntry(TaskCard.PARTNER.name(), "«Альфа-Софт» (ALFA)");
    }

    /** Once the review's approval commits the withdrawal is awaited: a mail server that is down delays nothing. */
    @Test
    void vendorStaffWithdrawBeforeTheApprovalsMailWentOut() {
        ProcessInstance instance = request();
        review(DECISION.with(AuthorizationDecision.APPROVE));

        withdrawnByVendorStaff();

        assertThat(instance).isWaitingAt(Elements.NOTIFY_AUTHORIZED, Elements.NOTIFY_WITHDRAWN);
        managementService().createJobQuery().messages().list().forEach(job -> execute(job));
        verify(authorizations, times(2)).sendNotifications(AUTHORIZATION);
        assertThat(instance).hasPassed(Elements.END_AUTHORIZATION_MAILED, Elements.END_WITHDRAWN).isEnded();
    }

    @Test
    void aRejectedRequestMailsThePartnerAndEnds() {
        ProcessInstance instance = request();

        VariableMap rejection = DECISION.with(AuthorizationDecision.REJECT);
        DECISION_COMMENT.putIn(rejection, "Нет сертификата 1С:Специалист");
        review(rejection);

        verify(authorizations).recordDecision(AUTHORIZATION, AuthorizationDecision.REJECT, "Нет сертификата 1С:Специалист", VENDOR);
        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.REJECTED);
        assertThat(instance).isWaitingAt(Elements.NOTIFY_REJECTED);
        execute(notificationJob());
        verify(authorizations).sendNotifications(AUTHORIZATION);
        assertThat(instance).hasPassed(Elements.END_REJECTED).hasNotPassed(Elements.NOTIFY_AUTHORIZED, Elements.AWAIT_WITHDRAWAL).isEnded();
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedAndTheTaskStays() {
        ProcessInstance instance = request();
        Task task = reviewTask();

        assertThatThrownBy(() -> review(DECISION.with(AuthorizationDecision.REJECT)))
                .hasMessageContaining("Укажите причину отказа");

        assertThat(authorization.getStatus()).isEqualTo(AuthorizationStatus.REQUESTED);
        assertThat(instance).isWaitingAt(Elements.REVIEW);
        assertThat(reviewTask().getId()).isEqualTo(task.getId());
    }

    @Test
    void aDecisionSetBeforeTheTaskExistsIsCleared() {
        VariableMap variables = startVariables();
        DECISION.putIn(variables, AuthorizationDecision.APPROVE);
        ProcessInstance instance = as(PARTNER_USER, () -> runtimeService().startProcessInstanceByKey(KEY, variables));

        assertThat(instance).isWaitingAt(Elements.REVIEW);
        assertThat(instance).variables().doesNotContainKeys(DECISION.name(), DECISION_COMMENT.name());
    }

    @Test
    void aRefusedRequestLeavesNoInstanceBehind() {
        when(authorizations.request(any(), eq(PARTNER_USER))).thenThrow(BusinessRuleViolation.notFound("Сотрудник не найден"));

        assertThatThrownBy(this::request).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("не найден");

        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        verify(access, never()).grantRead(any(), any());
    }

    @Test
    void aRequestWithoutALoggedInUserIsRefused() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, startVariables()))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("вошедший в систему");
        verify(authorizations, never()).request(any(), any());
    }

    @Test
    void aFailingNotificationIsRetriedAndThenBecomesAnIncident() {
        ProcessInstance instance = request();
        review(DECISION.with(AuthorizationDecision.APPROVE));
        doThrow(new IllegalStateException("SMTP down")).when(authorizations).sendNotifications(AUTHORIZATION);

        for (int attempt = 0; attempt < MAIL_ATTEMPTS; attempt++) {
            Job job = notificationJob();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP down");
        }

        verify(authorizations, times(MAIL_ATTEMPTS)).sendNotifications(AUTHORIZATION);
        assertThat(notificationJob().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(instance).isWaitingAt(Elements.NOTIFY_AUTHORIZED);
        assertThat(authorization.getStatus()).as("the authorization stays").isEqualTo(AuthorizationStatus.ACTIVE);
    }

    @Test
    void anAuthorizationFromBeforeRequestsIsWithdrawnFromTheNotificationOn() {
        authorization = DeveloperAuthorization.request(alfa, DEVELOPER_USER, Set.of(Application.ACCOUNTING), REASON_TEXT, null, NOW);
        setField(authorization, "id", AUTHORIZATION);
        authorization.approve(null, null, NOW);
        authorization.withdraw(VENDOR, "Сотрудник уволился", NOW);

        ProcessInstance instance = runtimeService().createProcessInstanceByKey(KEY).businessKey(BUSINESS_KEY)
                .startBeforeActivity(Elements.NOTIFY_WITHDRAWN).execute();
        execute(notificationJob());

        verify(authorizations).sendNotifications(AUTHORIZATION);
        assertThat(instance).hasPassed(Elements.END_WITHDRAWN).hasNotPassed(Elements.START, Elements.REVIEW).isEnded();
    }

    @Test
    void theStartAndTheReviewUseTheCamundaFormsOfTheDeployment() throws IOException {
        request();
        String definitionId = runtimeService().createProcessInstanceQuery().singleResult().getProcessDefinitionId();
        try (InputStream form = formService().getDeployedStartForm(definitionId)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"developer-authorization-request\"",
                    key(DEVELOPER.name()), key(APPLICATIONS.name()), key(REASON.name()));
        }
        try (InputStream form = formService().getDeployedTaskForm(reviewTask().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"developer-authorization-review\"",
                    key(DECISION.name()), key(DECISION_COMMENT.name()), key(PARTNER_NAME.name()), key(APPLICATIONS_TEXT.name()));
        }
    }

    /** The service's steps as {@link DeveloperAuthorizationService} takes them, on the real aggregate. */
    private void serviceActsOnTheDomain() {
        when(authorizations.request(any(), eq(PARTNER_USER))).thenAnswer(call -> {
            RequestAuthorization command = call.getArgument(0);
            authorization = DeveloperAuthorization.request(alfa, command.developer(), Set.copyOf(command.applications()), command.reason(),
                    PARTNER_USER, NOW);
            setField(authorization, "id", AUTHORIZATION);
            return authorization;
        });
        when(authorizations.byId(AUTHORIZATION)).thenAnswer(call -> authorization);
        when(authorizations.recordDecision(eq(AUTHORIZATION), any(), any(), any())).thenAnswer(call -> {
            if (call.getArgument(1) == AuthorizationDecision.APPROVE) {
                authorization.approve(call.getArgument(3), call.getArgument(2), NOW);
            } else {
                authorization.reject(call.getArgument(3), call.getArgument(2), NOW);
            }
            return authorization;
        });
    }

    /** As {@code DeveloperCommands.withdraw}: the domain records the withdrawal, then the process is told. */
    private void withdrawnByVendorStaff() {
        authorization.withdraw(VENDOR, "Сотрудник уволился", NOW);
        runtimeService().createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(BUSINESS_KEY).correlateWithResult();
    }

    private ProcessInstance request() {
        return as(PARTNER_USER, () -> runtimeService().startProcessInstanceByKey(KEY, startVariables()));
    }

    private static VariableMap startVariables() {
        VariableMap variables = DEVELOPER.with(DEVELOPER_USER);
        APPLICATIONS.putIn(variables, List.of(Application.ACCOUNTING, Application.PAYROLL));
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
        return partner;
    }

    private static Task reviewTask() {
        return taskService().createTaskQuery().taskDefinitionKey(Elements.REVIEW).singleResult();
    }

    private static Job notificationJob() {
        return managementService().createJobQuery().messages().singleResult();
    }

    private static String key(String variable) {
        return "\"key\": \"" + variable + "\"";
    }
}
