package com.partnerflow.developer;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.notification.NotificationService;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ListFilters;
import com.partnerflow.system.Problems;

/**
 * Developer authorizations: a partner's request for one of its employees, vendor staff's decision, the withdrawal, the
 * notifications, and who is an authorized developer now (what the extension audit asks). Each method is one
 * transaction (the engine's, when a process step calls it).
 */
@Service
public class DeveloperAuthorizationService {

    static final int MAX_TEXT = 2000;

    private final DeveloperAuthorizations authorizations;
    private final PartnerService partners;
    private final NotificationService notifications;
    private final DeveloperMails mails;
    private final Clock clock;

    DeveloperAuthorizationService(DeveloperAuthorizations authorizations, PartnerService partners, NotificationService notifications,
                                  DeveloperMails mails, Clock clock) {
        this.authorizations = authorizations;
        this.partners = partners;
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * A partner employee asks the vendor to authorize an employee of the same partner (itself included). Every problem
     * of the form at once (422); an employee of another partner reads like one that does not exist (404); a second open
     * request or an active authorization of the employee is a conflict (409).
     */
    @Transactional
    DeveloperAuthorization request(RequestAuthorization command, String requester) {
        Partner partner = partners.partnerOf(requester).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Запросить авторизацию разработчика может только сотрудник партнера."));
        Problems problems = new Problems();
        String developer = problems.required(command.developer(), "Сотрудник (логин)", 64);
        List<Application> requested = command.applications() == null ? List.of() : command.applications();
        if (requested.isEmpty()) {
            problems.add("не выбрано ни одного приложения");
        }
        String reason = problems.required(command.reason(), "Зачем нужна авторизация", MAX_TEXT);
        problems.refuseIfAny("Запрос на авторизацию разработчика не принят");
        boolean colleague = partners.partnerOf(developer).map(found -> found.getId().equals(partner.getId())).orElse(false);
        if (!colleague) {
            throw BusinessRuleViolation.notFound("Сотрудник «" + developer + "» не найден среди сотрудников партнера «"
                    + partner.getName() + "».");
        }
        authorizations.findOpen(developer).ifPresent(DeveloperAuthorizationService::refuseSecond);
        Set<Application> applications = EnumSet.copyOf(requested);
        try {
            return authorizations.saveAndFlush(DeveloperAuthorization.request(partner, developer, applications, reason, requester,
                    clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw BusinessRuleViolation.conflict("Для сотрудника «" + developer + "» уже есть открытый запрос на авторизацию.");
        }
    }

    /** Vendor staff's answer, recorded from the review task; a refused answer rolls the completion back. */
    @Transactional
    DeveloperAuthorization recordDecision(long authorizationId, AuthorizationDecision decision, String comment, String vendorUser) {
        DeveloperAuthorization authorization = byId(authorizationId);
        if (decision == null) {
            throw BusinessRuleViolation.invalid("Выберите решение: авторизовать сотрудника или отказать.");
        }
        Problems problems = new Problems();
        String text = problems.optional(comment, "Комментарий", MAX_TEXT);
        problems.refuseIfAny("Решение не принято");
        if (decision == AuthorizationDecision.APPROVE) {
            authorization.approve(vendorUser, text, clock.instant());
            notifications.enqueue(DeveloperMails.topic(authorizationId), mails.approved(authorization));
        } else {
            authorization.reject(vendorUser, text, clock.instant());
            notifications.enqueue(DeveloperMails.topic(authorizationId), mails.rejected(authorization));
        }
        return authorization;
    }

    /** Vendor staff withdraw an active authorization with a reason; the partner is mailed by the process. */
    @Transactional
    DeveloperAuthorization withdraw(long authorizationId, String reason, Caller caller) {
        if (!caller.managesPartners()) {
            throw BusinessRuleViolation.forbidden("Отозвать авторизацию разработчика могут только сотрудники фирмы.");
        }
        DeveloperAuthorization authorization = find(authorizationId, caller);
        Problems problems = new Problems();
        String text = problems.required(reason, "Причина отзыва", MAX_TEXT);
        problems.refuseIfAny("Авторизация не отозвана");
        authorization.withdraw(caller.userId(), text, clock.instant());
        notifications.enqueue(DeveloperMails.topic(authorizationId), mails.withdrawn(authorization));
        return authorization;
    }

    void sendNotifications(long authorizationId) {
        notifications.dispatch(DeveloperMails.topic(authorizationId));
    }

    /** The partner the user develops extensions for, if the vendor's authorization of the user is in force now. */
    @Transactional(readOnly = true)
    public Optional<Partner> developerPartnerOf(String userId) {
        return authorizations.findOpen(userId).filter(authorization -> authorization.isActiveAt(clock.instant()))
                .map(DeveloperAuthorization::getPartner);
    }

    /**
     * Why the user may not develop for the program an extension names, or empty when its active authorization covers it:
     * an authorization is for the applications the vendor approved, not for every program of the service.
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNotFor(String userId, String targetApplication) {
        Set<Application> authorized = authorizations.findOpen(userId).filter(authorization -> authorization.isActiveAt(clock.instant()))
                .map(DeveloperAuthorization::getApplications).orElse(Set.of());
        Optional<Application> application = Application.of(targetApplication);
        if (application.isEmpty()) {
            return Optional.of("программа «" + targetApplication + "» не из списка приложений сервиса: укажите одно из "
                    + Arrays.stream(Application.values()).map(Application::label).collect(Collectors.joining(", ")));
        }
        if (!authorized.contains(application.get())) {
            return Optional.of("вы авторизованы как разработчик для " + authorized.stream().map(Application::label)
                    .collect(Collectors.joining(", ")) + ", а для «" + application.get().label()
                    + "» — нет: запросите у фирмы авторизацию для этого приложения");
        }
        return Optional.empty();
    }

    /** One authorization as the caller may see it: its partner's employees and the vendor's people; else 404. */
    @Transactional(readOnly = true)
    DeveloperAuthorization find(long authorizationId, Caller caller) {
        return authorizations.findById(authorizationId).filter(authorization -> visible(authorization, caller))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Запрос на авторизацию разработчика " + authorizationId + " не найден."));
    }

    /**
     * One page of the authorizations a partner's employees see (their partner's) or the vendor's people (every partner's),
     * filtered by status, partner code, employee and time of change.
     */
    @Transactional(readOnly = true)
    Page<DeveloperAuthorization> list(Caller caller, AuthorizationFilter filter, Pageable page) {
        boolean all = caller.seesAllPartners();
        Partner own = all ? null : partners.partnerOf(caller.userId()).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Авторизации разработчиков видят сотрудники партнера и сотрудники фирмы."));
        return authorizations.findVisible(all, own, filter.status(), ListFilters.text(filter.partner()),
                ListFilters.text(filter.developer()), ListFilters.since(filter.updatedSince()), page);
    }

    @Transactional(readOnly = true)
    DeveloperAuthorization byId(long authorizationId) {
        return authorizations.findById(authorizationId)
                .orElseThrow(() -> new IllegalStateException("No developer authorization " + authorizationId));
    }

    private boolean visible(DeveloperAuthorization authorization, Caller caller) {
        return caller.seesAllPartners()
                || partners.partnerOf(caller.userId()).map(own -> own.getId().equals(authorization.getPartner().getId())).orElse(false);
    }

    private static void refuseSecond(DeveloperAuthorization open) {
        throw BusinessRuleViolation.conflict(open.getStatus() == AuthorizationStatus.ACTIVE
                ? "Сотрудник «" + open.getDeveloper() + "» уже авторизован как разработчик (запрос " + open.getId() + ")."
                : "Для сотрудника «" + open.getDeveloper() + "» уже есть открытый запрос на авторизацию (запрос " + open.getId() + ").");
    }
}
