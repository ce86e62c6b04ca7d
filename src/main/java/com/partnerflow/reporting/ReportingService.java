package com.partnerflow.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.billing.BillableItem;
import com.partnerflow.billing.BillingService;
import com.partnerflow.notification.NotificationService;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ListFilters;
import com.partnerflow.system.Problems;

/**
 * The use cases of a reporting-extension application (seed 001). Each method is one transaction
 * (the engine's, when a process step calls it), so an application is taken whole or not at all.
 */
@Service
class ReportingService {

    static final int MAX_TEXT = 255;
    static final int MAX_REASON = 2000;
    static final int MAX_USERS = 1000;
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final ReportingApplications applications;
    private final SubscriberService subscribers;
    private final PartnerService partners;
    private final BillingService billing;
    private final NotificationService notifications;
    private final ReportingMails mails;
    private final Clock clock;

    ReportingService(ReportingApplications applications, SubscriberService subscribers, PartnerService partners,
                     BillingService billing, NotificationService notifications, ReportingMails mails, Clock clock) {
        this.applications = applications;
        this.subscribers = subscribers;
        this.partners = partners;
        this.billing = billing;
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Checks an application and opens it. The submitter is a client user of the subscriber or works
     * for its servicing partner; any other subscriber reads as unknown. Throws
     * {@link BusinessRuleViolation} naming every problem found.
     */
    @Transactional
    ReportingApplication submit(SubmitApplication command, String submitter) {
        Problems problems = new Problems();
        String number = strip(command.subscriberNumber());
        // a subscriber the submitter does not act for reads as unknown, so nobody can probe which numbers exist
        Subscriber subscriber = subscribers.byNumber(number.matches(Subscriber.NUMBER_PATTERN) ? number : "")
                .filter(found -> subscribers.isClientUser(submitter, found) || subscribers.isServicingPartnerUser(submitter, found))
                .orElse(null);
        if (subscriber == null) {
            problems.add(number.isEmpty() ? "не указан номер абонента" : "абонент с номером " + number
                    + " не найден среди абонентов, от имени которых вы можете подать заявление");
        } else {
            subscriber.whyNotWorking().ifPresent(problems::add);
        }
        ReportingApplication.Organization organization = checkOrganization(command, subscriber, problems);
        List<PlannedUser> users = checkUsers(command.users(), problems);
        String owner = problems.required(command.signatureOwner(), "ФИО владельца КЭП", MAX_TEXT);
        if (command.signatureRoles().isEmpty()) {
            problems.add("укажите хотя бы одну роль владельца КЭП: подписание, шифрование или администрирование");
        }
        problems.refuseIfAny("Заявление не принято");
        if (applications.findByOpenSubscriber(subscriber).isPresent()) {
            throw alreadyOpen(subscriber);
        }
        try {
            return applications.saveAndFlush(new ReportingApplication(subscriber, organization, command.multiUserMode(),
                    users, owner, EnumSet.copyOf(command.signatureRoles()), submitter, clock.instant()));
        } catch (DataIntegrityViolationException raceLost) {
            throw alreadyOpen(subscriber);
        }
    }

    /**
     * Records what the decision table picked for the client's request. Multi-user mode for fewer than
     * two users is refused: the start is rolled back and the submitter reads why in the form.
     */
    @Transactional
    MultiUserTier recordRequestedTier(long applicationId, TierRule rule) {
        if (rule == TierRule.TOO_FEW_USERS) {
            throw BusinessRuleViolation.invalid("Заявление не принято: для многопользовательского режима укажите "
                    + "не меньше двух пользователей или выключите режим.");
        }
        ReportingApplication application = get(applicationId);
        application.requestTier(rule);
        return application.getRequestedTier();
    }

    /** Whether the partner approved: the gateway after the partner's task routes on this, never on a variable. */
    @Transactional(readOnly = true)
    boolean isApproved(long applicationId) {
        return get(applicationId).getStatus() == ApplicationStatus.APPROVED;
    }

    /** Candidate group of the partner serving the subscriber now: re-read when the task is created, so a transfer in between counts. */
    @Transactional(readOnly = true)
    String servicingPartnerGroup(long applicationId) {
        return get(applicationId).getSubscriber().getPartner().group();
    }

    /**
     * The servicing partner's decision. The partner may switch multi-user mode on or off and set the
     * tier, but never add or change users, whatever the form sends.
     */
    @Transactional
    ReportingApplication decide(long applicationId, PartnerDecision decision, String actor) {
        ReportingApplication application = get(applicationId);
        Partner partner = partners.partnerOf(actor)
                .filter(candidate -> candidate.getId().equals(application.getSubscriber().getPartner().getId()))
                .orElseThrow(() -> BusinessRuleViolation.forbidden(
                        "Обработать заявление может только сотрудник партнера, который обслуживает абонента."));
        if (decision.decision() == null) {
            throw BusinessRuleViolation.invalid("Выберите решение по заявлению.");
        }
        if (decision.usersAsSent() != null && !normalized(decision.usersAsSent()).equals(application.getUsers())) {
            throw BusinessRuleViolation.forbidden("Партнер не может добавлять или изменять пользователей в заявлении клиента.");
        }
        String reason = decision.rejectionReason() == null || decision.rejectionReason().isBlank()
                ? null : decision.rejectionReason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            throw BusinessRuleViolation.invalid("Причина длиннее " + MAX_REASON + " символов.");
        }
        if (decision.decision() == ApplicationDecision.REJECT && reason == null) {
            throw BusinessRuleViolation.invalid("Укажите причину отказа.");
        }
        if (decision.decision() == ApplicationDecision.APPROVE && decision.multiUserMode() && decision.tier() == null) {
            throw BusinessRuleViolation.invalid("Выберите вид расширения: «от 2 до 9» или «10 и более».");
        }
        if (decision.decision() == ApplicationDecision.APPROVE) {
            application.getSubscriber().whyNotWorking().ifPresent(why -> {
                throw BusinessRuleViolation.invalid("Одобрить заявление нельзя: " + why + ". Отклоните его или дождитесь, "
                        + "пока фирма вернет абоненту статус «Активен».");
            });
        }
        int planned = application.getUsers().size();
        if (decision.decision() == ApplicationDecision.APPROVE && decision.multiUserMode() && planned < 2) {
            // the same rule as for the client's submission: whoever decides, the mode needs two users
            throw BusinessRuleViolation.invalid("Многопользовательский режим нужен не меньше чем для двух пользователей, а в "
                    + "заявлении их " + planned + ": выключите режим или отклоните заявление.");
        }
        application.decide(decision.decision(), decision.multiUserMode(), decision.tier(), reason, partner, actor,
                clock.instant());
        if (decision.decision() == ApplicationDecision.REJECT) {
            notifications.enqueue(ReportingMails.topic(applicationId), mails.rejected(application));
        }
        return application;
    }

    /**
     * Shows the product on the organization card and, with multi-user mode on, records this month's
     * license charge at the deciding partner's sublicense discount (promotions never apply: see
     * {@link BillableItem}); writes the client's and the partner's mails. One transaction.
     */
    @Transactional
    void enable(long applicationId) {
        ReportingApplication application = get(applicationId);
        application.markEnabled();
        subscribers.applyReportingMultiUserMode(application.getSubscriber(), application.getTier(), applicationId);
        if (application.getTier() != null) {
            BillableItem item = billableItem(application.getTier());
            billing.recordLicenseCharge(application.getDecidedByPartner(), application.getSubscriber(), item,
                    chargeSource(application.getSubscriber(), item));
        }
        notifications.enqueue(ReportingMails.topic(applicationId), mails.enabled(application));
    }

    /**
     * One license per subscriber, tier and month: a second application approved in the same month (the
     * same mode again) finds the first charge instead of charging twice.
     */
    String chargeSource(Subscriber subscriber, BillableItem item) {
        return "reporting-multi-user:" + subscriber.getNumber() + ":" + item + ":" + YearMonth.now(clock);
    }

    static BillableItem billableItem(MultiUserTier tier) {
        return switch (tier) {
            case TWO_TO_NINE -> BillableItem.REPORTING_MULTI_USER_2_9;
            case TEN_OR_MORE -> BillableItem.REPORTING_MULTI_USER_10_PLUS;
        };
    }

    void sendNotifications(long applicationId) {
        notifications.dispatch(ReportingMails.topic(applicationId));
    }

    @Transactional(readOnly = true)
    ReportingApplication find(long applicationId, Caller caller) {
        return applications.findById(applicationId).filter(application -> isVisible(application, caller))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Заявление № " + applicationId + " не найдено."));
    }

    /** One page of the applications the caller sees (as {@link #find} would show each), matching the filters. */
    @Transactional(readOnly = true)
    Page<ReportingApplication> list(Caller caller, ApplicationStatus status, String subscriber, Instant updatedSince,
                                    Pageable page) {
        return applications.findVisible(caller.seesAllPartners(), caller.userId(), partners.partnerOf(caller.userId()).orElse(null),
                status, subscriber, ListFilters.since(updatedSince), page);
    }

    /** The subscriber's application that is still open, if any. */
    @Transactional(readOnly = true)
    java.util.Optional<Long> openApplicationOf(String subscriberNumber) {
        return subscribers.byNumber(subscriberNumber).flatMap(applications::findByOpenSubscriber).map(ReportingApplication::getId);
    }

    /** Every application of the subscriber, open or decided, oldest first. */
    @Transactional(readOnly = true)
    List<Long> idsOf(String subscriberNumber) {
        return applications.findIdsBySubscriberNumber(subscriberNumber);
    }

    /** The application a process step works on. */
    @Transactional(readOnly = true)
    ReportingApplication byId(long applicationId) {
        return get(applicationId);
    }

    private boolean isVisible(ReportingApplication application, Caller caller) {
        Subscriber subscriber = application.getSubscriber();
        return caller.seesAllPartners()
                || subscribers.isClientUser(caller.userId(), subscriber)
                || subscribers.isServicingPartnerUser(caller.userId(), subscriber)
                || partners.partnerOf(caller.userId())
                        .map(partner -> application.getDecidedByPartner() != null
                                && partner.getId().equals(application.getDecidedByPartner().getId()))
                        .orElse(false);
    }

    private ReportingApplication get(long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new IllegalStateException("Reporting application " + applicationId + " does not exist"));
    }

    private static BusinessRuleViolation alreadyOpen(Subscriber subscriber) {
        return BusinessRuleViolation.conflict("По абоненту " + subscriber.getNumber() + " уже есть заявление в обработке.");
    }

    private static ReportingApplication.Organization checkOrganization(SubmitApplication command, Subscriber subscriber,
                                                                       Problems problems) {
        String name = problems.required(command.organizationName(), "наименование организации", MAX_TEXT);
        String inn = strip(command.inn());
        String kpp = strip(command.kpp()).toUpperCase(java.util.Locale.ROOT);
        if (!TaxNumbers.isValidInn(inn)) {
            problems.add(inn.matches("\\d{10}|\\d{12}")
                    ? "ИНН " + inn + " не проходит проверку контрольных цифр"
                    : "ИНН должен состоять из 10 цифр (организация) или 12 цифр (индивидуальный предприниматель)");
        } else if (subscriber != null && subscriber.getInn() != null && !subscriber.getInn().equals(inn)) {
            problems.add("ИНН " + inn + " не совпадает с ИНН абонента " + subscriber.getNumber());
        }
        if (inn.length() == 12 && !kpp.isEmpty()) {
            problems.add("у индивидуального предпринимателя нет КПП: оставьте поле пустым");
        } else if (inn.length() != 12 && kpp.isEmpty()) {
            problems.add("для организации укажите КПП");
        } else if (!kpp.isEmpty() && !TaxNumbers.isValidKpp(kpp)) {
            problems.add("КПП должен состоять из 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры");
        }
        return new ReportingApplication.Organization(name, inn, kpp.isEmpty() ? null : kpp);
    }

    private static List<PlannedUser> checkUsers(List<PlannedUser> users, Problems problems) {
        if (users.size() > MAX_USERS) {
            problems.add("в заявлении больше " + MAX_USERS + " пользователей");
            return List.of();
        }
        List<PlannedUser> normalized = normalized(users);
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < normalized.size(); i++) {
            PlannedUser user = normalized.get(i);
            String row = "пользователь " + (i + 1) + ": ";
            if (user.name() == null || user.name().isEmpty()) {
                problems.add(row + "не указаны фамилия, имя, отчество");
            } else if (user.name().length() > MAX_TEXT) {
                problems.add(row + "ФИО длиннее " + MAX_TEXT + " символов");
            }
            if (user.email() == null || !user.email().matches(EMAIL) || user.email().length() > MAX_TEXT) {
                problems.add(row + "укажите адрес электронной почты вида name@example.ru");
            } else if (!emails.add(user.email())) {
                problems.add(row + "адрес " + user.email() + " указан дважды");
            }
        }
        return normalized;
    }

    private static List<PlannedUser> normalized(List<PlannedUser> users) {
        return users.stream().map(PlannedUser::normalized).toList();
    }


    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
