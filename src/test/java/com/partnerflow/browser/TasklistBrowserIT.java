package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.Subscribers;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess.Elements;
import com.partnerflow.transfer.TransferProcess;

/**
 * The forms of the subscriber transfer as people use them in Camunda Tasklist, in a real headless Chromium, one test
 * per form, each named after it: its real user opens it (a fresh browser session each), fills it, sends it, and the
 * outcome is checked in the domain and in the engine's history, not on the screen. The steps before a form are taken
 * through the API, as a partner's CRM and Tasklist would. The start form also shows what Tasklist around it says: no
 * "migrate to Camunda 8" banner, no «Create task».
 */
class TasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Перевод абонента к другому партнеру";
    private static final String REVIEW_LETTER = "Проверить письмо клиента";
    private static final String CORRECT_REQUEST = "Исправить запрос на перевод";
    private static final String PARTNER_AGREEMENT = "Согласовать перевод абонента";
    private static final String VENDOR_DECISION = "Принять решение по переводу";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final String PARTNER_TASKS = "Задачи партнера";
    private static final String VENDOR_STAFF_USER = "vera";
    private static final By START_FORM = By.cssSelector("form[name='transferSubmitForm']");
    private static final By CORRECT_FORM = By.cssSelector("form[name='transferCorrectForm']");
    /** The start form's line that confirms it has read the chosen file. */
    private static final By LETTER_ATTACHED = By.cssSelector("form[name='transferSubmitForm'] .letter-attached");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * Labels of Camunda's en.json that the login page, the task list, a task with its tabs and the start dialog show
     * when they speak English; none may show (as whole words, case-sensitive).
     */
    private static final List<String> ENGLISH_LABELS = List.of("Log in", "Username", "Password", "Tasklist",
            "Start process", "Keyboard Shortcuts", "Create task", "Sort by", "Created", "Filter Tasks",
            "Select a task in the list", "No task matching filters found", "Claim", "Unclaim", "Set follow-up date",
            "Set due date", "Add Comment", "Form", "History", "Diagram", "Description", "Due", "ago", "Save", "Complete",
            "Click on the process to start", "Search by process name", "Back", "Start", "Close", "Powered by",
            "Date and Time displayed in local timezone", "There is no history for the task", "Loading diagram",
            "Note there is no description of the task", "My profile", "Log out");

    /** A label key of en.json, such as CLAIM_TASK or PAGE_LOGIN_USERNAME. */
    private static final Pattern LABEL_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");

    /** The smallest PDF a viewer opens; the server only checks that it starts with {@code %PDF-}. */
    private static final byte[] LETTER_PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path tempDir;

    @LocalServerPort
    int port;

    @Autowired
    TestData testData;
    @Autowired
    Subscribers subscribers;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Clock clock;

    @Test
    void transferSubmitFormStartsTheTransferAndNamesTheRequestCreated() throws IOException {
        Partner currentPartner = testData.partner();
        Partner newPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        String submitter = testData.partnerUser(newPartner);

        // the new partner's employee starts the transfer with the client's letter
        Tasklist tasklist = Tasklist.logInAs(browser, port, submitter);
        assertThat(tasklist.showsEndOfLifeBanner()).as("no \"migrate to Camunda 8\" banner for a partner").isFalse();
        assertThat(tasklist.showsCreateTask()).as("no «Create task» that ends in a permission error").isFalse();
        tasklist.openStartForm(PROCESS, START_FORM);
        fillStartForm(tasklist, subscriber.getNumber(), subscriber.getName(), newPartner);
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();
        HistoricProcessInstance transfer = theOnlyTransferOf(subscriber);

        // the person learns which request was created and what happens next, with the link to its page
        assertThat(tasklist.notice()).contains("Запрос на перевод № " + transfer.getBusinessKey() + " подан")
                .contains("Сотрудники фирмы проверят письмо клиента").contains("Запрос и его история");
        JsonNode created = api().get(submitter, "/api/transfers/" + transfer.getBusinessKey()).getBody();
        assertThat(created.path("status").asText()).isEqualTo("LETTER_REVIEW");
        assertThat(created.path("letterDate").asText()).isEqualTo(LocalDate.now(clock).minusDays(2).toString());
        assertThat(created.path("letter").path("fileName").asText()).isEqualTo("письмо-клиента-" + subscriber.getNumber() + ".pdf");
        assertThat(created.path("submittedBy").asText()).isEqualTo(submitter);
        assertThat(taskService.createTaskQuery().processInstanceId(transfer.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(Elements.REVIEW_LETTER);
    }

    @Test
    void transferSubmitFormSaysWhatIsWrongBesideTheFieldAndRefusesAnUnknownSubscriber() throws IOException {
        Partner currentPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        String submitter = testData.partnerUser(testData.partner());

        Tasklist tasklist = Tasklist.logInAs(browser, port, submitter);
        tasklist.openStartForm(PROCESS, START_FORM);
        assertThat(tasklist.isMarkedRequired(TransferProcess.SUBSCRIBER_NUMBER.name())).as("required field marked").isTrue();
        assertThat(tasklist.isMarkedRequired(TransferProcess.REQUESTED_PARTNER_CODE.name())).as("optional field").isFalse();
        tasklist.type(TransferProcess.SUBSCRIBER_NUMBER.name(), "10a1");
        tasklist.leaveField(TransferProcess.SUBSCRIBER_NUMBER.name());
        assertThat(tasklist.messageBeside(TransferProcess.SUBSCRIBER_NUMBER.name())).isEqualTo("Только цифры, не более 12.");
        tasklist.type(TransferProcess.LETTER_DATE.name(), "31.02.2026");
        tasklist.leaveField(TransferProcess.LETTER_DATE.name());
        assertThat(tasklist.messageBeside(TransferProcess.LETTER_DATE.name())).isEqualTo("Дата в виде дд.мм.гггг, например 04.12.2026.");

        // a form the browser accepts, with a subscriber name and a letter the server refuses
        fillStartForm(tasklist, subscriber.getNumber(), "ООО «Совсем другой клиент»", currentPartner);
        tasklist.start();

        // the start listener's Russian message, naming both problems, reaches the person; the rollback leaves no trace
        assertThat(tasklist.errorMessage()).contains("и наименованием").contains("не найден")
                .contains("к партнеру с кодом " + currentPartner.getCode() + ", а не к вашей организации");
        assertThat(transfersOf(subscriber).count()).isZero();
        assertThat(servingPartnerOf(subscriber)).isEqualTo(currentPartner.getCode());
    }

    @Test
    void transferReviewLetterFormShowsBothPartnersAndTheRequestPageAndForwardsTheRequest() {
        Partner currentPartner = testData.partner();
        Partner newPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        String submitter = testData.partnerUser(newPartner);
        long transferId = submitted(submitter, subscriber);
        String instanceId = instanceOf(transferId);

        Tasklist tasklist = Tasklist.logInAs(browser, port, VENDOR_STAFF_USER);
        tasklist.openTask(GROUP_TASKS, REVIEW_LETTER, taskId(instanceId, Elements.REVIEW_LETTER));
        // beside the letter: the current partner, the new one who submitted, and the partner the letter names
        tasklist.waitForFormText("Текущий партнер: " + currentPartner.getName() + ", код " + currentPartner.getCode());
        tasklist.waitForFormText("Новый партнер (подал запрос): " + newPartner.getName() + ", код " + newPartner.getCode()
                + "; сотрудник " + submitter);
        tasklist.waitForFormText("Письмо просит перевести к партнеру: " + TransferApi.REQUESTED_PARTNER_NAME + ", код не указан");
        tasklist.waitForFormText("Дата письма: " + DATE.format(LocalDate.now().minusDays(1)));
        // the request's page for people opens in a new tab, before the task is even claimed
        String page = tasklist.openInNewTab(By.cssSelector(".fjs-container a[href='/requests/transfers/" + transferId + "']"));
        assertThat(page).contains("Запрос на перевод № " + transferId).contains("Запрос подан")
                .contains("Текущий партнер " + currentPartner.getName());
        tasklist.claim();
        tasklist.chooseOption("Письмо в порядке: направить запрос текущему партнеру");
        tasklist.complete();

        assertThat(statusOf(submitter, transferId)).isEqualTo("AWAITING_CURRENT_PARTNER");
        assertThat(assigneeOf(instanceId, Elements.REVIEW_LETTER)).isEqualTo(VENDOR_STAFF_USER);
    }

    @Test
    void transferCorrectFormShowsTheRequestAsSentAndResubmitsItCorrected() {
        Subscriber subscriber = testData.subscriber(testData.partner());
        String submitter = testData.partnerUser(testData.partner());
        long transferId = submitted(submitter, subscriber);
        assertThat(api().complete(VENDOR_STAFF_USER, api().task(VENDOR_STAFF_USER, transferId).get("id").asText(),
                Map.of(TransferProcess.LETTER_DECISION.name(), TransferApi.string("RETURN"),
                        TransferProcess.LETTER_COMMENT.name(), TransferApi.string("В письме нет даты")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String instanceId = instanceOf(transferId);
        LocalDate corrected = LocalDate.now(clock).minusDays(3);

        Tasklist tasklist = Tasklist.logInAs(browser, port, submitter);
        tasklist.openTaskFromLink(CORRECT_REQUEST, taskId(instanceId, Elements.CORRECT_REQUEST));
        tasklist.waitForText(CORRECT_FORM, "В письме нет даты");
        // the letter's date as it was sent, дд.мм.гггг
        assertThat(tasklist.fieldValue(TransferProcess.LETTER_DATE.name())).isEqualTo(DATE.format(LocalDate.now().minusDays(1)));
        tasklist.select(TransferProcess.CORRECTION_ACTION.name(), "Исправить и отправить на проверку снова");
        tasklist.typeDate(TransferProcess.LETTER_DATE.name(), corrected);
        tasklist.complete();

        assertThat(tasklist.notice()).contains("Запрос на перевод № " + transferId + " исправлен и отправлен снова");
        JsonNode transfer = api().get(submitter, "/api/transfers/" + transferId).getBody();
        assertThat(transfer.path("status").asText()).isEqualTo("LETTER_REVIEW");
        assertThat(transfer.path("letterDate").asText()).isEqualTo(corrected.toString());
    }

    @Test
    void transferPartnerAgreementFormSaysWhoWantsTheClientAndByWhenAndTheCurrentPartnerAgrees() {
        Partner currentPartner = testData.partner();
        Partner newPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        String submitter = testData.partnerUser(newPartner);
        String currentPartnerUser = testData.partnerUser(currentPartner);
        long transferId = api().awaitingAgreement(submitter, subscriber.getNumber(), subscriber.getName());
        String instanceId = instanceOf(transferId);
        String taskId = taskId(instanceId, Elements.PARTNER_AGREEMENT);
        Task agreement = taskService.createTaskQuery().taskId(taskId).singleResult();
        // the task's due date where the model gives one, else when the 5-day silence timer fires
        Instant answerBy = agreement.getDueDate() != null ? agreement.getDueDate().toInstant()
                : agreement.getCreateTime().toInstant().plus(Duration.ofDays(5));

        Tasklist tasklist = Tasklist.logInAs(browser, port, currentPartnerUser);
        tasklist.openTask(GROUP_TASKS, PARTNER_AGREEMENT, taskId);
        tasklist.waitForFormText("Кто хочет принять клиента: " + newPartner.getName() + ", код " + newPartner.getCode());
        tasklist.waitForFormText("Ответьте до " + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(answerBy.atZone(clock.getZone())));
        tasklist.claim();
        tasklist.chooseOption("Согласен на перевод");
        tasklist.complete();

        // the subscriber moves at once; the instance ends after the asynchronous mail step
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(instanceId).singleResult();
            assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(instance.getEndActivityId()).isEqualTo(Elements.END_TRANSFERRED);
        });
        assertThat(servingPartnerOf(subscriber)).isEqualTo(newPartner.getCode());
        assertThat(assigneeOf(instanceId, Elements.PARTNER_AGREEMENT)).isEqualTo(currentPartnerUser);
    }

    /**
     * The current partner's employee finds the agreement in its role's filter, told apart by the subscriber and the
     * partner who asks, and reads on the Description tab what is asked, until when, and what silence brings (issue 19).
     */
    @Test
    void theCurrentPartnerSeesWhoAsksForWhichSubscriberAndUntilWhen() {
        Partner currentPartner = testData.partner();
        Partner newPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        long transferId = new TransferApi(http).awaitingAgreement(testData.partnerUser(newPartner), subscriber.getNumber(),
                subscriber.getName());
        org.camunda.bpm.engine.task.Task agreement = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(transferId))
                .taskDefinitionKey(Elements.PARTNER_AGREEMENT).singleResult();

        Tasklist tasklist = Tasklist.logInAs(browser, port, testData.partnerUser(currentPartner));
        tasklist.openTask(PARTNER_TASKS, PARTNER_AGREEMENT + " " + subscriber.label(), agreement.getId());

        assertThat(tasklist.listEntry(agreement.getId())).as("the filter's columns tell this task from the others")
                .contains("Абонент", subscriber.label(), "Партнер", newPartner.label());
        assertThat(tasklist.description()).isEqualTo(agreement.getDescription())
                .startsWith("Партнер " + newPartner.label() + " просит перевести к себе вашего абонента " + subscriber.label())
                .contains("Согласуйте перевод или возразите до ", "решение о переводе примут сотрудники фирмы без вашего ответа");
        assertThat(agreement.getDueDate()).as("the deadline of the silence timer").isNotNull();
    }

    @Test
    void transferVendorDecisionFormShowsTheObjectionAndVendorStaffReject() {
        Partner currentPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        String submitter = testData.partnerUser(testData.partner());
        String currentPartnerUser = testData.partnerUser(currentPartner);
        long transferId = api().awaitingAgreement(submitter, subscriber.getNumber(), subscriber.getName());
        assertThat(api().complete(currentPartnerUser, api().task(currentPartnerUser, transferId).get("id").asText(),
                Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("OBJECT"),
                        TransferProcess.PARTNER_COMMENT.name(), TransferApi.string("У клиента долг за три месяца")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String instanceId = instanceOf(transferId);

        Tasklist tasklist = Tasklist.logInAs(browser, port, VENDOR_STAFF_USER);
        tasklist.openTask(GROUP_TASKS, VENDOR_DECISION, taskId(instanceId, Elements.VENDOR_DECISION));
        tasklist.waitForFormText("Текущий партнер возражает: У клиента долг за три месяца");
        tasklist.waitForFormText("Текущий партнер: " + currentPartner.getName() + ", код " + currentPartner.getCode());
        tasklist.claim();
        tasklist.fillFormField("Комментарий", "Сначала погасите долг");
        tasklist.chooseOption("Отклонить перевод");
        tasklist.complete();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult().getEndActivityId()).isEqualTo(Elements.END_REJECTED));
        assertThat(statusOf(submitter, transferId)).isEqualTo("REJECTED");
        assertThat(servingPartnerOf(subscriber)).isEqualTo(currentPartner.getCode());
        assertThat(assigneeOf(instanceId, Elements.VENDOR_DECISION)).isEqualTo(VENDOR_STAFF_USER);
    }

    /**
     * Tasklist speaks Russian to a partner and to a reviewer even in a browser that asks for English (the tests'
     * Chromium runs with {@code --lang=en-US}): the login page, the task list, a task with each of its tabs, the start
     * dialog and a start form around the form itself.
     */
    @Test
    void aPartnerAndAReviewerReadTasklistInRussianInAnEnglishBrowser() {
        Partner currentPartner = testData.partner();
        Partner newPartner = testData.partner();
        String submitter = testData.partnerUser(newPartner);
        String currentPartnerUser = testData.partnerUser(currentPartner);
        TransferApi api = new TransferApi(http);
        Subscriber agreed = testData.subscriber(currentPartner);
        String agreement = taskId(instanceOf(api.awaitingAgreement(submitter, agreed.getNumber(), agreed.getName())),
                Elements.PARTNER_AGREEMENT);
        Subscriber reviewed = testData.subscriber(currentPartner);
        long reviewedTransfer = api.submit(submitter, TransferApi.letter(reviewed.getNumber(), reviewed.getName()),
                "письмо.pdf", TransferApi.PDF).getBody().get("id").asLong();
        String review = taskId(instanceOf(reviewedTransfer), Elements.REVIEW_LETTER);

        // the current partner's employee: the login page, its group's tasks, the agreement task and every tab of it
        Tasklist tasklist = Tasklist.loginPage(browser, port);
        assertRussian("login page", tasklist.readableText("Войти"), "PartnerFlow · Задачи", "Имя пользователя", "Пароль");
        tasklist.logIn(currentPartnerUser);
        tasklist.openTask(GROUP_TASKS, PARTNER_AGREEMENT, agreement);
        String partnersTask = tasklist.readableText("Взять в работу");
        assertRussian("a partner's task", partnersTask, "Запустить процесс", "Дата создания", "Создана", "назад");
        assertThat(partnersTask).as("actions the engine refuses a partner are not shown")
                .doesNotContain("Напомнить", "Задать срок", "Добавить комментарий");
        tasklist.claim();
        assertRussian("a claimed task", tasklist.readableText("Завершить"), "Сохранить");
        assertThat(tasklist.taskTabs()).containsExactly("Форма", "История", "Схема", "Описание");
        tasklist.showTaskTab("История");
        assertRussian("the task's history", tasklist.readableText("Взята в работу"), "Исполнитель");
        tasklist.showTaskTab("Схема");
        assertRussian("the task's diagram", tasklist.readableText(PARTNER_AGREEMENT));
        tasklist.showTaskTab("Описание");
        assertRussian("the task's description", tasklist.readableText("Описание"));

        // the start dialog: the processes, then a start form with its buttons
        tasklist.openStartDialog();
        assertRussian("the start dialog", tasklist.readableText("Выберите процесс, который нужно запустить."),
                "Поиск по названию процесса.", "Закрыть");
        tasklist.chooseProcess(PROCESS, START_FORM);
        assertRussian("a start form", tasklist.readableText("Запустить"), "Назад", "Закрыть");

        // vendor staff: the letter check among their group's tasks
        tasklist = Tasklist.logInAs(browser, port, VENDOR_STAFF_USER);
        tasklist.openTask(GROUP_TASKS, REVIEW_LETTER, review);
        String reviewersTask = tasklist.readableText("Добавить комментарий");
        assertRussian("a reviewer's task", reviewersTask, "Взять в работу", "Задачи моих групп", "Создана");
        assertThat(reviewersTask).as("a due date is the process's, a follow-up date is not kept").doesNotContain("Напомнить", "Задать срок");
        for (String tab : List.of("История", "Схема", "Описание")) {
            tasklist.showTaskTab(tab);
            assertRussian("the reviewer's tab " + tab, tasklist.readableText(tab));
        }
    }

    /**
     * The page shows the Russian texts, not one of {@link #ENGLISH_LABELS}, and no label key: Tasklist shows the key
     * itself (e.g. {@code CLAIM_TASK}) when ru.json has no label for it.
     */
    private static void assertRussian(String page, String text, String... russian) {
        if (russian.length > 0) {
            assertThat(text).as("%s reads", page).contains(russian);
        }
        List<String> english = ENGLISH_LABELS.stream()
                .filter(label -> Pattern.compile("(?<![A-Za-z])" + Pattern.quote(label) + "(?![A-Za-z])").matcher(text).find())
                .toList();
        assertThat(english).as("English labels on %s, which reads «%s»", page, text).isEmpty();
        assertThat(text).as("%s shows a label key instead of its label", page).doesNotContainPattern(LABEL_KEY);
    }

    /** Fills the open start form as the client's letter says; it asks for {@code requested}. */
    private void fillStartForm(Tasklist tasklist, String number, String name, Partner requested) throws IOException {
        Path letter = Files.write(tempDir.resolve("письмо-клиента-" + number + ".pdf"), LETTER_PDF);
        tasklist.type(TransferProcess.SUBSCRIBER_NUMBER.name(), number);
        tasklist.type(TransferProcess.SUBSCRIBER_NAME.name(), name);
        tasklist.type(TransferProcess.REQUESTED_PARTNER_NAME.name(), "ООО «" + requested.getName() + "»");
        tasklist.type(TransferProcess.REQUESTED_PARTNER_CODE.name(), requested.getCode());
        tasklist.type(TransferProcess.REASON.name(), "Переходим к партнеру, который ведет нашу бухгалтерию");
        tasklist.typeDate(TransferProcess.LETTER_DATE.name(), LocalDate.now(clock).minusDays(2));
        tasklist.chooseFile("letterFile", letter);
        tasklist.waitForText(LETTER_ATTACHED, letter.getFileName().toString());
    }

    private HistoricProcessInstanceQuery transfersOf(Subscriber subscriber) {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(TransferProcess.KEY)
                .variableValueEquals(TransferProcess.SUBSCRIBER_NUMBER.name(), subscriber.getNumber());
    }

    private HistoricProcessInstance theOnlyTransferOf(Subscriber subscriber) {
        List<HistoricProcessInstance> transfers = transfersOf(subscriber).list();
        assertThat(transfers).as("transfer processes of subscriber %s", subscriber.getNumber()).hasSize(1);
        return transfers.get(0);
    }

    private String instanceOf(long transferId) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(transferId)).singleResult().getId();
    }

    private String taskId(String instanceId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskDefinitionKey)
                .singleResult().getId();
    }

    private String assigneeOf(String instanceId, String taskDefinitionKey) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
                .taskDefinitionKey(taskDefinitionKey).singleResult().getAssignee();
    }

    private String servingPartnerOf(Subscriber subscriber) {
        return subscribers.findByNumber(subscriber.getNumber()).orElseThrow().getPartner().getCode();
    }

    private TransferApi api() {
        return new TransferApi(http);
    }

    /** A transfer of the subscriber submitted through the API; its letter waits for vendor staff. */
    private long submitted(String submitter, Subscriber subscriber) {
        ResponseEntity<JsonNode> created = api().submit(submitter, TransferApi.letter(subscriber.getNumber(), subscriber.getName()),
                "письмо.pdf", TransferApi.PDF);
        assertThat(created.getStatusCode()).as("POST /api/transfers: %s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asLong();
    }

    private String statusOf(String user, long transferId) {
        return api().get(user, "/api/transfers/" + transferId).getBody().path("status").asText();
    }
}
