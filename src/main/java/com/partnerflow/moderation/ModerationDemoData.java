package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.partnerflow.moderation.ConfigurationDraft.EntityDraft;
import com.partnerflow.partner.PartnerCertifications;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.security.DemoUsers;
import com.partnerflow.security.Groups;

/**
 * Configuration demo data (profile {@code demo}), after the partners of {@code DemoData}: moderator {@code marina};
 * ALFA and BETA certified by {@code vera} (GAMMA is not: it cannot send a configuration until vera certifies it);
 * ALFA's configuration account with BETA a member (it accepted ALFA's invitation), GAMMA invited and not answered yet,
 * two special employees and a contact; ALFA's configuration «Сервисный центр» published in the catalogue, «CRM для
 * студии» ready to be sent, BETA's «Склад магазина» waiting for the moderator, and ALFA's «Учет обращений» returned by
 * marina for changes (its revision task waits for ALFA). Only once.
 */
@Component
@Profile("demo")
class ModerationDemoData {

    private static final Logger log = LoggerFactory.getLogger(ModerationDemoData.class);

    private final ConfigurationService configurations;
    private final PartnerService partners;
    private final PartnerCertifications certifications;
    private final DemoUsers users;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    ModerationDemoData(ConfigurationService configurations, PartnerService partners, PartnerCertifications certifications,
                       DemoUsers users, RuntimeService runtimeService, TaskService taskService) {
        this.configurations = configurations;
        this.partners = partners;
        this.certifications = certifications;
        this.users = users;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    public void seed() {
        if (users.exists("marina") || partners.partnerOf("anna").isEmpty()) {
            return;
        }
        users.person("marina", "Марина", "Волкова", Groups.MODERATORS);
        Caller anna = Caller.of("anna", List.of(Groups.PARTNERS, "partner-ALFA"));
        Caller boris = Caller.of("boris", List.of(Groups.PARTNERS, "partner-BETA"));
        Caller vera = Caller.of("vera", List.of(Groups.VENDOR_STAFF));
        certifications.certify("ALFA", vera);
        certifications.certify("BETA", vera);

        ConfigurationAccount account = configurations.createAccount("Альфа-Софт: отраслевые конфигурации", anna);
        configurations.accept(configurations.invite(account.getId(), "BETA", anna).getId(), boris);
        configurations.invite(account.getId(), "GAMMA", anna);
        configurations.addEmployee(account.getId(), "Менеджер по продажам", anna);
        configurations.addEmployee(account.getId(), "Инженер сервиса", anna);
        configurations.addContact(account.getId(), "Тестовый клиент", "client-test@alfa-soft.example", anna);

        Configuration service = configurations.create(account.getId(), draft("Сервисный центр",
                "Прием техники в ремонт, диагностика, согласование с клиентом и выдача.", Category.SERVICE, Industry.SERVICES,
                null, List.of(new EntityDraft("PROCESS", "Ремонт техники"), new EntityDraft("DIRECTORY", "Виды неисправностей"),
                        new EntityDraft("TASK_TEMPLATE", "Заявка на ремонт"))), anna);
        configurations.create(account.getId(), draft("CRM для студии",
                "Лиды, сделки и повторные продажи для небольшой студии дизайна.", Category.SALES, Industry.ANY,
                new BigDecimal("4900"), List.of(new EntityDraft("PROCESS", "Воронка продаж"),
                        new EntityDraft("REPORT", "Продажи по менеджерам"))), anna);
        Configuration store = configurations.create(account.getId(), draft("Склад магазина",
                "Приемка, перемещение и инвентаризация товаров магазина.", Category.FINANCE, Industry.RETAIL,
                new BigDecimal("2500"), List.of(new EntityDraft("DIRECTORY", "Номенклатура"),
                        new EntityDraft("SCRIPT", "Пересчет остатков"))), boris);

        users.as("anna", () -> runtimeService.startProcessInstanceByKey(ConfigurationModerationProcess.KEY,
                ConfigurationModerationProcess.CONFIGURATION_ID.with(service.getId())));
        Task review = taskService.createTaskQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .taskDefinitionKey(ConfigurationModerationProcess.Elements.REVIEW).singleResult();
        users.as("marina", () -> taskService.complete(review.getId(),
                ConfigurationModerationProcess.REVIEW_DECISION.with(ReviewDecision.APPROVE)));
        users.as("boris", () -> runtimeService.startProcessInstanceByKey(ConfigurationModerationProcess.KEY,
                ConfigurationModerationProcess.CONFIGURATION_ID.with(store.getId())));
        Configuration tickets = configurations.create(account.getId(), draft("Учет обращений",
                "Обращения клиентов по телефону и почте: регистрация, сроки, ответственные.", Category.SERVICE, Industry.ANY,
                new BigDecimal("3900"), List.of(new EntityDraft("PROCESS", "Обработка обращений"),
                        new EntityDraft("FILTER", "Просроченные обращения"))), anna);
        users.as("anna", () -> runtimeService.startProcessInstanceByKey(ConfigurationModerationProcess.KEY,
                ConfigurationModerationProcess.CONFIGURATION_ID.with(tickets.getId())));
        Task ticketsReview = taskService.createTaskQuery().processDefinitionKey(ConfigurationModerationProcess.KEY)
                .taskDefinitionKey(ConfigurationModerationProcess.Elements.REVIEW)
                .processVariableValueEquals(ConfigurationModerationProcess.CONFIGURATION_ID.name(), tickets.getId()).singleResult();
        users.as("marina", () -> taskService.complete(ticketsReview.getId(), ConfigurationModerationProcess.REVIEW_COMMENT.putIn(
                ConfigurationModerationProcess.REVIEW_DECISION.with(ReviewDecision.REQUEST_CHANGES),
                "Добавьте скриншот карточки обращения и отчет по срокам ответа.")));
        log.info("Moderation demo data seeded: moderator marina (password = user name), ALFA and BETA certified, ALFA's "
                + "configuration account with BETA a member and GAMMA invited, one configuration in the catalogue, one ready "
                + "to send, one waiting for the moderator, one the moderator returned to ALFA for changes");
    }

    private static ConfigurationDraft draft(String title, String shortDescription, Category category, Industry industry,
                                            BigDecimal price, List<EntityDraft> entities) {
        return new ConfigurationDraft(title, shortDescription, shortDescription + " Готовые шаблоны задач, справочники и "
                + "отчеты; настройка за один день.", category.name(), industry.name(),
                List.of("https://partnerflow.example/screenshots/" + title.hashCode() + ".png"), price == null, price,
                "support@partners.example", entities);
    }
}
