package com.partnerflow.reporting;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.partnerflow.security.DemoUsers;

/**
 * Reporting demo data (profile {@code demo}), after the subscribers: ivan's application for 1001 (three users, multi-user
 * mode) waits for ALFA (anna). Submitted as ivan, so the start listener checks it as any application. Only once.
 */
@Component
@Profile("demo")
class ReportingDemoData {

    private static final Logger log = LoggerFactory.getLogger(ReportingDemoData.class);

    private final ReportingApplications applications;
    private final RuntimeService runtimeService;
    private final DemoUsers users;

    ReportingDemoData(ReportingApplications applications, RuntimeService runtimeService, DemoUsers users) {
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(13)
    public void seed() {
        if (applications.count() > 0 || !users.exists("ivan")) {
            return;
        }
        VariableMap variables = ReportingProcess.SUBSCRIBER_NUMBER.with("1001");
        ReportingProcess.ORGANIZATION_NAME.putIn(variables, "ООО «Ромашка»");
        ReportingProcess.INN.putIn(variables, "7707083893");
        ReportingProcess.KPP.putIn(variables, "770701001");
        ReportingProcess.MULTI_USER_MODE.putIn(variables, true);
        ReportingProcess.USERS.putIn(variables, List.of(new PlannedUser("Соколов Иван Петрович", "ivan@partnerflow.example"),
                new PlannedUser("Лебедева Мария Андреевна", "maria@romashka.example"),
                new PlannedUser("Козлов Дмитрий Сергеевич", "dmitry@romashka.example")));
        ReportingProcess.SIGNATURE_OWNER.putIn(variables, "Соколов Иван Петрович");
        ReportingProcess.SIGNATURE_ROLES.putIn(variables, List.of(SignatureRole.SIGN, SignatureRole.ENCRYPT, SignatureRole.ADMINISTER));
        users.as("ivan", () -> runtimeService.startProcessInstanceByKey(ReportingProcess.KEY, variables));
        log.info("Reporting demo data seeded: ivan's application for 1001 waits for ALFA");
    }
}
