package com.partnerflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.developer.Application;
import com.partnerflow.developer.AuthorizationDecision;
import com.partnerflow.developer.DeveloperAuthorizationProcess;
import com.partnerflow.partner.PartnerProfileChangeProcess;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerCertifications;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.DataArea;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.subscriber.Subscribers;

/**
 * Fresh partners, users and subscribers for one test, so tests sharing the Spring context never
 * see each other's data. Users get password = user name, like the demo users.
 */
@TestComponent
public class TestData {

    /** Starts above the demo data's numbers; unique per JVM. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(50_000 + (int) (System.nanoTime() % 10_000));

    private final PartnerService partners;
    private final PartnerCertifications certifications;
    private final Subscribers subscribers;
    private final IdentityService identityService;
    private final SubscriberService subscriberService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private String vendorStaff;

    public TestData(PartnerService partners, PartnerCertifications certifications, Subscribers subscribers,
                    IdentityService identityService, SubscriberService subscriberService, RuntimeService runtimeService,
                    TaskService taskService, ManagementService managementService) {
        this.partners = partners;
        this.certifications = certifications;
        this.subscribers = subscribers;
        this.identityService = identityService;
        this.subscriberService = subscriberService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    /** A certified partner (seed 000: it may send configurations to the catalogue), as the demo's ALFA and BETA. */
    public Partner partner() {
        return certifications.certify(uncertifiedPartner().getCode(), Caller.of("test-data", List.of(Groups.VENDOR_STAFF)));
    }

    /** A partner the vendor has not certified: it may not send configurations to moderation. */
    public Partner uncertifiedPartner() {
        int n = SEQUENCE.incrementAndGet();
        return partners.register(new Partner("P" + n, "Партнер " + n, false, new BigDecimal("30"), "p" + n + "@partners.test"));
    }

    /** A new user of the partner, member of {@code partners} and {@code partner-<CODE>}. */
    public String partnerUser(Partner partner) {
        String userId = user(Groups.PARTNERS);
        partners.addMember(partner.getCode(), userId);
        return userId;
    }

    /** A new employee of the partner who administers its team: also in {@code partneradmins-<CODE>} (ADR 0047). */
    public String partnerAdministrator(Partner partner) {
        String userId = partnerUser(partner);
        identityService.createMembership(userId, Partner.administratorsGroupOf(partner.getCode()));
        return userId;
    }

    /**
     * A new employee of the partner whom the vendor authorized to develop extensions: the employee's request through the
     * developer-authorization process, approved by vendor staff.
     */
    public String developer(Partner partner) {
        String userId = partnerUser(partner);
        authorizeDeveloper(userId);
        return userId;
    }

    /** Authorizes an employee through the process: the employee asks, a vendor staff member approves. Answers the id. */
    public long authorizeDeveloper(String userId) {
        long id = requestDeveloperAuthorization(userId, userId);
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processDefinitionKey(DeveloperAuthorizationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult();
        as(vendorStaff(), () -> taskService.complete(task.getId(), DeveloperAuthorizationProcess.DECISION.with(AuthorizationDecision.APPROVE)));
        // active once the approval's asynchronous steps have run and the instance waits for a withdrawal (ADR 0034); a
        // withdrawal sent while the job executor still moves the instance is a concurrent change (409), not what tests mean
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).count() == 0);
        return id;
    }

    /** {@code requester} asks the vendor to authorize {@code developer} for 1С:Бухгалтерия 8; answers the request's id. */
    public long requestDeveloperAuthorization(String requester, String developer) {
        VariableMap variables = DeveloperAuthorizationProcess.DEVELOPER.with(developer);
        DeveloperAuthorizationProcess.APPLICATIONS.putIn(variables, List.of(Application.ACCOUNTING));
        DeveloperAuthorizationProcess.REASON.putIn(variables, "Доработки для клиентов партнера");
        String[] businessKey = new String[1];
        as(requester, () -> businessKey[0] = runtimeService.startProcessInstanceByKey(DeveloperAuthorizationProcess.KEY, variables)
                .getBusinessKey());
        return Long.parseLong(businessKey[0]);
    }

    /**
     * {@code requester} asks the vendor to change its partner's phone (a new one each time) through the
     * partner-profile-change process; answers the request's id. One open request per partner: use a fresh partner's user.
     */
    public long requestProfileChange(String requester) {
        VariableMap variables = PartnerProfileChangeProcess.PHONE.with("+7 900 " + String.format("%03d-%02d-%02d",
                SEQUENCE.incrementAndGet() % 1000, SEQUENCE.get() % 100, 7));
        PartnerProfileChangeProcess.REASON.putIn(variables, "Новый номер офиса");
        String[] businessKey = new String[1];
        as(requester, () -> businessKey[0] = runtimeService.startProcessInstanceByKey(PartnerProfileChangeProcess.KEY, variables)
                .getBusinessKey());
        return Long.parseLong(businessKey[0]);
    }

    private synchronized String vendorStaff() {
        if (vendorStaff == null) {
            vendorStaff = user(Groups.VENDOR_STAFF);
        }
        return vendorStaff;
    }

    private void as(String userId, Runnable action) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A new data area of the subscriber running the application, version 3.0.150. */
    public DataArea dataArea(Subscriber subscriber, String applicationName) {
        return subscriberService.addDataArea(subscriber.getNumber(), applicationName, "3.0.150");
    }

    /** The Camunda group of the partner the user works for. */
    public String partnerGroupOf(String userId) {
        return partners.partnerOf(userId).orElseThrow().group();
    }

    public String user(String group) {
        String userId = "u" + SEQUENCE.incrementAndGet();
        User user = identityService.newUser(userId);
        user.setFirstName("Тест");
        user.setLastName(userId);
        user.setPassword(userId);
        user.setEmail(userId + "@users.test");
        identityService.saveUser(user);
        identityService.createMembership(userId, group);
        return userId;
    }

    /** A new client user of the subscriber: member of {@code clients} and {@code client-<NUMBER>}, e-mail {@code <id>@users.test}. */
    public String clientUser(Subscriber subscriber) {
        String userId = user(Groups.CLIENTS);
        subscriberService.addClientUser(subscriber.getNumber(), userId);
        return userId;
    }

    /** A legal entity with INN 7707083893 (KPP 770701001 fits it). */
    @Transactional
    public Subscriber subscriber(Partner servedBy) {
        return subscriber(servedBy, "7707083893");
    }

    /** A subscriber with the given INN: 10 digits for a legal entity, 12 for an individual entrepreneur. */
    @Transactional
    public Subscriber subscriber(Partner servedBy, String inn) {
        String number = String.valueOf(SEQUENCE.incrementAndGet());
        return subscribers.save(new Subscriber(number, "ООО «Клиент " + number + "»", inn,
                SubscriberStatus.ACTIVE, servedBy, Instant.now()));
    }
}
