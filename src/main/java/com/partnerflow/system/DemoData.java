package com.partnerflow.system;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.document.FileVariable;
import com.partnerflow.document.Upload;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.partner.Partners;
import com.partnerflow.security.Groups;
import com.partnerflow.reporting.PlannedUser;
import com.partnerflow.reporting.ReportingProcess;
import com.partnerflow.reporting.SignatureRole;
import com.partnerflow.reporting.SubmitApplication;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.subscriber.Subscribers;
import com.partnerflow.transfer.LetterDecision;
import com.partnerflow.transfer.TransferProcess;

/**
 * Demo data for a newcomer (profile {@code demo}, the default of {@code ./mvnw spring-boot:run}):
 * partners, subscribers, one user per role with password = user name, and transfers in flight.
 * Seeded only into an empty database; never in the {@code postgres} profile.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** A one-page PDF, enough for the content check and for a browser to open. */
    static final byte[] DEMO_LETTER = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private final Partners partners;
    private final PartnerService partnerService;
    private final Subscribers subscribers;
    private final SubscriberService subscriberService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Clock clock;

    DemoData(Partners partners, PartnerService partnerService, Subscribers subscribers, SubscriberService subscriberService,
             IdentityService identityService,
             RuntimeService runtimeService, TaskService taskService, Clock clock) {
        this.partners = partners;
        this.partnerService = partnerService;
        this.subscribers = subscribers;
        this.subscriberService = subscriberService;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void seed() {
        if (partners.count() > 0) {
            return;
        }
        Partner alfa = partnerService.register(new Partner("ALFA", "Альфа-Софт", true, new BigDecimal("50"), "alfa@partners.example"));
        Partner beta = partnerService.register(new Partner("BETA", "Бета Консалт", false, new BigDecimal("30"), "beta@partners.example"));
        Partner gamma = partnerService.register(new Partner("GAMMA", "Гамма Учет", false, new BigDecimal("25"), "gamma@partners.example"));

        user("vera", "Вера", "Смирнова", Groups.VENDOR_STAFF);
        user("olga", "Ольга", "Кузнецова", Groups.OPS);
        partnerUser("anna", "Анна", "Петрова", alfa);
        partnerUser("boris", "Борис", "Иванов", beta);
        partnerUser("gleb", "Глеб", "Орлов", gamma);

        subscriber("1001", "ООО «Ромашка»", "7707083893", alfa);
        subscriber("1002", "ИП Сидоров Алексей Викторович", "500100732259", alfa);
        subscriber("1003", "ООО «Вектор»", "7736207543", beta);
        subscriber("1004", "АО «Север»", "7702070139", alfa);
        subscriber("1005", "ООО «Лотос»", "7710140679", gamma);

        clientUser("ivan", "Иван", "Соколов", "1001");
        clientUser("irina", "Ирина", "Белова", "1003");

        startTransfer("boris", "1002", "ИП Сидоров Алексей Викторович", "Переходим к партнеру, который ведет нашу бухгалтерию");
        String forwarded = startTransfer("gleb", "1004", "АО «Север»", "Смена обслуживающей организации по решению директора");
        as("vera", () -> taskService.complete(
                taskService.createTaskQuery().processInstanceId(forwarded).singleResult().getId(),
                TransferProcess.LETTER_DECISION.with(LetterDecision.FORWARD)));
        startApplication("ivan", new SubmitApplication("1001", "ООО «Ромашка»", "7707083893", "770701001", true,
                List.of(new PlannedUser("Соколов Иван Петрович", "ivan@partnerflow.example"),
                        new PlannedUser("Лебедева Мария Андреевна", "maria@romashka.example"),
                        new PlannedUser("Козлов Дмитрий Сергеевич", "dmitry@romashka.example")),
                "Соколов Иван Петрович", List.of(SignatureRole.SIGN, SignatureRole.ENCRYPT, SignatureRole.ADMINISTER)));
        log.info("Demo data seeded: users vera, olga, anna, boris, gleb, ivan, irina (password = user name), admin/admin");
    }

    private void user(String id, String firstName, String lastName, String group) {
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(id);
        user.setEmail(id + "@partnerflow.example");
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }

    private void partnerUser(String id, String firstName, String lastName, Partner partner) {
        user(id, firstName, lastName, Groups.PARTNERS);
        partnerService.addMember(partner.getCode(), id);
    }

    private void clientUser(String id, String firstName, String lastName, String subscriberNumber) {
        user(id, firstName, lastName, Groups.CLIENTS);
        subscriberService.addClientUser(subscriberNumber, id);
    }

    private void startApplication(String userId, SubmitApplication application) {
        VariableMap variables = ReportingProcess.SUBSCRIBER_NUMBER.with(application.subscriberNumber());
        ReportingProcess.ORGANIZATION_NAME.putIn(variables, application.organizationName());
        ReportingProcess.INN.putIn(variables, application.inn());
        ReportingProcess.KPP.putIn(variables, application.kpp());
        ReportingProcess.MULTI_USER_MODE.putIn(variables, application.multiUserMode());
        ReportingProcess.USERS.putIn(variables, application.users());
        ReportingProcess.SIGNATURE_OWNER.putIn(variables, application.signatureOwner());
        ReportingProcess.SIGNATURE_ROLES.putIn(variables, application.signatureRoles());
        as(userId, () -> runtimeService.startProcessInstanceByKey(ReportingProcess.KEY, variables));
    }

    private void subscriber(String number, String name, String inn, Partner partner) {
        subscribers.save(new Subscriber(number, name, inn, SubscriberStatus.ACTIVE, partner, clock.instant()));
    }

    private String startTransfer(String userId, String number, String name, String reason) {
        VariableMap variables = TransferProcess.SUBSCRIBER_NUMBER.with(number);
        TransferProcess.SUBSCRIBER_NAME.putIn(variables, name);
        TransferProcess.REASON.putIn(variables, reason);
        TransferProcess.LETTER_DATE.putIn(variables, LocalDate.now(clock).minusDays(2).toString());
        new FileVariable(TransferProcess.LETTER).putIn(variables, new Upload("письмо-" + number + ".pdf", DEMO_LETTER));
        String[] instanceId = new String[1];
        as(userId, () -> instanceId[0] = runtimeService.startProcessInstanceByKey(TransferProcess.KEY, variables).getId());
        return instanceId[0];
    }

    private void as(String userId, Runnable action) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> group.getId()).toList();
        identityService.setAuthentication(userId, groups);
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
