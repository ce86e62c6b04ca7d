package com.partnerflow.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 as a person uses it: log in, start a process from «Start process», pick a
 * filter and a task, claim it, fill its form, complete it. Every step waits explicitly (up to 30 s)
 * for the Angular app to show what the next step needs. Embedded HTML forms are reached by their
 * fields' {@code name}; Camunda Forms (form-js 1.8.7) by the labels a person reads.
 */
final class Tasklist {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final By START_DIALOG = By.cssSelector(".modal-dialog");
    private static final By START_PROCESS = By.cssSelector(".start-process-action a");
    private static final By USERNAME = By.cssSelector("input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
    private static final By TASK_TABS = By.cssSelector(".tabbed-content .nav-tabs li a");
    private static final By ERROR = By.cssSelector(".notifications .alert-danger, .modal-body .alert-danger");
    /** A rendered Camunda Form (form-js). */
    static final By CAMUNDA_FORM = By.cssSelector(".fjs-container .fjs-form");
    private static final String CAMUNDA_FORM_XPATH = "//div[contains(@class,'fjs-container')]";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String url;

    private Tasklist(WebDriver driver, int port) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, STEP);
        this.url = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    /** Opens Tasklist in a fresh browser session and logs in (the password is the user name). */
    static Tasklist logInAs(Browser browser, int port, String userId) {
        return loginPage(browser, port).logIn(userId);
    }

    /** Opens Tasklist's login page in a fresh browser session, as a person who has not logged in yet sees it. */
    static Tasklist loginPage(Browser browser, int port) {
        Tasklist tasklist = new Tasklist(browser.newSession(), port);
        tasklist.driver.get(tasklist.url + "#/login");
        tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
        return tasklist;
    }

    /** Logs in on the login page (the password is the user name) and waits for the task list. */
    Tasklist logIn(String userId) {
        return logIn(userId, userId);
    }

    /** Logs in on the login page with the password and waits for the task list. */
    Tasklist logIn(String userId, String password) {
        submitLogin(userId, password);
        wait.until(ExpectedConditions.elementToBeClickable(START_PROCESS));
        return this;
    }

    /** Tries to log in on the login page and answers the refusal Tasklist shows. */
    String refusedLogIn(String userId, String password) {
        submitLogin(userId, password);
        return wait.until(ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
    }

    private void submitLogin(String userId, String password) {
        // the login view may be rendered twice while Tasklist boots: type until both fields hold exactly the values
        wait.ignoring(StaleElementReferenceException.class).until(d -> fill(USERNAME, userId) && fill(PASSWORD, password));
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
    }

    private boolean fill(By locator, String text) {
        WebElement field = driver.findElement(locator);
        if (!field.isDisplayed()) {
            return false;
        }
        if (!text.equals(field.getDomProperty("value"))) {
            field.clear();
            field.sendKeys(text);
        }
        return text.equals(field.getDomProperty("value"));
    }

    /** «Start process», then the process by its name: waits until its start form is shown. */
    void openStartForm(String processName, By form) {
        openStartDialog();
        chooseProcess(processName, form);
    }

    /** «Start process»: waits until the dialog lists the processes the user may start. */
    void openStartDialog() {
        driver.findElement(START_PROCESS).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog ul.processes a")));
    }

    /** Picks the process in the open start dialog: waits until its start form is shown. */
    void chooseProcess(String processName, By form) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[contains(@class,'processes')]//a[normalize-space(.)=" + literal(processName) + "]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(form));
    }

    /**
     * Clicks into an embedded form's field, as a person does, and types until it holds exactly the text: right after a
     * choice in a {@code <select>}, Chromium can still route the keys to the select.
     */
    void type(String fieldName, String text) {
        By field = By.cssSelector("[name='" + fieldName + "']");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(field);
            if (!element.equals(d.switchTo().activeElement())) {
                click(field); // the first click may only close the list a select opened
            }
            return element.equals(d.switchTo().activeElement());
        });
        typeUntilHeld(field, text);
    }

    /** Chooses the option (by the text it shows) of an embedded form's {@code <select>}, until it is the chosen one. */
    void select(String fieldName, String optionText) {
        WebElement field = field(fieldName);
        new Select(field).selectByVisibleText(optionText);
        wait.until(d -> optionText.equals(new Select(field).getFirstSelectedOption().getText().strip()));
        closeOptionList(fieldName);
    }

    /**
     * Chromium may leave a select's list of options open after the choice, and the list then takes the next click or
     * keys: a click on the select's label closes it, as a person's click beside it does (or only focuses the select).
     */
    private void closeOptionList(String fieldName) {
        List<WebElement> labels = driver.findElements(By.cssSelector("label[for='" + fieldName + "']"));
        if (!labels.isEmpty() && labels.get(0).isDisplayed()) {
            labels.get(0).click();
        }
    }

    /**
     * Chooses the one option of an embedded form's {@code <select>} whose text starts with the given text, e.g.
     * a title the form follows with a status; waits until the form has loaded its options and shows it chosen.
     */
    void selectStartingWith(String fieldName, String optionStart) {
        WebElement field = field(fieldName);
        WebElement option = wait.until(d -> {
            List<WebElement> matching = new Select(field).getOptions().stream()
                    .filter(candidate -> candidate.getText().strip().startsWith(optionStart)).toList();
            return matching.size() == 1 ? matching.get(0) : null;
        });
        String value = option.getDomProperty("value");
        new Select(field).selectByValue(value);
        wait.until(d -> value.equals(new Select(field).getFirstSelectedOption().getDomProperty("value")));
        closeOptionList(fieldName);
    }

    /** Waits until the embedded form's {@code <select>} shows an option starting with the text as chosen (a form's own choice). */
    void waitForChosen(String fieldName, String optionStart) {
        WebElement field = field(fieldName);
        wait.until(d -> new Select(field).getFirstSelectedOption().getText().strip().startsWith(optionStart));
    }

    /**
     * Types a date into a date field: an embedded form's text field as a person reads dates here (дд.мм.гггг, whatever
     * the browser's language), or an {@code <input type=date>}, where Chromium takes the keys in the order of its locale
     * (month, day, year for en-US); the check makes a mix-up fail here, not later.
     */
    void typeDate(String fieldName, LocalDate date) {
        WebElement field = field(fieldName);
        if ("date".equals(field.getDomProperty("type"))) {
            field.sendKeys(String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
            wait.until(driver -> date.toString().equals(field.getDomProperty("value")));
            return;
        }
        String typed = String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        field.clear();
        field.sendKeys(typed);
        wait.until(driver -> typed.equals(field.getDomProperty("value")));
    }

    /** The value an embedded form's field shows, once it shows one (a task form fills its fields after loading). */
    String fieldValue(String fieldName) {
        WebElement field = field(fieldName);
        return wait.until(d -> {
            String value = field.getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
    }

    /** Leaves the embedded form's field (Tab), as a person does before reading what the form says of it. */
    void leaveField(String fieldName) {
        field(fieldName).sendKeys(Keys.TAB);
    }

    /** The Russian message an embedded form shows beside the field (PartnerFlow.checkFields), once it shows one. */
    String messageBeside(String fieldName) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".pf-field-error[data-field='" + fieldName + "']"))).getText().strip();
    }

    /** Whether the label of the embedded form's field carries the required marker «*». */
    boolean isMarkedRequired(String fieldId) {
        return !driver.findElements(By.cssSelector("label[for='" + fieldId + "'] .pf-required")).isEmpty();
    }

    /** The notice a form leaves after it was sent (PartnerFlow.onStarted, onCompleted): what was created, what is next. */
    String notice() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert-success")))
                .getText().replaceAll("\\s+", " ").strip();
    }

    /**
     * Clicks the link in the form, which must open a new tab and leave Tasklist where it was; answers the text of the
     * page in the new tab, then closes it and comes back.
     */
    String openInNewTab(By link) {
        String tasklist = driver.getWindowHandle();
        int tabs = driver.getWindowHandles().size();
        click(link);
        wait.until(d -> d.getWindowHandles().size() == tabs + 1);
        String opened = driver.getWindowHandles().stream().filter(handle -> !handle.equals(tasklist)).findFirst().orElseThrow();
        driver.switchTo().window(opened);
        String text = wait.until(d -> {
            String body = d.findElement(By.tagName("body")).getText();
            return body.isBlank() ? null : body;
        });
        driver.close();
        driver.switchTo().window(tasklist);
        return text.replaceAll("\\s+", " ");
    }

    /** Chooses a file the way a person does, through the file input; the form reads it in the browser. */
    void chooseFile(String fieldName, Path file) {
        field(fieldName).sendKeys(file.toAbsolutePath().toString());
    }

    /** Waits until the element shows the text (e.g. a form's confirmation that it has read a file). */
    void waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /**
     * Whether Camunda's "migrate to Camunda 8" banner shows: it is in the page (a community edition has it), and our
     * user-styles.css hides it. Waits for it to be in the page first, so a header not yet drawn cannot pass for hidden.
     */
    boolean showsEndOfLifeBanner() {
        WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-widget-header] .ce-eol-banner")));
        return banner.isDisplayed();
    }

    /** Whether the navbar's «Create task» shows: present in the page (the plugin is there), hidden by our styles. */
    boolean showsCreateTask() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".create-task-action"))).isDisplayed();
    }

    /** Presses a button of the form, e.g. an embedded form's «Показать» that loads its lists. */
    void press(By button) {
        click(button);
    }

    /** Clicks «Start» in the start dialog. */
    void start() {
        click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    }

    void waitUntilStartDialogIsClosed() {
        waitWithoutErrors(ExpectedConditions.invisibilityOfElementLocated(START_DIALOG));
    }

    /** Waits for an error (a notification on the page or in the dialog) and returns its text. */
    String errorMessage() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
    }

    /**
     * Picks the filter (by the name it shows, without the task count), then the task in its list;
     * the id tells apart tasks of the same kind. The name shown must begin with {@code taskName}: the
     * kind of task, which the name's business context (subscriber, version, month) follows.
     */
    void openTask(String filterName, String taskName, String taskId) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'task-filter')]"
                + "//h4[contains(@class,'name')]/a[normalize-space(text()[1])=" + literal(filterName) + "]"))).click();
        WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("ol.tasks-list li.task h4.task a[href^='#/?task=" + taskId + "']")));
        if (!task.getText().strip().startsWith(taskName)) {
            throw new AssertionError("Task " + taskId + " is «" + task.getText() + "», expected «" + taskName + "…»");
        }
        task.click();
        wait.until(d -> d.findElement(By.cssSelector(".task-card h2.task")).getText().strip().startsWith(taskName));
    }

    /**
     * The text of the list entry of task {@code taskId} in the filter shown: its name, dates and the filter's variable
     * columns (label and value), read from the DOM whether the entry is expanded or not.
     */
    String listEntry(String taskId) {
        By entry = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h4[contains(@class,'task')]/a[starts-with(@href, '#/?task=" + taskId + "')]]");
        return wait.until(ExpectedConditions.presenceOfElementLocated(entry)).getAttribute("textContent").replaceAll("\\s+", " ");
    }

    /** The Description tab of the open task (chosen by its id, whatever the language), its text once it shows one. */
    String description() {
        String current = driver.getCurrentUrl();
        driver.get(current.replaceAll("&detailsTab=[^&]*", "") + "&detailsTab=task-detail-description");
        return wait.until(d -> {
            String text = d.findElement(By.cssSelector(".description-pane")).getText().strip();
            return text.isEmpty() ? null : text;
        });
    }

    /**
     * Opens the task from its direct link ({@code #/?task=…}), as a person does from a mail, without picking a filter;
     * its name shown must begin with {@code taskName}.
     */
    void openTaskFromLink(String taskName, String taskId) {
        driver.get(url + "#/?task=" + taskId);
        wait.until(d -> d.findElements(By.cssSelector(".task-card h2.task")).stream()
                .anyMatch(name -> name.getText().strip().startsWith(taskName)));
    }

    /** «Claim»: waits until the task is assigned to the user (the «Unclaim» button appears). */
    void claim() {
        click(By.cssSelector("[cam-tasklist-task-meta] .claim"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task-meta] .unclaim")));
    }

    /** The names of the open task's tabs (its form, history, diagram, description), as shown. */
    List<String> taskTabs() {
        return driver.findElements(TASK_TABS).stream().map(tab -> tab.getText().strip()).toList();
    }

    /** Shows the open task's tab with the name, and waits until it is the active one. */
    void showTaskTab(String name) {
        click(By.xpath("//div[contains(@class,'tabbed-content')]//ul[contains(@class,'nav-tabs')]/li/a[normalize-space(.)="
                + literal(name) + "]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tabbed-content .nav-tabs li.active"), name));
    }

    /**
     * What a person reads on the page once it shows the text: the title, the visible text and the hints (placeholders)
     * of the visible fields, spaces collapsed. Tasklist loads its labels after it has drawn the page: the text to
     * wait for is one of them.
     */
    String readableText(String waitFor) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> readableText().contains(waitFor));
        return readableText();
    }

    private String readableText() {
        StringBuilder text = new StringBuilder(driver.getTitle()).append('\n')
                .append(driver.findElement(By.tagName("body")).getText());
        for (WebElement field : driver.findElements(By.cssSelector("input[placeholder], textarea[placeholder]"))) {
            if (field.isDisplayed()) {
                text.append('\n').append(field.getDomAttribute("placeholder"));
            }
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    /**
     * Selects the radio option of a Camunda Form (form-js) by its visible label, clicking until it is
     * checked: a click right after typing into a text area can miss (see {@link #fillFormField}).
     */
    void chooseOption(String label) {
        By option = By.xpath(CAMUNDA_FORM_XPATH + "//label[contains(normalize-space(.), " + literal(label) + ")]");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement radio = d.findElement(option).findElement(By.cssSelector("input[type='radio']"));
            if (!radio.isSelected()) {
                click(option);
            }
            return d.findElement(option).findElement(By.cssSelector("input[type='radio']")).isSelected();
        });
    }

    // ---- Camunda Forms (form-js 1.8.7) ----

    /**
     * Types into the form-js text field (or text area) with the label, until it holds exactly the text.
     * form-js takes the text 300 ms after the last key, or at once when the field loses focus; a text
     * area then resizes itself, for a moment to no height at all, which scrolls the task up when it is
     * shown near its end. A click on the next field within those 300 ms moves the focus, the page
     * jumps between the mouse's press and release, and the click is lost: click until it took effect.
     */
    void fillFormField(String label, String text) {
        typeUntilHeld(By.xpath(CAMUNDA_FORM_XPATH + formField(label)), text);
    }

    /** Ticks or clears the form-js checkbox with the label, until it shows the wanted state. */
    void setCheckbox(String label, boolean checked) {
        By box = By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-checkbox')]"
                + "[.//label[starts-with(normalize-space(.), " + literal(label) + ")]]//input[@type='checkbox']");
        toggleUntil(box, checked);
    }

    /** Whether the form-js checkbox with the label is ticked. */
    boolean isChecked(String label) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(CAMUNDA_FORM_XPATH
                + "//div[contains(@class,'fjs-form-field-checkbox')][.//label[starts-with(normalize-space(.), "
                + literal(label) + ")]]//input[@type='checkbox']"))).isSelected();
    }

    /** Ticks the option (by its label) of the form-js checklist with the label. */
    void checkOption(String checklistLabel, String optionLabel) {
        toggleUntil(By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-checklist')]"
                + "[./label[starts-with(normalize-space(.), " + literal(checklistLabel) + ")]]"
                + "//label[normalize-space(.)=" + literal(optionLabel) + "]//input[@type='checkbox']"), true);
    }

    /** Waits until the form (its text views and fields' labels) shows the text, e.g. a templated line. */
    void waitForFormText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), text));
    }

    /**
     * Waits until the form-js field (text field or text area, read-only too) with the label holds a value that
     * contains the text, and returns the value: a field's value is not part of the form's visible text.
     */
    String waitForFieldValue(String label, String text) {
        By field = By.xpath(CAMUNDA_FORM_XPATH + formField(label));
        return wait.ignoring(StaleElementReferenceException.class).until(d -> {
            String value = d.findElement(field).getDomProperty("value");
            return value != null && value.contains(text) ? value : null;
        });
    }

    /** The visible text of the form, spaces collapsed. */
    String formText() {
        return driver.findElement(By.cssSelector(".fjs-container")).getText().replaceAll("\\s+", " ");
    }

    /** Waits until the form-js table with the label shows exactly these rows (cell texts), and returns them. */
    List<List<String>> waitForTableRows(String label, List<List<String>> expected) {
        By rows = By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-table')]"
                + "[./label[starts-with(normalize-space(.), " + literal(label) + ")]]//table/tbody/tr");
        return wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<List<String>> shown = d.findElements(rows).stream()
                    .map(row -> row.findElements(By.tagName("td")).stream().map(cell -> cell.getText().strip()).toList())
                    .toList();
            return shown.equals(expected) ? shown : null;
        });
    }

    /** Waits until the form-js select with the label shows the option (by its label) as chosen. */
    void waitForSelected(String label, String optionLabel) {
        By input = By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-select')]"
                + "[./label[starts-with(normalize-space(.), " + literal(label) + ")]]");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement field = d.findElement(input);
            return field.getText().contains(optionLabel) || field.findElements(By.cssSelector("input")).stream()
                    .anyMatch(in -> optionLabel.equals(in.getDomProperty("value")));
        });
    }

    /**
     * Opens the form-js select with the label and picks the option (by its label) from its dropdown,
     * until the select shows it as chosen.
     */
    void chooseFormSelectOption(String label, String optionLabel) {
        By select = By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-select')]"
                + "[./label[starts-with(normalize-space(.), " + literal(label) + ")]]");
        By display = By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-select')]"
                + "[./label[starts-with(normalize-space(.), " + literal(label) + ")]]"
                + "//div[contains(@class,'fjs-select-display')]");
        By option = By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-select')]"
                + "[./label[starts-with(normalize-space(.), " + literal(label) + ")]]"
                + "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(optionLabel) + "]");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            if (optionLabel.equals(d.findElement(display).getText().strip())) {
                return true;
            }
            List<WebElement> options = d.findElements(option);
            if (options.isEmpty()) {
                WebElement group = d.findElement(select).findElement(By.cssSelector(".fjs-input-group"));
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", group);
                group.click();
            } else {
                options.get(0).click();
            }
            return optionLabel.equals(d.findElement(display).getText().strip());
        });
    }

    /**
     * Waits until the form-js field with the label shows a validation message under it, and returns the message: the
     * error form-js renders inside the field's own block, beside the input, not in a banner.
     */
    String waitForFieldError(String label) {
        By error = By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.), "
                + literal(label) + ")]]//div[contains(@class,'fjs-form-field-error')]");
        return wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> shown = d.findElements(error);
            return shown.isEmpty() || shown.get(0).getText().isBlank() ? null : shown.get(0).getText().strip();
        });
    }

    /** Whether the form-js field with the label is marked required: its label ends in form-js's asterisk. */
    boolean isFormFieldMarkedRequired(String label) {
        return !driver.findElements(By.xpath(CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field')]/label[starts-with("
                + "normalize-space(.), " + literal(label) + ")]/span[contains(@class,'fjs-asterix')]")).isEmpty();
    }

    /** Presses «Complete» when the form lets it be pressed, without waiting for the task to close (a refusal may follow). */
    void pressComplete() {
        click(By.cssSelector("button[ng-click='complete()']"));
    }

    /** Closes the notifications Tasklist shows over the page's bottom right, where «Complete» is. */
    void closeNotifications() {
        for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .alert .close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (StaleElementReferenceException gone) {
                // closed meanwhile
            }
        }
        wait.until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Waits until «Complete» can (or cannot) be pressed. */
    void waitUntilCompleteIsEnabled(boolean enabled) {
        wait.until(d -> d.findElement(By.cssSelector("button[ng-click='complete()']")).isEnabled() == enabled);
    }

    /** Removes the row (0 first) of the form-js dynamic list with the label, by its remove button. */
    void removeListRow(String label, int row) {
        By remove = By.xpath("(" + CAMUNDA_FORM_XPATH + "//div[contains(@class,'fjs-form-field-dynamiclist')]"
                + "[./label[starts-with(normalize-space(.), " + literal(label) + ")]]"
                + "//button[contains(@class,'fjs-repeat-row-remove')])[" + (row + 1) + "]");
        int before = driver.findElements(By.cssSelector(".fjs-repeat-row-remove")).size();
        click(remove);
        wait.until(d -> d.findElements(By.cssSelector(".fjs-repeat-row-remove")).size() == before - 1);
    }

    /** The value an embedded form's field holds. */
    String value(String fieldName) {
        return field(fieldName).getDomProperty("value");
    }

    /** The text shown in the element, e.g. a select of an embedded form's chosen option. */
    String selectedText(String fieldName) {
        return new Select(field(fieldName)).getFirstSelectedOption().getText().strip();
    }

    /** The field (input or text area) of a form-js form field whose label starts with the text; an XPath step. */
    private static String formField(String label) {
        return "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.), " + literal(label)
                + ")]]//*[self::input or self::textarea]";
    }

    /** form-js re-renders on every key: type, then check, until the field holds exactly the text. */
    private void typeUntilHeld(By locator, String text) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement field = d.findElement(locator);
            if (!field.isDisplayed()) {
                return false;
            }
            if (!text.equals(field.getDomProperty("value"))) {
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
                field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                field.sendKeys(text);
            }
            return text.equals(field.getDomProperty("value"));
        });
    }

    private void toggleUntil(By checkbox, boolean checked) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement box = d.findElement(checkbox);
            if (box.isSelected() != checked) {
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
                box.click();
            }
            return d.findElement(checkbox).isSelected() == checked;
        });
    }

    /** «Complete»: waits until Tasklist closes the task (fails at once with the text of an error shown instead). */
    void complete() {
        By complete = By.cssSelector("button[ng-click='complete()']");
        click(complete);
        waitWithoutErrors(ExpectedConditions.invisibilityOfElementLocated(complete));
    }

    /** Waits for the condition, but stops as soon as Tasklist shows an error, failing with its text. */
    private void waitWithoutErrors(ExpectedCondition<?> condition) {
        wait.until(ExpectedConditions.or(condition, ExpectedConditions.visibilityOfElementLocated(ERROR)));
        for (WebElement error : driver.findElements(ERROR)) {
            try {
                if (error.isDisplayed()) {
                    throw new AssertionError("Tasklist shows an error: " + error.getText());
                }
            } catch (StaleElementReferenceException gone) {
                // the notification went away meanwhile: not an error on screen
            }
        }
    }

    /** Clicks in the middle of the screen: Tasklist's fixed footer covers the bottom edge of a long form. */
    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private WebElement field(String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[name='" + name + "']")));
    }

    /** An XPath string literal; the names here contain no apostrophes. */
    private static String literal(String text) {
        return "'" + text + "'";
    }
}
