package com.partnerflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.partnerflow.IntegrationTest;
import com.partnerflow.moderation.ConfigurationModerationProcess;

/**
 * «Конфигурации» in headless Chromium (ADR 0046): anna of ALFA opens the demo account, prepares a configuration with
 * two entities (the second row added with «Добавить объект», no script), saves it and sends it to moderation; the
 * review task then waits for the moderators (checked in the engine, as marina's Tasklist lists it).
 */
class PortalConfigurationsBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;

    @Test
    void annaPreparesAConfigurationWithTwoEntitiesAndSendsItToModeration() {
        String title = "Учет заявок " + System.nanoTime() % 100_000;
        Portal portal = Portal.logInAs(browser, port, "anna").open("/portal").section("Конфигурации");
        assertThat(portal.text()).contains("Альфа-Софт: отраслевые конфигурации", "Сервисный центр", "Опубликована");

        portal.follow("Альфа-Софт: отраслевые конфигурации").follow("Новая конфигурация");
        assertThat(portal.heading()).isEqualTo("Новая конфигурация");
        portal.type("title", title).type("shortDescription", "Заявки клиентов от приема до закрытия")
                .type("fullDescription", "Процесс обработки заявок и справочник клиентов.")
                .choose("category", "Сервис и поддержка клиентов").choose("industry", "Для любой отрасли")
                .type("links", "https://alfa.example/screens/requests.png").type("price", "2 500")
                .type("supportContact", "support@alfa.example")
                .choose("entityKind0", "Процесс").type("entityName0", "Обработка заявок")
                .press("Добавить объект");
        assertThat(portal.driver.findElement(By.id("title")).getAttribute("value")).as("kept after «Добавить объект»").isEqualTo(title);
        portal.choose("entityKind1", "Справочник").type("entityName1", "Клиенты").press("Сохранить");

        assertThat(portal.heading()).isEqualTo(title);
        assertThat(portal.text()).contains("Конфигурация «" + title + "» создана.", "Черновик", "Обработка заявок", "Клиенты", "2500.00 ₽");
        portal.press("Отправить на модерацию");
        assertThat(portal.text()).contains("отправлена на модерацию", "На модерации", "Раунд 1", "Ждет решения модератора.");

        Task review = tasks.createTaskQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .taskDefinitionKey(ConfigurationModerationProcess.Elements.REVIEW).taskCandidateUser("marina")
                .processVariableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), idOf(portal)).singleResult();
        assertThat(review).isNotNull();
        assertThat(review.getName()).contains(title);
    }

    private static long idOf(Portal portal) {
        String url = portal.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }
}
