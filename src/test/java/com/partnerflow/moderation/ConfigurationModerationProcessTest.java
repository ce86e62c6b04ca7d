package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationFixtures.NOW;
import static com.partnerflow.moderation.ConfigurationFixtures.account;
import static com.partnerflow.moderation.ConfigurationFixtures.completeDraft;
import static com.partnerflow.moderation.ConfigurationFixtures.configuration;
import static com.partnerflow.moderation.ConfigurationFixtures.emptyDraft;
import static com.partnerflow.moderation.ConfigurationFixtures.partner;
import static com.partnerflow.moderation.ConfigurationModerationProcess.*;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
import org.mockito.ArgumentCaptor;

import com.partnerflow.ProcessTest;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.notification.TaskMails;
import com.partnerflow.notification.TaskWaiting;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.security.ProcessAccess;
import com.partnerflow.security.UserDirectory;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ClearDecisionListener;
import com.partnerflow.system.TaskCard;

/**
 * Every path of {@code configuration-moderation} on an in-memory engine with the real BPMN and forms, and the real
 * listeners, delegates and routing. Only {@link ModerationService} is a Mockito mock; its answers act on a real
 * {@link Moderation} as the service would, so the routing reads the domain's state.
 */
@Deployment(resources = {"processes/configuration-moderation.bpmn", "forms/configuration-review.form", "forms/configuration-revise.form"})
class ConfigurationModerationProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    static final long CONFIGURATION = 5L;
    static final long MODERATION = 7L;
    static final String BUSINESS_KEY = String.valueOf(MODERATION);
    static final String PARTNER_USER = "anna.alfa";
    static final String MODERATOR = "mila.moderator";
    static final String NEW_TITLE = "Воронка продаж 2.0";
    static final String CHANGES_COMMENT = "Добавьте скриншоты каждого шага";

    final ModerationService moderations = mock(ModerationService.class);
    final ProcessAccess access = mock(ProcessAccess.class);
    final TaskMails taskMails = mock(TaskMails.class);
    final Partner alfa = partner(1, "ALFA");
    Configuration configuration = configuration(CONFIGURATION, account(10, alfa), alfa, completeDraft().content());
    /** The moderation the service opened, as the database would keep it. */
    Moderation moderation;

    @BeforeEach
    void registerTheRealStepsOverAMockedService() {
        serviceActsOnTheDomain();
        ModerationForms forms = new ModerationForms();
        Mocks.register("acceptConfigurationListener", new AcceptConfigurationListener(moderations, access));
        Mocks.register("configurationReviewCreatedListener", new ConfigurationReviewCreatedListener(moderations, forms));
        Mocks.register("configurationReviewedListener", new ConfigurationReviewedListener(moderations));
        Mocks.register("configurationRevisionCreatedListener", new ConfigurationRevisionCreatedListener(moderations, forms));
        Mocks.register("configurationRevisedListener", new ConfigurationRevisedListener(moderations));
        Mocks.register("moderationWaitingMailListener", new ModerationWaitingMailListener(moderations,
                new ModerationMails(mock(UserDirectory.class), mock(MailTemplates.class)), taskMails));
        Mocks.register("publishConfigurationDelegate", new PublishConfigurationDelegate(moderations));
        Mocks.register("sendModerationNotificationsDelegate", new SendModerationNotificationsDelegate(moderations));
        ModerationRouting routing = new ModerationRouting(moderations);
        Mocks.register("moderationRouting", routing);
        Mocks.register("clearDecisionListener", new ClearDecisionListener(List.of(routing)));
        describeTasksWith(new ModerationTasks(moderations));
    }

    @AfterEach
    void logOut() {
        identityService().clearAuthentication();
    }

    @Test
    void anApprovedConfigurationIsPublishedAndThePartnerNotified() {
        ProcessInstance instance = submit();

        verify(moderations).submit(CONFIGURATION, PARTNER_USER);
        verify(access).grantRead(instance.getId(), List.of(alfa.group()));
        assertThat(instance).hasBusinessKey(BUSINESS_KEY).isWaitingAt(Elements.REVIEW);
        assertThat(reviewTask()).hasCandidateGroup(Groups.MODERATORS).isNotAssigned();
        assertThat(instance).variables()
                .containsEntry(TITLE.name(), ConfigurationFixtures.TITLE)
                .containsEntry(CATEGORY_LABEL.name(), "Продажи и CRM")
                .containsEntry(INDUSTRY_LABEL.name(), "Торговля")
                .containsEntry(ENTITIES.name(), "Процесс «Обработка заявок»\nСправочник «Клиенты»")
                .containsEntry(AUTHOR.name(), "Партнер ALFA (ALFA), аккаунт «Аккаунт 10», отправил " + PARTNER_USER)
                .containsEntry(ROUND.name(), 1L)
                .containsEntry(CHANGES.name(), "Первая отправка на модерацию.");

        review(REVIEW_DECISION.with(ReviewDecision.APPROVE));

        verify(moderations).recordReview(MODERATION, ReviewDecision.APPROVE, null, MODERATOR);
        verify(moderations).publish(MODERATION);
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.PUBLISHED);
        assertThat(configuration.getPublishedRound().getNumber()).isEqualTo(1);
        assertThat(instance).hasPassed(Elements.REVIEW_DECISION, Elements.PUBLISH).isWaitingAt(Elements.NOTIFY_PUBLISHED);
        verify(moderations, never()).sendNotifications(anyLong());

        execute(notificationJob());

        verify(moderations).sendNotifications(MODERATION);
        assertThat(instance).hasPassedInOrder(Elements.START, Elements.REVIEW, Elements.REVIEW_DECISION, Elements.PUBLISH,
                Elements.NOTIFY_PUBLISHED, Elements.END_PUBLISHED).isEnded();
        assertThat(instance).hasNotPassed(Elements.REVISE, Elements.END_REJECTED, Elements.END_WITHDRAWN);
    }

    @Test
    void requestedChangesGoToTheCreatorWhoSendsTheConfigurationAgainForASecondRound() {
        ProcessInstance instance = submit();

        review(changesRequested());

        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.CHANGES_REQUESTED);
        assertThat(instance).isWaitingAt(Elements.NOTIFY_CHANGES_REQUESTED);
        execute(notificationJob());
        verify(moderations).sendNotifications(MODERATION);
        assertThat(instance).isWaitingAt(Elements.REVISE);
        assertThat(reviseTask()).hasCandidateGroup(alfa.group()).isNotAssigned();
        ArgumentCaptor<TaskWaiting> waiting = ArgumentCaptor.forClass(TaskWaiting.class);
        verify(taskMails).waiting(any(), waiting.capture());
        assertThat(waiting.getValue().title()).isEqualTo("Доработайте конфигурацию «" + ConfigurationFixtures.TITLE + "»");
        assertThat(waiting.getValue().about()).contains("Комментарий модератора: " + CHANGES_COMMENT);
        assertThat(taskService().createTaskQuery().taskCandidateGroup(Groups.MODERATORS).count()).isZero();
        assertThat(instance).variables().containsEntry(MODERATOR_COMMENT.name(), CHANGES_COMMENT)
                .containsEntry(TITLE.name(), ConfigurationFixtures.TITLE).containsEntry(CATEGORY.name(), "SALES");

        VariableMap revision = REVISION_ACTION.with(RevisionAction.RESUBMIT);
        TITLE.putIn(revision, NEW_TITLE);
        ENTITY_LIST.putIn(revision, List.of(new ConfigurationDraft.EntityDraft("REPORT", "Продажи по менеджерам")));
        revise(revision);

        ArgumentCaptor<ConfigurationDraft> settings = ArgumentCaptor.forClass(ConfigurationDraft.class);
        verify(moderations).revise(eq(MODERATION), eq(RevisionAction.RESUBMIT), settings.capture(), eq(PARTNER_USER));
        assertThat(settings.getValue().title()).isEqualTo(NEW_TITLE);
        assertThat(settings.getValue().category()).isEqualTo("SALES");
        assertThat(settings.getValue().links()).containsExactly(ConfigurationFixtures.LINK);
        assertThat(settings.getValue().price()).isEqualByComparingTo("1500");
        assertThat(settings.getValue().entities()).as("the form's list of entities")
                .containsExactly(new ConfigurationDraft.EntityDraft("REPORT", "Продажи по менеджерам"));
        assertThat(instance).hasPassed(Elements.REVISED).isWaitingAt(Elements.REVIEW);
        assertThat(reviewTask()).hasCandidateGroup(Groups.MODERATORS);
        assertThat(instance).variables()
                .containsEntry(ROUND.name(), 2L)
                .containsEntry(TITLE.name(), NEW_TITLE)
                .containsEntry(CHANGES.name(), "Изменения с раунда 1:\n• Название: «" + ConfigurationFixtures.TITLE + "» → «" + NEW_TITLE + "»")
                .doesNotContainKeys(REVIEW_DECISION.name(), REVIEW_COMMENT.name());

        review(REVIEW_DECISION.with(ReviewDecision.APPROVE));
        execute(notificationJob());

        assertThat(configuration.getPublishedRound().getNumber()).isEqualTo(2);
        assertThat(configuration.getPublishedRound().getContent().getTitle()).isEqualTo(NEW_TITLE);
        verify(moderations, times(2)).sendNotifications(MODERATION);
        assertThat(instance).hasPassed(Elements.END_PUBLISHED).hasNotPassed(Elements.END_WITHDRAWN).isEnded();
    }

    /** Both tasks name the configuration and its round and say what is asked and what follows (issue 19). */
    @Test
    void bothTasksAreNamedAndDescribedFromTheModeration() {
        submit();
        Task review = reviewTask();
        assertThat(review.getName()).isEqualTo("Проверить конфигурацию перед публикацией «" + ConfigurationFixtures.TITLE + "», раунд 1");
        assertThat(review.getDescription()).startsWith("Партнер " + alfa.label() + " отправил конфигурацию «" + ConfigurationFixtures.TITLE
                        + "» (аккаунт «Аккаунт 10») на публикацию в каталоге «Готовые решения», раунд 1.")
                .endsWith("Срок не установлен: конфигурация ждет вашего решения, партнер может отозвать ее.");
        assertThat(review.getDueDate()).as("no timer waits on moderation").isNull();
        assertThat(taskService().getVariablesLocal(review.getId()))
                .containsEntry(TaskCard.SUBJECT.name(), "«" + ConfigurationFixtures.TITLE + "», раунд 1")
                .containsEntry(TaskCard.PARTNER.name(), alfa.label());

        review(changesRequested());
        execute(notificationJob());
        Task revise = reviseTask();
        assertThat(revise.getName()).isEqualTo("Доработать конфигурацию «" + ConfigurationFixtures.TITLE + "», раунд 1");
        assertThat(revise.getDescription()).isEqualTo("Модератор запросил доработку конфигурации «" + ConfigurationFixtures.TITLE
                + "» (раунд 1): «" + CHANGES_COMMENT + "». Доработайте настройки и отправьте конфигурацию на модерацию снова или "
                + "отзовите ее. Срок не установлен: пока вы не ответите, конфигурация не попадет в каталог.");
        assertThat(revise.getDueDate()).isNull();
    }

    @Test
    void theCreatorMayWithdrawTheConfigurationInsteadOfRevisingIt() {
        ProcessInstance instance = submit();
        review(changesRequested());
        execute(notificationJob());

        revise(REVISION_ACTION.with(RevisionAction.WITHDRAW));

        verify(moderations).revise(eq(MODERATION), eq(RevisionAction.WITHDRAW), any(), eq(PARTNER_USER));
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.WITHDRAWN);
        assertThat(instance).hasPassed(Elements.REVISED, Elements.END_WITHDRAWN)
                .hasNotPassed(Elements.WITHDRAWN_DURING_REVISION, Elements.END_PUBLISHED, Elements.END_REJECTED).isEnded();
        verify(moderations, never()).publish(anyLong());
    }

    @Test
    void aWithdrawalWhileTheModeratorReviewsEndsTheModerationAndItsTask() {
        ProcessInstance instance = submit();

        withdrawnByThePartner();

        assertThat(instance).hasPassed(Elements.WITHDRAWN_DURING_REVIEW, Elements.END_WITHDRAWN)
                .hasNotPassed(Elements.REVIEW_DECISION).isEnded();
        assertThat(taskService().createTaskQuery().count()).as("the review task is gone").isZero();
        verify(moderations, never()).recordReview(anyLong(), any(), any(), any());
        verify(moderations, never()).sendNotifications(anyLong());
    }

    @Test
    void aWithdrawalWhileWaitingForTheRevisionEndsTheModerationAndItsTask() {
        ProcessInstance instance = submit();
        review(changesRequested());
        execute(notificationJob());

        withdrawnByThePartner();

        assertThat(instance).hasPassed(Elements.WITHDRAWN_DURING_REVISION, Elements.END_WITHDRAWN)
                .hasNotPassed(Elements.REVISED).isEnded();
        assertThat(taskService().createTaskQuery().count()).as("the revision task is gone").isZero();
        verify(moderations, never()).revise(anyLong(), any(), any(), any());
    }

    @Test
    void aWithdrawalWhileTheNotificationIsPendingIsNotCorrelated() {
        ProcessInstance instance = submit();
        review(changesRequested());

        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(BUSINESS_KEY)
                .correlateWithResult()).isInstanceOf(MismatchingMessageCorrelationException.class);

        assertThat(instance).isWaitingAt(Elements.NOTIFY_CHANGES_REQUESTED);
    }

    @Test
    void aRejectedConfigurationIsNotPublishedAndThePartnerIsNotified() {
        ProcessInstance instance = submit();
        VariableMap rejection = REVIEW_DECISION.with(ReviewDecision.REJECT);
        REVIEW_COMMENT.putIn(rejection, "Дублирует решение вендора");

        review(rejection);

        verify(moderations).recordReview(MODERATION, ReviewDecision.REJECT, "Дублирует решение вендора", MODERATOR);
        assertThat(configuration.getStatus()).isEqualTo(ConfigurationStatus.REJECTED);
        assertThat(instance).isWaitingAt(Elements.NOTIFY_REJECTED);
        execute(notificationJob());
        verify(moderations).sendNotifications(MODERATION);
        verify(moderations, never()).publish(anyLong());
        assertThat(instance).hasPassed(Elements.END_REJECTED).hasNotPassed(Elements.PUBLISH, Elements.REVISE).isEnded();
    }

    @Test
    void changesWithoutACommentAreRefusedAndTheReviewTaskStays() {
        ProcessInstance instance = submit();
        String reviewTaskId = reviewTask().getId();

        assertThatThrownBy(() -> review(REVIEW_DECISION.with(ReviewDecision.REQUEST_CHANGES)))
                .hasRootCauseInstanceOf(BusinessRuleViolation.class)
                .hasRootCauseMessage("Напишите партнеру, что нужно доработать в конфигурации.");

        assertThat(instance).isWaitingAt(Elements.REVIEW);
        assertThat(reviewTask().getId()).isEqualTo(reviewTaskId);
        assertThat(moderation.currentRound().isDecided()).isFalse();
    }

    @Test
    void aRefusedSubmissionLeavesNoInstanceBehind() {
        configuration = configuration(CONFIGURATION, configuration.getAccount(), alfa, emptyDraft().title("Склад").content());

        assertThatThrownBy(this::submit).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Конфигурацию «Склад» нельзя отправить на модерацию. Не заполнено: хотя бы одна сущность");

        assertNoInstanceLeft();
        verify(access, never()).grantRead(any(), any());
    }

    @Test
    void aSubmissionWithoutALoggedInUserIsRefused() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, CONFIGURATION_ID.with(CONFIGURATION)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("только вошедший в систему сотрудник партнера");

        assertNoInstanceLeft();
        verify(moderations, never()).submit(any(), any());
    }

    @Test
    void aFailingNotificationIsRetriedAndThenBecomesAnIncident() {
        ProcessInstance instance = submit();
        doThrow(new IllegalStateException("SMTP down")).when(moderations).sendNotifications(MODERATION);
        review(REVIEW_DECISION.with(ReviewDecision.APPROVE));

        for (int attempt = 0; attempt < MAIL_ATTEMPTS; attempt++) {
            Job job = notificationJob();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP down");
        }

        verify(moderations, times(MAIL_ATTEMPTS)).sendNotifications(MODERATION);
        assertThat(notificationJob().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(instance).isWaitingAt(Elements.NOTIFY_PUBLISHED);
        assertThat(configuration.getStatus()).as("the publication stays").isEqualTo(ConfigurationStatus.PUBLISHED);
    }

    @Test
    void theTasksUseTheCamundaFormsOfTheDeployment() throws IOException {
        submit();
        assertThat(deployedForm(reviewTask())).contains("\"id\": \"configuration-review\"",
                key(REVIEW_DECISION.name()), key(REVIEW_COMMENT.name()), key(CHANGES.name()), key(TITLE.name()));

        review(changesRequested());
        execute(notificationJob());

        assertThat(deployedForm(reviseTask())).contains("\"id\": \"configuration-revise\"", key(REVISION_ACTION.name()),
                key(MODERATOR_COMMENT.name()), key(TITLE.name()), key(PRICE.name()), key(FREE.name()), key(LINKS.name()));
    }

    /** The service's steps as {@link ModerationService} takes them, on the real aggregate. */
    private void serviceActsOnTheDomain() {
        when(moderations.submit(CONFIGURATION, PARTNER_USER)).thenAnswer(call -> {
            Moderation opened = Moderation.open(configuration, PARTNER_USER, NOW);
            setField(opened, "id", MODERATION);
            moderation = opened;
            return opened;
        });
        when(moderations.byId(MODERATION)).thenAnswer(call -> moderation);
        when(moderations.recordReview(eq(MODERATION), any(), any(), any())).thenAnswer(call -> {
            moderation.decide(call.getArgument(1), call.getArgument(2), call.getArgument(3), NOW);
            return moderation;
        });
        when(moderations.publish(MODERATION)).thenAnswer(call -> {
            moderation.publish(NOW);
            return moderation;
        });
        when(moderations.revise(eq(MODERATION), any(), any(), any())).thenAnswer(call -> {
            if (call.getArgument(1) == RevisionAction.WITHDRAW) {
                moderation.withdraw(NOW);
            } else {
                configuration.edit(ConfigurationContent.of(keepingEntities(call.getArgument(2))), call.getArgument(3), NOW);
                moderation.resubmit(call.getArgument(3), NOW);
            }
            return moderation;
        });
    }

    /** The revision form has no entities; the configuration keeps its own. */
    private ConfigurationDraft keepingEntities(ConfigurationDraft settings) {
        return new ConfigurationDraft(settings.title(), settings.shortDescription(), settings.fullDescription(), settings.category(),
                settings.industry(), settings.links(), settings.free(), settings.price(), settings.supportContact(),
                completeDraft().draft().entities());
    }

    /** As {@code ModerationCommands.withdraw}: the domain records the withdrawal, then the process is told. */
    private void withdrawnByThePartner() {
        moderation.withdraw(NOW);
        runtimeService().createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(BUSINESS_KEY).correlateWithResult();
    }

    private ProcessInstance submit() {
        return as(PARTNER_USER, () -> runtimeService().startProcessInstanceByKey(KEY, CONFIGURATION_ID.with(CONFIGURATION)));
    }

    private void review(VariableMap answer) {
        Task task = reviewTask();
        as(MODERATOR, () -> {
            complete(task, answer);
            return null;
        });
    }

    private void revise(VariableMap answer) {
        Task task = reviseTask();
        as(PARTNER_USER, () -> {
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

    private static VariableMap changesRequested() {
        VariableMap changes = REVIEW_DECISION.with(ReviewDecision.REQUEST_CHANGES);
        REVIEW_COMMENT.putIn(changes, CHANGES_COMMENT);
        return changes;
    }

    private static void assertNoInstanceLeft() {
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(taskService().createTaskQuery().count()).isZero();
    }

    private static Task reviewTask() {
        return taskService().createTaskQuery().taskDefinitionKey(Elements.REVIEW).singleResult();
    }

    private static Task reviseTask() {
        return taskService().createTaskQuery().taskDefinitionKey(Elements.REVISE).singleResult();
    }

    private static Job notificationJob() {
        return managementService().createJobQuery().messages().singleResult();
    }

    private static String deployedForm(Task task) throws IOException {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String key(String variable) {
        return "\"key\": \"" + variable + "\"";
    }
}
