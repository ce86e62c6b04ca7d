package com.partnerflow.developer;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.partnerflow.security.DemoUsers;

/**
 * Developer-authorization demo data (profile {@code demo}), after the partners and before the extension audit, whose
 * demo version ALFA's {@code anna} submits: anna's request approved by {@code vera}, so anna is an authorized developer
 * as before requests existed, and BETA's request for {@code boris} waiting for vera. Through the process, as the users
 * would do it; only once.
 */
@Component
@Profile("demo")
class DeveloperDemoData {

    private static final Logger log = LoggerFactory.getLogger(DeveloperDemoData.class);

    private final DeveloperAuthorizations authorizations;
    private final DeveloperCommands commands;
    private final TaskService taskService;
    private final DemoUsers users;

    DeveloperDemoData(DeveloperAuthorizations authorizations, DeveloperCommands commands, TaskService taskService, DemoUsers users) {
        this.authorizations = authorizations;
        this.commands = commands;
        this.taskService = taskService;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(25)
    public void seed() {
        if (authorizations.count() > 0 || !users.exists("anna") || !users.exists("boris") || !users.exists("vera")) {
            return;
        }
        long anna = users.as("anna", () -> commands.request(new RequestAuthorization("anna",
                List.of(Application.ACCOUNTING, Application.PAYROLL),
                "Дорабатываем «1С:Бухгалтерию 8» и «1С:ЗУП» для клиентов: загрузка выписок банка, печатные формы.")));
        users.as("vera", () -> {
            String taskId = taskService.createTaskQuery().processDefinitionKey(DeveloperAuthorizationProcess.KEY)
                    .processInstanceBusinessKey(String.valueOf(anna)).singleResult().getId();
            taskService.complete(taskId, DeveloperAuthorizationProcess.DECISION.with(AuthorizationDecision.APPROVE));
        });
        users.as("boris", () -> commands.request(new RequestAuthorization("boris", List.of(Application.SMALL_BUSINESS),
                "Клиенты на «1С:УНФ» просят доработать печатные формы и отчеты по продажам.")));
        log.info("Developer authorization demo data seeded: anna (ALFA) authorized, boris (BETA) waits for vera");
    }
}
