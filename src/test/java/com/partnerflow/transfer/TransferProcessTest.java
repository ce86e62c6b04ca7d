package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.partnerflow.ProcessTest;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskCard;
import com.partnerflow.transfer.TransferEvent.Step;

/**
 * Every path of {@code subscriber-transfer} on an in-memory engine, the real BPMN and forms, the
 * delegates replaced by mocks: the model's routing, timers, async steps and incidents, and what each task
 * says (the real {@link TransferTasks} on a stand-in request).
 */
@Deployment(resources = {"processes/subscriber-transfer.bpmn", "forms/transfer-review-letter.form",
        "forms/transfer-partner-agreement.form", "forms/transfer-vendor-decision.form"})
class TransferProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    static final long TRANSFER = 42L;
    static final String SUBMITTER = "boris";

    final TaskListener letterReviewed = mock(TaskListener.class);
    final TaskListener requestCorrected = mock(TaskListener.class);
    final TaskListener partnerAnswered = mock(TaskListener.class);
    final TaskListener vendorDecided = mock(TaskListener.class);
    final JavaDelegate partnerSilence = mock(JavaDelegate.class);
    final JavaDelegate transferSubscriber = mock(JavaDelegate.class);
    final JavaDelegate rejectTransfer = mock(JavaDelegate.class);
    final JavaDelegate closeUncorrected = mock(JavaDelegate.class);
    final JavaDelegate sendNotifications = mock(JavaDelegate.class);
    final TaskListener waitingMail = mock(TaskListener.class);
    final JavaDelegate reminder = mock(JavaDelegate.class);
    /** The steps the reminder delegate ran in, as it saw them. */
    final java.util.List<String> reminded = new java.util.ArrayList<>();

    /** Stands in for the real listener: accepts the request as the domain would. */
    final ExecutionListener acceptTransfer = execution -> {
        execution.setProcessBusinessKey(String.valueOf(TRANSFER));
        TRANSFER_ID.on(execution, TRANSFER);
    };

    /** What the domain recorded of each decision: the complete listeners' stand-ins write it, the routing reads it. */
    final Map<String, String> recorded = new HashMap<>();

    /** The request of the business key, as the task texts read it: its last step and comment follow the decisions. */
    final Partner alfa = new Partner("ALFA", "Альфа-Софт", false, BigDecimal.TEN, "alfa@partners.test");
    final Partner beta = new Partner("BETA", "Бета Консалт", false, BigDecimal.TEN, "beta@partners.test");
    final TransferRequest transfer = mock(TransferRequest.class);
    Step lastStep = Step.SUBMITTED;
    String lastComment;

    /** Stands in for {@link TransferRouting}: what the domain would answer for transfer 42. */
    public class Routing {

        public String letterDecision(DelegateExecution execution) {
            return recorded.get(LETTER_DECISION.name());
        }

        public String partnerAnswer(DelegateExecution execution) {
            return recorded.get(PARTNER_ANSWER.name());
        }

        public String correctionOutcome(DelegateExecution execution) {
            String action = recorded.get(CORRECTION_ACTION.name());
            return action == null ? CorrectionAction.RESUBMIT.name() : action;
        }

        public String vendorDecision(DelegateExecution execution) {
            return recorded.get(VENDOR_DECISION.name());
        }

        public String currentPartnerGroup(DelegateExecution execution) {
            assertThat(TransferProcess.transferId(execution)).isEqualTo(TRANSFER);
            return "partner-ALFA";
        }

        public String newPartnerGroup(DelegateExecution execution) {
            return "partner-BETA";
        }

        public String submitter(DelegateExecution execution) {
            return SUBMITTER;
        }

        public String partnerAnswerTimeout() {
            return "P5D";
        }

        public String correctionTimeout() {
            return "10 working days";
        }

        /** A day before the agreement's 5 days, as the real routing reckons it in working days. */
        public Date partnerAnswerReminder(DelegateExecution execution) {
            return new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(4).toMillis());
        }

        public Date correctionReminder(DelegateExecution execution) {
            return new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(9).toMillis());
        }
    }

    @BeforeEach
    void registerDelegates() throws Exception {
        Subscriber subscriber = new Subscriber("1001", "ООО «Ромашка»", "7707083893", SubscriberStatus.ACTIVE, alfa,
                Instant.parse("2024-01-01T00:00:00Z"));
        when(transfer.getSubscriber()).thenReturn(subscriber);
        when(transfer.getFromPartner()).thenReturn(alfa);
        when(transfer.getToPartner()).thenReturn(beta);
        when(transfer.getLetterDate()).thenReturn(LocalDate.of(2026, 12, 1));
        when(transfer.getReason()).thenReturn("Переходим к партнеру, который ведет нашу бухгалтерию");
        when(transfer.lastStep()).thenAnswer(call -> lastStep);
        when(transfer.getHistory()).thenAnswer(call -> List.of(new TransferEvent(lastStep, lastComment, "someone", Instant.now())));
        TransferService transfers = mock(TransferService.class);
        when(transfers.byId(TRANSFER)).thenReturn(transfer);
        describeTasksWith(new TransferTasks(transfers, new TransferSettings(Period.ofDays(30), Duration.ofDays(5), "10 working days"),
                DEADLINES));
        Mocks.register("acceptTransferListener", acceptTransfer);
        Routing routing = new Routing();
        Mocks.register("transferRouting", routing);
        clearDecisionsOf(TransferProcess.KEY, TransferProcess::decisionOf);
        recordsTheDecision(letterReviewed, LETTER_DECISION);
        recordsTheDecision(partnerAnswered, PARTNER_ANSWER);
        recordsTheDecision(vendorDecided, VENDOR_DECISION);
        recordsTheDecision(requestCorrected, CORRECTION_ACTION);
        Mocks.register("transferCardListener", mock(TaskListener.class));
        Mocks.register("letterReviewedListener", letterReviewed);
        Mocks.register("requestCorrectedListener", requestCorrected);
        Mocks.register("partnerAnsweredListener", partnerAnswered);
        Mocks.register("vendorDecidedListener", vendorDecided);
        Mocks.register("partnerSilenceDelegate", partnerSilence);
        Mocks.register("transferSubscriberDelegate", transferSubscriber);
        Mocks.register("rejectTransferDelegate", rejectTransfer);
        Mocks.register("closeUncorrectedTransferDelegate", closeUncorrected);
        Mocks.register("sendTransferNotificationsDelegate", sendNotifications);
        doAnswer(call -> {
            lastStep = Step.PARTNER_SILENT;
            lastComment = null;
            return null;
        }).when(partnerSilence).execute(any());
        Mocks.register("transferWaitingMailListener", waitingMail);
        doAnswer(call -> reminded.add(call.<DelegateExecution>getArgument(0).getCurrentActivityId())).when(reminder).execute(any());
        Mocks.register("transferReminderDelegate", reminder);
    }

    /** The decision of the task, as its real complete listener records it in the domain; the mock still counts calls. */
    private void recordsTheDecision(TaskListener listener, ProcessVariable<? extends Enum<?>> decision) {
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            recorded.put(decision.name(), decision.optionalFrom(task).map(Enum::name).orElse(null));
            recordStep(task);
            return null;
        }).when(listener).notify(any());
    }

    /** The request's last step and comment after a decision, as the real complete listeners leave them. */
    private void recordStep(DelegateTask task) {
        if (LETTER_DECISION.optionalFrom(task).orElse(null) == LetterDecision.RETURN) {
            lastStep = Step.LETTER_RETURNED;
            lastComment = LETTER_COMMENT.optionalFrom(task).orElse(null);
        } else if (PARTNER_ANSWER.optionalFrom(task).orElse(null) == PartnerAnswer.OBJECT) {
            lastStep = Step.PARTNER_OBJECTED;
            lastComment = PARTNER_COMMENT.optionalFrom(task).orElse(null);
        }
    }

    @Test
    void forwardedLetterAndAgreeingPartnerTransferTheSubscriber() throws Exception {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(Elements.REVIEW_LETTER);
        assertThat(task()).hasCandidateGroup("vendor-staff");

        complete(task(), LETTER_DECISION.with(LetterDecision.FORWARD));
        assertThat(instance).isWaitingAt(Elements.PARTNER_AGREEMENT);
        assertThat(task()).hasCandidateGroup("partner-ALFA");

        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.AGREE));
        verify(transferSubscriber).execute(any());
        assertThat(instance).isWaitingAt(Elements.NOTIFY_TRANSFERRED);
        verify(sendNotifications, never()).execute(any());

        execute(job());
        assertThat(instance).hasPassedInOrder(Elements.REVIEW_LETTER, Elements.PARTNER_AGREEMENT,
                Elements.TRANSFER_SUBSCRIBER, Elements.NOTIFY_TRANSFERRED, Elements.END_TRANSFERRED).isEnded();
        assertThat(instance).hasNotPassed(Elements.VENDOR_DECISION, Elements.REJECT_TRANSFER);
        verify(letterReviewed).notify(any());
        verify(partnerAnswered).notify(any());
        verify(sendNotifications).execute(any());
    }

    /** Monday 07.12.2026 09:00 in Moscow: 5 calendar days end on Saturday, 10 working days on Monday 21.12. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T06:00:00Z");

    /** Every task names the subscriber and says what is asked, by when and what happens if nobody acts (issue 19). */
    @Test
    void everyTaskIsNamedAndDescribedFromTheRequestWithItsDeadline() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
        ProcessInstance instance = start();

        Task review = task();
        assertThat(review.getName()).isEqualTo("Проверить письмо клиента 1001 «ООО «Ромашка»»");
        assertThat(review.getDescription()).startsWith("Партнер «Бета Консалт» (BETA) просит перевести к себе абонента 1001 "
                        + "«ООО «Ромашка»», которого обслуживает «Альфа-Софт» (ALFA), по письму клиента от 01.12.2026.")
                .contains("на ответ у него будет 5 календарных дней", "у него будет 10 рабочих дней")
                .endsWith("Срок не установлен: запрос ждет вашего решения.");
        assertThat(review.getDueDate()).as("no timer waits on the letter check").isNull();
        assertThat(taskService().getVariablesLocal(review.getId())).containsEntry(TaskCard.SUBSCRIBER.name(), "1001 «ООО «Ромашка»»")
                .containsEntry(TaskCard.PARTNER.name(), "«Бета Консалт» (BETA)");

        complete(review, LETTER_DECISION.with(LetterDecision.RETURN).putValue(LETTER_COMMENT.name(), "Приложите письмо с подписью"));
        Task correction = task();
        assertThat(correction.getName()).isEqualTo("Исправить запрос на перевод абонента 1001 «ООО «Ромашка»»");
        assertThat(correction.getDueDate()).as("the deadline of the correction's timer")
                .isEqualTo(timer(Elements.CORRECTION_OVERDUE).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-21T06:00:00Z")));
        assertThat(correction.getDescription()).isEqualTo("Сотрудники фирмы вернули запрос на перевод абонента 1001 «ООО «Ромашка»» "
                + "на исправление: «Приложите письмо с подписью». Исправьте запрос и приложите письмо заново или отзовите запрос до "
                + "21.12.2026 09:00 (мск). Если исправление не поступит за 10 рабочих дней, запрос закроется как просроченный, "
                + "а абонент останется у текущего партнера.");

        complete(correction, REASON.with("Исправленная причина"));
        complete(task(), LETTER_DECISION.with(LetterDecision.FORWARD));
        Task agreement = task();
        assertThat(agreement.getName()).isEqualTo("Согласовать перевод абонента 1001 «ООО «Ромашка»»");
        assertThat(agreement.getDueDate()).as("the deadline of the silence timer")
                .isEqualTo(timer(Elements.PARTNER_ANSWER_OVERDUE).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-12T06:00:00Z")));
        assertThat(agreement.getDescription()).isEqualTo("Партнер «Бета Консалт» (BETA) просит перевести к себе вашего абонента 1001 "
                + "«ООО «Ромашка»» по письму клиента от 01.12.2026. Причина: «Переходим к партнеру, который ведет нашу бухгалтерию». "
                + "Согласуйте перевод или возразите до 12.12.2026 09:00 (мск). Если вы не ответите за 5 календарных дней, решение "
                + "о переводе примут сотрудники фирмы без вашего ответа.");

        complete(agreement, PARTNER_ANSWER.with(PartnerAnswer.OBJECT).putValue(PARTNER_COMMENT.name(), "Клиент не оплатил услуги"));
        Task decision = task();
        assertThat(decision.getName()).isEqualTo("Принять решение по переводу абонента 1001 «ООО «Ромашка»»");
        assertThat(decision.getDescription()).startsWith("Текущий партнер «Альфа-Софт» (ALFA) возражает против перевода: «Клиент не "
                + "оплатил услуги». Партнер «Бета Консалт» (BETA) просит перевести к себе абонента 1001 «ООО «Ромашка»».")
                .endsWith("Срок не установлен: запрос ждет вашего решения.");
        assertThat(decision.getDueDate()).isNull();
        assertThat(instance).isWaitingAt(Elements.VENDOR_DECISION);
    }

    @Test
    void returnedRequestGoesBackToTheSubmitterAndThenToReviewAgain() {
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.RETURN));

        assertThat(instance).isWaitingAt(Elements.CORRECT_REQUEST);
        assertThat(task()).isAssignedTo(SUBMITTER);
        assertThat(taskService().createTaskQuery().taskCandidateGroup("partner-BETA").includeAssignedTasks().count())
                .as("colleagues of the submitter can take the correction over").isEqualTo(1);

        complete(task(), REASON.with("Исправленная причина"));
        verify(requestCorrected).notify(any());
        assertThat(instance).isWaitingAt(Elements.REVIEW_LETTER);

        complete(task(), LETTER_DECISION.with(LetterDecision.FORWARD));
        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.AGREE));
        execute(job());
        assertThat(instance).hasPassed(Elements.CORRECT_REQUEST, Elements.END_TRANSFERRED).isEnded();
    }

    @Test
    void aReturnedRequestComesBackForReviewWithoutTheOldDecision() {
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.RETURN));
        complete(task(), LETTER_DECISION.with(LetterDecision.FORWARD));

        assertThat(instance).isWaitingAt(Elements.REVIEW_LETTER);
        assertThat(runtimeService().getVariable(instance.getId(), LETTER_DECISION.name()))
                .as("a decision pre-set by the submitter is cleared when the review task is created").isNull();
        assertThatThrownBy(() -> taskService().complete(task().getId()))
                .as("completing without a decision cannot repeat the last one").isInstanceOf(RuntimeException.class);
    }

    /** An abandoned correction must not hold the subscriber for good (issue 20): it closes after its deadline. */
    @Test
    void aRequestNotCorrectedInTimeIsClosedAndTheSubmitterTold() throws Exception {
        // the task's due date and the timer each read the clock: held still, they must name the same instant
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.RETURN));
        Job deadline = timer(Elements.CORRECTION_OVERDUE);
        assertThat(deadline).as("the correction's deadline runs").isNotNull();
        assertThat(task().getDueDate()).as("the correction shows the timer's deadline").isEqualTo(deadline.getDuedate());

        execute(deadline);

        verify(closeUncorrected).execute(any());
        assertThat(instance).isWaitingAt(Elements.NOTIFY_UNCORRECTED);
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).as("the correction task is gone").isZero();
        execute(job());
        assertThat(instance).hasPassed(Elements.CORRECTION_OVERDUE, Elements.CLOSE_UNCORRECTED, Elements.END_EXPIRED)
                .hasNotPassed(Elements.REJECT_TRANSFER).isEnded();
        verify(sendNotifications).execute(any());
    }

    @Test
    void theSubmitterWithdrawsFromTheCorrectionForm() {
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.RETURN));

        complete(task(), CORRECTION_ACTION.with(CorrectionAction.WITHDRAW));

        assertThat(instance).hasPassed(Elements.CORRECTED, Elements.END_WITHDRAWN_ON_CORRECTION)
                .hasNotPassed(Elements.NOTIFY_WITHDRAWN).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).as("the deadline is gone").isZero();
    }

    /** The withdrawal message (sent by the system once the domain agreed) ends whatever waits, timers included. */
    @ParameterizedTest
    @ValueSource(strings = {Elements.REVIEW_LETTER, Elements.CORRECT_REQUEST, Elements.PARTNER_AGREEMENT, Elements.VENDOR_DECISION})
    void theSubmitterWithdrawsWhileTheRequestWaitsForAnyone(String waitingAt) throws Exception {
        ProcessInstance instance = start();
        if (!waitingAt.equals(Elements.REVIEW_LETTER)) {
            complete(task(), LETTER_DECISION.with(waitingAt.equals(Elements.CORRECT_REQUEST) ? LetterDecision.RETURN : LetterDecision.FORWARD));
        }
        if (waitingAt.equals(Elements.VENDOR_DECISION)) {
            complete(task(), PARTNER_ANSWER.with(PartnerAnswer.OBJECT));
        }
        assertThat(instance).isWaitingAt(waitingAt);

        runtimeService().createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(String.valueOf(TRANSFER)).correlate();

        assertThat(instance).isWaitingAt(Elements.NOTIFY_WITHDRAWN);
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).as("no timer left").isZero();
        execute(job());
        assertThat(instance).hasPassed(Elements.END_WITHDRAWN).hasNotPassed(Elements.TRANSFER_SUBSCRIBER, Elements.REJECT_TRANSFER).isEnded();
        verify(sendNotifications).execute(any());
    }

    @Test
    void rejectedLetterClosesTheRequestAndNotifiesTheSubmitter() throws Exception {
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.REJECT));

        verify(rejectTransfer).execute(any());
        assertThat(instance).isWaitingAt(Elements.NOTIFY_REJECTED);
        execute(job());
        assertThat(instance).hasPassed(Elements.REJECT_TRANSFER, Elements.END_REJECTED)
                .hasNotPassed(Elements.PARTNER_AGREEMENT, Elements.TRANSFER_SUBSCRIBER).isEnded();
        verify(transferSubscriber, never()).execute(any());
    }

    @Test
    void objectionLetsVendorStaffApprove() throws Exception {
        ProcessInstance instance = forwardedToCurrentPartner();
        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.OBJECT));

        assertThat(instance).isWaitingAt(Elements.VENDOR_DECISION);
        assertThat(task()).hasCandidateGroup("vendor-staff");
        complete(task(), VENDOR_DECISION.with(VendorDecision.APPROVE));

        verify(vendorDecided).notify(any());
        verify(transferSubscriber).execute(any());
        execute(job());
        assertThat(instance).hasPassed(Elements.VENDOR_DECISION, Elements.END_TRANSFERRED).isEnded();
    }

    @Test
    void objectionLetsVendorStaffReject() throws Exception {
        ProcessInstance instance = forwardedToCurrentPartner();
        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.OBJECT));
        complete(task(), VENDOR_DECISION.with(VendorDecision.REJECT));

        verify(rejectTransfer).execute(any());
        execute(job());
        assertThat(instance).hasPassed(Elements.VENDOR_DECISION, Elements.END_REJECTED)
                .hasNotPassed(Elements.TRANSFER_SUBSCRIBER).isEnded();
    }

    @Test
    void silentPartnerHandsTheDecisionToVendorStaffAfterTheConfiguredTime() throws Exception {
        Date submitted = new Date();
        ClockUtil.setCurrentTime(submitted);
        ProcessInstance instance = forwardedToCurrentPartner();

        Job timer = timer(Elements.PARTNER_ANSWER_OVERDUE);
        assertThat(timer.getDuedate()).isCloseTo(new Date(submitted.getTime() + Duration.ofDays(5).toMillis()), 1000);
        assertThat(task().getDueDate()).as("the agreement shows the timer's deadline").isEqualTo(timer.getDuedate());

        execute(timer);
        verify(partnerSilence).execute(any());
        verify(partnerAnswered, never()).notify(any());
        assertThat(instance).hasPassed(Elements.PARTNER_ANSWER_OVERDUE, Elements.RECORD_PARTNER_SILENCE)
                .isWaitingAt(Elements.VENDOR_DECISION);
        assertThat(task().getDescription()).as("vendor staff learn why the decision is theirs")
                .startsWith("Текущий партнер «Альфа-Софт» (ALFA) не ответил на запрос о согласовании за 5 календарных дней.");

        complete(task(), VENDOR_DECISION.with(VendorDecision.APPROVE));
        execute(job());
        assertThat(instance).hasPassed(Elements.END_TRANSFERRED).isEnded();
    }

    @Test
    void failingMailBecomesAnIncidentAfterTheRetriesAndTheRequestWaits() throws Exception {
        doThrow(new IllegalStateException("SMTP server down")).when(sendNotifications).execute(any());
        ProcessInstance instance = forwardedToCurrentPartner();
        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.AGREE));

        Job mail = job();
        for (int attempt = 1; attempt <= MAIL_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(mail.getId())).hasMessageContaining("SMTP server down");
        }

        assertThat(managementService().createJobQuery().jobId(mail.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(instance).isWaitingAt(Elements.NOTIFY_TRANSFERRED);
        verify(sendNotifications, times(MAIL_ATTEMPTS)).execute(any());
    }

    @Test
    void aRejectedSubmissionLeavesNoInstanceBehind() {
        Mocks.register("acceptTransferListener", (ExecutionListener) execution -> {
            throw BusinessRuleViolation.invalid("Абонент с номером 999 не найден.");
        });

        assertThatThrownBy(this::start).hasMessageContaining("не найден");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aDecisionRefusedByTheDomainKeepsTheTaskOpen() throws Exception {
        ProcessInstance instance = start();
        doThrow(BusinessRuleViolation.invalid("Укажите причину отклонения.")).when(letterReviewed).notify(any());

        assertThatThrownBy(() -> complete(task(), LETTER_DECISION.with(LetterDecision.REJECT)))
                .hasMessageContaining("Укажите причину");
        assertThat(instance).isWaitingAt(Elements.REVIEW_LETTER);
        verify(rejectTransfer, never()).execute(any());
    }

    /** The partners' tasks mail their people when created; vendor staff's tasks do not. */
    @Test
    void thePartnersTasksMailTheirPeopleWhenCreated() {
        start();
        complete(task(), LETTER_DECISION.with(LetterDecision.RETURN));
        verify(waitingMail).notify(org.mockito.ArgumentMatchers.argThat(task -> task.getTaskDefinitionKey().equals(Elements.CORRECT_REQUEST)));
        complete(task(), REASON.with("Исправленная причина"));
        complete(task(), LETTER_DECISION.with(LetterDecision.FORWARD));
        verify(waitingMail).notify(org.mockito.ArgumentMatchers.argThat(task -> task.getTaskDefinitionKey().equals(Elements.PARTNER_AGREEMENT)));
        verify(waitingMail, times(2)).notify(any());
    }

    /** A day before the silence timer the current partner is reminded; the task stays, and its answer still counts. */
    @Test
    void theCurrentPartnerIsRemindedBeforeItsSayPassesAndMayStillAnswer() throws Exception {
        Date forwarded = new Date();
        ClockUtil.setCurrentTime(forwarded);
        ProcessInstance instance = forwardedToCurrentPartner();
        Job reminderTimer = managementService().createJobQuery().timers().activityId(Elements.PARTNER_ANSWER_REMINDER).singleResult();
        Job overdue = managementService().createJobQuery().timers().activityId(Elements.PARTNER_ANSWER_OVERDUE).singleResult();
        assertThat(reminderTimer.getDuedate()).isCloseTo(new Date(forwarded.getTime() + Duration.ofDays(4).toMillis()), 1000)
                .isBefore(overdue.getDuedate());

        execute(reminderTimer);
        assertThat(instance).isWaitingAt(Elements.PARTNER_AGREEMENT, Elements.REMIND_PARTNER);
        verify(reminder, never()).execute(any());
        execute(managementService().createJobQuery().activityId(Elements.REMIND_PARTNER).singleResult());
        assertThat(reminded).containsExactly(Elements.REMIND_PARTNER);
        assertThat(instance).hasPassed(Elements.END_PARTNER_REMINDED).isWaitingAt(Elements.PARTNER_AGREEMENT);

        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.AGREE));
        execute(job());
        assertThat(instance).hasPassed(Elements.END_TRANSFERRED).hasNotPassed(Elements.RECORD_PARTNER_SILENCE).isEnded();
    }

    /** Reminded and still silent: vendor staff decide, as without a reminder. */
    @Test
    void aRemindedPartnerThatStaysSilentLeavesTheDecisionToVendorStaff() throws Exception {
        ProcessInstance instance = forwardedToCurrentPartner();
        execute(managementService().createJobQuery().timers().activityId(Elements.PARTNER_ANSWER_REMINDER).singleResult());
        execute(managementService().createJobQuery().activityId(Elements.REMIND_PARTNER).singleResult());

        execute(managementService().createJobQuery().timers().activityId(Elements.PARTNER_ANSWER_OVERDUE).singleResult());

        verify(reminder).execute(any());
        verify(partnerSilence).execute(any());
        assertThat(instance).hasPassed(Elements.END_PARTNER_REMINDED, Elements.RECORD_PARTNER_SILENCE).isWaitingAt(Elements.VENDOR_DECISION);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).as("no reminder left").isZero();
    }

    /** An answer before the reminder's date takes the reminder with the task. */
    @Test
    void anAnswerBeforeTheReminderLeavesNoReminder() throws Exception {
        ProcessInstance instance = forwardedToCurrentPartner();
        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.OBJECT));

        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
        assertThat(instance).isWaitingAt(Elements.VENDOR_DECISION).hasNotPassed(Elements.REMIND_PARTNER);
    }

    /** The submitter is reminded before its correction's deadline; then the deadline still closes the request. */
    @Test
    void theSubmitterIsRemindedBeforeTheCorrectionsDeadline() throws Exception {
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.RETURN));
        Job reminderTimer = managementService().createJobQuery().timers().activityId(Elements.CORRECTION_REMINDER).singleResult();
        Job deadline = managementService().createJobQuery().timers().activityId(Elements.CORRECTION_OVERDUE).singleResult();
        assertThat(reminderTimer.getDuedate()).isBefore(deadline.getDuedate());

        execute(reminderTimer);
        execute(managementService().createJobQuery().activityId(Elements.REMIND_CORRECTION).singleResult());
        assertThat(reminded).containsExactly(Elements.REMIND_CORRECTION);
        assertThat(instance).hasPassed(Elements.END_CORRECTION_REMINDED).isWaitingAt(Elements.CORRECT_REQUEST);
        assertThat(task()).isAssignedTo(SUBMITTER);

        execute(managementService().createJobQuery().timers().activityId(Elements.CORRECTION_OVERDUE).singleResult());
        execute(job());
        assertThat(instance).hasPassed(Elements.CLOSE_UNCORRECTED, Elements.END_EXPIRED).isEnded();
    }

    /** Reminded, the submitter corrects in time: the request goes back to review. */
    @Test
    void aRemindedSubmitterCorrectsInTime() throws Exception {
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.RETURN));
        execute(managementService().createJobQuery().timers().activityId(Elements.CORRECTION_REMINDER).singleResult());
        execute(managementService().createJobQuery().activityId(Elements.REMIND_CORRECTION).singleResult());

        complete(task(), REASON.with("Исправленная причина"));

        assertThat(instance).hasPassed(Elements.END_CORRECTION_REMINDED).isWaitingAt(Elements.REVIEW_LETTER);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    /**
     * A reminder that cannot be written is retried like a mail step and then becomes an incident; the task keeps
     * waiting and its answer still decides.
     */
    @Test
    void aFailingReminderBecomesAnIncidentWithoutHoldingTheTask() throws Exception {
        doThrow(new IllegalStateException("database down")).when(reminder).execute(any());
        ProcessInstance instance = forwardedToCurrentPartner();
        execute(managementService().createJobQuery().timers().activityId(Elements.PARTNER_ANSWER_REMINDER).singleResult());
        Job remind = managementService().createJobQuery().activityId(Elements.REMIND_PARTNER).singleResult();
        for (int attempt = 1; attempt <= MAIL_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(remind.getId())).hasMessageContaining("database down");
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);

        complete(task(), PARTNER_ANSWER.with(PartnerAnswer.AGREE));
        execute(managementService().createJobQuery().activityId(Elements.NOTIFY_TRANSFERRED).singleResult());
        assertThat(instance).hasPassed(Elements.END_TRANSFERRED).isWaitingAt(Elements.REMIND_PARTNER);
    }

    /** A reminder waiting for its step when the request is withdrawn goes with everything else. */
    @Test
    void aWithdrawalTakesAPendingReminderWithIt() throws Exception {
        ProcessInstance instance = forwardedToCurrentPartner();
        execute(managementService().createJobQuery().timers().activityId(Elements.PARTNER_ANSWER_REMINDER).singleResult());

        runtimeService().createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(String.valueOf(TRANSFER)).correlate();

        assertThat(managementService().createJobQuery().activityId(Elements.REMIND_PARTNER).count()).isZero();
        execute(job());
        assertThat(instance).hasPassed(Elements.END_WITHDRAWN).isEnded();
        verify(reminder, never()).execute(any());
    }

    private static Job timer(String boundaryEvent) {
        return managementService().createJobQuery().timers().activityId(boundaryEvent).singleResult();
    }

    private ProcessInstance forwardedToCurrentPartner() {
        ProcessInstance instance = start();
        complete(task(), LETTER_DECISION.with(LetterDecision.FORWARD));
        assertThat(instance).isWaitingAt(Elements.PARTNER_AGREEMENT);
        return instance;
    }

    private ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY);
        assertThat(instance).isStarted().hasBusinessKey(String.valueOf(TRANSFER));
        return instance;
    }
}
