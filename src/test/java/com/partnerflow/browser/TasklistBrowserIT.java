package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.Subscribers;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess.Elements;
import com.partnerflow.transfer.TransferProcess;

/**
 * The subscriber transfer as people do it in Camunda Tasklist, in a real headless Chromium: a
 * partner's employee fills the embedded start form and attaches the client's letter, vendor staff
 * forward the letter, the current partner agrees. Each person works in a fresh browser session.
 * The outcome is checked in the domain and in the engine's history, not on the screen.
 */
class TasklistBrowserIT extends IntegrationTest {

    private static final String PROCESS = "Перевод абонента к другому партнеру";
    private static final String REVIEW_LETTER = "Проверить письмо клиента";
    private static final String PARTNER_AGREEMENT = "Согласовать перевод абонента";
    private static final String GROUP_TASKS = "Задачи моих групп";
    private static final String PARTNER_TASKS = "Задачи партнера";
    private static final String VENDOR_STAFF_USER = "vera";
    private static final By START_FORM = By.cssSelector("form[name='transferSubmitForm']");
    /** The start form's line that confirms it has read the chosen file. */
    private static final By LETTER_ATTACHED = By.cssSelector("form[name='transferSubmitForm'] .letter-attached");

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
    Clock clock;
    @Autowired
    TestRestTemplate http;

    @Test
    void aPartnerSubmitsTheLetterVendorStaffForwardItAndTheCurrentPartnerAgrees() throws IOException {
        Partner currentPartner = testData.partner();
        Partner newPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        String submitter = testData.partnerUser(newPartner);
        String currentPartnerUser = testData.partnerUser(currentPartner);

        // the new partner's employee starts the transfer with the client's letter
        Tasklist tasklist = Tasklist.logInAs(browser, port, submitter);
        assertThat(tasklist.showsEndOfLifeBanner()).as("no \"migrate to Camunda 8\" banner for a partner").isFalse();
        assertThat(tasklist.showsCreateTask()).as("no «Create task» that ends in a permission error").isFalse();
        fillStartForm(tasklist, subscriber.getNumber(), subscriber.getName(), newPartner);
        tasklist.start();
        tasklist.waitUntilStartDialogIsClosed();
        String instanceId = theOnlyTransferOf(subscriber).getId();

        // vendor staff find the request among their group's tasks, take it and forward it
        tasklist = Tasklist.logInAs(browser, port, VENDOR_STAFF_USER);
        tasklist.openTask(GROUP_TASKS, REVIEW_LETTER, taskId(instanceId, Elements.REVIEW_LETTER));
        // beside the letter: who submitted, and the partner the letter names, to compare at a glance
        tasklist.waitForFormText("Запрос подал: " + newPartner.getName() + ", код " + newPartner.getCode() + "; сотрудник " + submitter);
        tasklist.waitForFormText("Письмо просит перевести к партнеру: ООО «" + newPartner.getName() + "», код " + newPartner.getCode());
        tasklist.claim();
        tasklist.chooseOption("Письмо в порядке: направить запрос текущему партнеру");
        tasklist.complete();

        // the partner serving the subscriber today agrees
        tasklist = Tasklist.logInAs(browser, port, currentPartnerUser);
        tasklist.openTask(GROUP_TASKS, PARTNER_AGREEMENT, taskId(instanceId, Elements.PARTNER_AGREEMENT));
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
        assertThat(assigneeOf(instanceId, Elements.REVIEW_LETTER)).isEqualTo(VENDOR_STAFF_USER);
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
    void aSubscriberNameThatDiffersFromTheRegisterAndALetterToAnotherPartnerAreRefusedOnTheStartForm() throws IOException {
        Partner currentPartner = testData.partner();
        Subscriber subscriber = testData.subscriber(currentPartner);
        String submitter = testData.partnerUser(testData.partner());

        Tasklist tasklist = Tasklist.logInAs(browser, port, submitter);
        fillStartForm(tasklist, subscriber.getNumber(), "ООО «Совсем другой клиент»", currentPartner);
        tasklist.start();

        // the start listener's Russian message, naming both problems, reaches the person; the rollback leaves no trace
        assertThat(tasklist.errorMessage()).contains("и наименованием").contains("не найден")
                .contains("к партнеру с кодом " + currentPartner.getCode() + ", а не к вашей организации");
        assertThat(transfersOf(subscriber).count()).isZero();
        assertThat(servingPartnerOf(subscriber)).isEqualTo(currentPartner.getCode());
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
        assertRussian("a partner's task", tasklist.readableText("Взять в работу"), "Запустить процесс",
                "Дата создания", "Создана", "назад", "Напомнить", "Задать срок", "Добавить комментарий");
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
        assertRussian("a reviewer's task", tasklist.readableText("Взять в работу"), "Задачи моих групп", "Создана");
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

    /** Opens the start form from «Start process» and fills it as the client's letter says; it asks for {@code requested}. */
    private void fillStartForm(Tasklist tasklist, String number, String name, Partner requested) throws IOException {
        Path letter = Files.write(tempDir.resolve("письмо-клиента-" + number + ".pdf"), LETTER_PDF);
        tasklist.openStartForm(PROCESS, START_FORM);
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
}
