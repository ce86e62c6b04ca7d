package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;

/**
 * «Финансы» in headless Chromium (ADR 0048): anna's chart is drawn by Chart.js with the demo months' charges — the
 * figures Chart.js holds ({@code Chart.getChart(canvas).data}) are the table's, month by month and series by series —
 * and the page still fits a phone's width, the wide table scrolling inside its frame.
 */
class PortalFinanceBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void theChartDrawsTheDemoMonthsChargesAsTheTableListsThem() {
        Portal portal = Portal.logInAs(browser, port, "anna");
        portal.section("Финансы");
        assertThat(portal.heading()).isEqualTo("Финансы");
        Map<String, Object> chart = chartData(portal);

        List<String> months = portal.driver.findElements(By.cssSelector("#charges-table tbody th")).stream()
                .map(WebElement::getText).toList();
        assertThat(chart.get("labels")).asList().hasSize(months.size())
                .allSatisfy(label -> assertThat(months.stream().anyMatch(month -> month.equalsIgnoreCase(label.toString()))).isTrue());
        List<String> columns = portal.driver.findElements(By.cssSelector("#charges-table thead th.num")).stream()
                .map(WebElement::getText).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) chart.get("datasets");
        assertThat(datasets).extracting(dataset -> dataset.get("label"))
                .containsExactlyElementsOf(columns.subList(0, columns.size() - 1));
        assertThat(datasets).extracting(dataset -> dataset.get("label").toString()).contains("Лицензия 1С-Отчетности");

        List<String> rows = portal.rows(By.id("charges-table"));
        for (int month = 0; month < rows.size(); month++) {
            String[] cells = rows.get(month).split(" \\| ");
            for (int series = 0; series < datasets.size(); series++) {
                Number amount = (Number) ((List<?>) datasets.get(series).get("data")).get(month);
                assertThat(rubles(cells[series])).as("month %d, %s", month, datasets.get(series).get("label"))
                        .isEqualTo(Math.round(amount.doubleValue() * 100));
            }
        }
        long thisMonth = Math.round(datasets.stream().mapToDouble(dataset ->
                ((Number) ((List<?>) dataset.get("data")).get(rows.size() - 1)).doubleValue()).sum() * 100);
        assertThat(thisMonth).as("the demo's charges of the current month are drawn").isPositive()
                .isEqualTo(rubles(portal.driver.findElement(By.id("current-month")).getText()));
    }

    @Test
    void theClientViewFitsAPhone() {
        Portal portal = Portal.logInAs(browser, port, "anna").phone().open("/portal/finance?view=client");
        Map<String, Object> chart = chartData(portal);
        assertThat(chart.get("datasets").toString()).contains("1001 ООО «Ромашка»");
        Long pageWidth = (Long) ((JavascriptExecutor) portal.driver).executeScript("return document.documentElement.scrollWidth;");
        assertThat(pageWidth).isLessThanOrEqualTo(390);
        assertThat(portal.driver.findElement(By.id("finance-chart-canvas")).getSize().getWidth()).isPositive().isLessThanOrEqualTo(390);
        assertThat(portal.text()).contains("Сверки", "Счета", "Скачать CSV");
    }

    /** What Chart.js holds for the page's canvas: its labels and datasets (label, data), once it has drawn them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chartData(Portal portal) {
        JavascriptExecutor js = (JavascriptExecutor) portal.driver;
        return (Map<String, Object>) new WebDriverWait(portal.driver, Duration.ofSeconds(20)).until(driver -> js.executeScript("""
                var chart = window.Chart && Chart.getChart(document.getElementById('finance-chart-canvas'));
                if (!chart) { return null; }
                return {labels: chart.data.labels,
                        datasets: chart.data.datasets.map(function (d) { return {label: d.label, data: d.data}; })};
                """));
    }

    /** «12 345,67 ₽» in kopecks. */
    private static long rubles(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }
}
