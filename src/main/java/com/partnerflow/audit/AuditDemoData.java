package com.partnerflow.audit;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.partnerflow.document.Upload;
import com.partnerflow.security.DemoUsers;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.SubscriberService;

/**
 * Extension-audit demo data (profile {@code demo}), after the partners and subscribers of {@code DemoData}:
 * auditor {@code artem} and audit lead {@code lidia}, data areas of the subscribers 1001 and 1003, and one version
 * of ALFA's developer {@code anna} (authorized by {@code DeveloperDemoData}) waiting for the auditor. Only once.
 */
@Component
@Profile("demo")
class AuditDemoData {

    private static final Logger log = LoggerFactory.getLogger(AuditDemoData.class);
    static final String ACCOUNTING = "Бухгалтерия предприятия";

    private final SubscriberService subscribers;
    private final DemoUsers users;
    private final RuntimeService runtimeService;

    AuditDemoData(SubscriberService subscribers, DemoUsers users, RuntimeService runtimeService) {
        this.subscribers = subscribers;
        this.users = users;
        this.runtimeService = runtimeService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    public void seed() {
        if (users.exists("artem") || subscribers.byNumber("1001").isEmpty()) {
            return;
        }
        users.person("artem", "Артем", "Лебедев", Groups.AUDITORS);
        users.person("lidia", "Лидия", "Морозова", Groups.AUDIT_LEADS);
        subscribers.addDataArea("1001", ACCOUNTING, "3.0.150");
        subscribers.addDataArea("1001", "Зарплата и управление персоналом", "3.1.30");
        subscribers.addDataArea("1003", ACCOUNTING, "3.0.150");
        subscribers.addDataArea("1006", "Бухгалтерия предприятия КОРП", "3.0.150"); // restricted: only listed partners take 1006

        VariableMap variables = ExtensionAuditProcess.EXTENSION_NAME.with("Загрузка выписок банка");
        ExtensionAuditProcess.KIND.putIn(variables, ExtensionKind.ADDITIONAL_PROCESSING);
        ExtensionAuditProcess.TARGET_APPLICATION.putIn(variables, ACCOUNTING);
        ExtensionAuditProcess.OWNER.putIn(variables, ExtensionOwner.PARTNER);
        ExtensionAuditProcess.VERSION_NUMBER.putIn(variables, "1.0.0");
        ExtensionAuditProcess.TARGET_APPLICATION_VERSION.putIn(variables, "3.0.150");
        ExtensionAuditProcess.CHANGE_NOTES.putIn(variables, "Первая версия: загрузка выписок из файла банка в формате 1CClientBankExchange.");
        ExtensionAuditProcess.DISTRIBUTION.putIn(variables, Distribution.SEVERAL);
        ExtensionAuditProcess.RECIPIENTS.putIn(variables, "1001, 1004");
        ExtensionAuditProcess.FILE.putIn(variables, new Upload("ЗагрузкаВыписок.epf", DEMO_FILE));
        users.as("anna", () -> runtimeService.startProcessInstanceByKey(ExtensionAuditProcess.KEY, variables));
        log.info("Audit demo data seeded: auditor artem, audit lead lidia (password = user name), "
                + "data areas of 1001 and 1003, one version in audit");
    }

    /** Stands in for an external data processor file: the service checks its name and size, not its content. */
    static final byte[] DEMO_FILE = "1C:Enterprise external data processor (demo)".getBytes(StandardCharsets.UTF_8);
}
