package com.partnerflow.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The partner portal in a real browser (ADR 0046): log in through its own page, open a section, read what a page
 * shows. Every portal browser test drives it; a test keeps to the page's visible texts and labels, as a person does.
 */
final class Portal {

    private static final Duration STEP = Duration.ofSeconds(20);

    final WebDriver driver;
    final String url;

    private Portal(WebDriver driver, int port) {
        this.driver = driver;
        this.url = "http://localhost:" + port;
    }

    /** A fresh browser session logged in as {@code userId} (password = user name) on the portal's login page. */
    static Portal logInAs(Browser browser, int port, String userId) {
        return logInAs(browser, port, userId, userId);
    }

    /** A fresh browser session logged in as {@code userId} with the password on the portal's login page. */
    static Portal logInAs(Browser browser, int port, String userId, String password) {
        Portal portal = visit(browser, port, "/portal/login").submitLogin(userId, password);
        portal.waitFor(By.cssSelector("header.site .person"));
        return portal;
    }

    /** A fresh browser session, nobody logged in, at a portal address (a login page, an invitation link). */
    static Portal visit(Browser browser, int port, String path) {
        return new Portal(browser.newSession(), port).open(path);
    }

    /** Fills and sends the login form of the page shown. */
    Portal submitLogin(String userId, String password) {
        driver.findElement(By.id("username")).sendKeys(userId);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        return this;
    }

    /** Opens a portal address ({@code /portal/clients}) and waits for its heading. */
    Portal open(String path) {
        driver.get(url + path);
        waitFor(By.tagName("h1"));
        return this;
    }

    /** Follows a link of the navigation by its text («Клиенты»). */
    Portal section(String name) {
        driver.findElement(By.cssSelector("header.site nav")).findElement(By.linkText(name)).click();
        new WebDriverWait(driver, STEP).until(ExpectedConditions.attributeToBe(
                By.xpath("//header//nav//a[normalize-space()='" + name + "']"), "aria-current", "page"));
        return this;
    }

    /** A phone's width, to check a page still works there. */
    Portal phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        return this;
    }

    /** Follows a link of the page's content by its visible text and waits for the next page's heading. */
    Portal follow(String linkText) {
        WebElement link = driver.findElement(By.id("main")).findElement(By.linkText(linkText));
        link.click();
        new WebDriverWait(driver, STEP).until(ExpectedConditions.stalenessOf(link));
        waitFor(By.tagName("h1"));
        return this;
    }

    /** Reloads the page and waits for its heading. */
    Portal reload() {
        driver.navigate().refresh();
        waitFor(By.tagName("h1"));
        return this;
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return driver.findElement(By.id("main")).getText();
    }

    /** The visible texts of a table's rows (a row as its cells' texts joined by « | »). */
    List<String> rows(By table) {
        return driver.findElement(table).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> String.join(" | ", row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()))
                .toList();
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, STEP).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Fills a field by its label's {@code for} id. */
    Portal type(String fieldId, String text) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses an option of a list by its label's {@code for} id and the option's visible text. */
    Portal choose(String fieldId, String optionText) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(fieldId))).selectByVisibleText(optionText);
        return this;
    }

    /** Presses a button by its visible text and waits for the next page's heading. */
    Portal press(String buttonText) {
        WebElement button = driver.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']"));
        button.click();
        new WebDriverWait(driver, STEP).until(ExpectedConditions.stalenessOf(button));
        waitFor(By.tagName("h1"));
        return this;
    }
}
