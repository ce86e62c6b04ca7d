package com.partnerflow.partner;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.notification.NotificationService;
import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ListFilters;

/**
 * Requests to change a partner's details (seed 002: the partner cannot change them itself and asks the vendor): the
 * partner's request, vendor staff's decision, the change applied through {@link PartnerService}, the notifications.
 * Each method is one transaction (the engine's, when a process step calls it).
 */
@Service
public class ProfileChangeService {

    static final int MAX_NAME = 255;
    static final int MAX_EMAIL = 255;
    static final int MAX_PHONE = 32;
    static final int MAX_WEBSITE = 200;
    static final int MAX_TEXT = 2000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,31}");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/?#]+\\.[^\\s/?#]+[^\\s]*");

    private final ProfileChanges changes;
    private final PartnerService partners;
    private final NotificationService notifications;
    private final ProfileChangeMails mails;
    private final Clock clock;

    ProfileChangeService(ProfileChanges changes, PartnerService partners, NotificationService notifications, ProfileChangeMails mails,
                         Clock clock) {
        this.changes = changes;
        this.partners = partners;
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * A partner employee asks the vendor to change the partner's details. Every problem of the form at once (422, each
     * also by its field); a second open request of the partner is a conflict (409).
     */
    @Transactional
    ProfileChange request(ProposeProfileChange command, String requester) {
        Partner partner = partners.partnerOf(requester).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Запросить изменение данных партнера может только сотрудник партнера."));
        Map<String, String> problems = new LinkedHashMap<>();
        PartnerDetails current = partner.details();
        String name = changed(current.name(), checked(problems, "name", "Наименование", command.name(), MAX_NAME, null, null));
        String email = changed(current.email(), checked(problems, "email", "Электронная почта", command.email(), MAX_EMAIL, EMAIL,
                "адрес вида info@partner.ru"));
        String phone = changed(current.phone(), checked(problems, "phone", "Телефон", command.phone(), MAX_PHONE, PHONE,
                "цифры, пробелы, скобки и дефисы, например +7 495 123-45-67"));
        String website = changed(current.website(), checked(problems, "website", "Сайт", command.website(), MAX_WEBSITE, WEBSITE,
                "адрес сайта с http:// или https://"));
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) {
            problems.put("reason", "не заполнено поле «Причина изменения»");
        } else if (reason.length() > MAX_TEXT) {
            problems.put("reason", "поле «Причина изменения» длиннее " + MAX_TEXT + " символов (" + reason.length() + ")");
        }
        if (problems.keySet().stream().noneMatch(field -> !field.equals("reason"))
                && name == null && email == null && phone == null && website == null) {
            problems.put("details", "ни одно из полей не отличается от текущих данных партнера: укажите, что изменить");
        }
        if (!problems.isEmpty()) {
            throw new ProfileChangeRefused("Запрос на изменение данных партнера не принят: " + String.join("; ", problems.values()) + ".",
                    problems);
        }
        changes.findOpen(partner.getId()).ifPresent(ProfileChangeService::refuseSecond);
        try {
            return changes.saveAndFlush(ProfileChange.request(partner, new PartnerDetails(name, email, phone, website), reason, requester,
                    clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw BusinessRuleViolation.conflict("У партнера уже есть открытый запрос на изменение данных: дождитесь решения фирмы.");
        }
    }

    /** Vendor staff's answer, recorded from the review task; a refused answer rolls the completion back. */
    @Transactional
    ProfileChange recordDecision(long changeId, ProfileChangeDecision decision, String comment, String vendorUser) {
        ProfileChange change = byId(changeId);
        if (decision == null) {
            throw BusinessRuleViolation.invalid("Выберите решение: изменить данные партнера или отказать.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw BusinessRuleViolation.invalid("Решение не принято: поле «Комментарий» длиннее " + MAX_TEXT + " символов (" + text.length() + ").");
        }
        if (decision == ProfileChangeDecision.APPROVE) {
            change.approve(vendorUser, text, clock.instant());
        } else {
            change.reject(vendorUser, text, clock.instant());
            notifications.enqueue(ProfileChangeMails.topic(changeId), mails.rejected(change));
        }
        return change;
    }

    /** The approved details go into the partner (an asynchronous step: a failure is retried, then an incident). */
    @Transactional
    ProfileChange apply(long changeId) {
        ProfileChange change = byId(changeId);
        Partner partner = change.getPartner();
        partners.changeDetails(partner.getCode(), change.over(partner.details()));
        change.applied(clock.instant());
        notifications.enqueue(ProfileChangeMails.topic(changeId), mails.applied(change));
        return change;
    }

    void sendNotifications(long changeId) {
        notifications.dispatch(ProfileChangeMails.topic(changeId));
    }

    /** One request as the caller may see it: its partner's employees and the vendor's people; else 404. */
    @Transactional(readOnly = true)
    public ProfileChange find(long changeId, Caller caller) {
        return changes.findById(changeId).filter(change -> visible(change, caller))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Запрос на изменение данных партнера № " + changeId + " не найден."));
    }

    /** One page of the requests a partner's employees see (their partner's) or the vendor's people (every partner's). */
    @Transactional(readOnly = true)
    Page<ProfileChange> list(Caller caller, ProfileChangeFilter filter, Pageable page) {
        boolean all = caller.seesAllPartners();
        Partner own = all ? null : partners.partnerOf(caller.userId()).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Запросы на изменение данных партнера видят сотрудники партнера и сотрудники фирмы."));
        return changes.findVisible(all, own, filter.status(), ListFilters.text(filter.partner()), ListFilters.since(filter.updatedSince()), page);
    }

    /** The partner's open request, if it has one (its profile names it). */
    @Transactional(readOnly = true)
    Optional<ProfileChange> openOf(Partner partner) {
        return changes.findOpen(partner.getId());
    }

    @Transactional(readOnly = true)
    ProfileChange byId(long changeId) {
        return changes.findById(changeId).orElseThrow(() -> new IllegalStateException("No profile change " + changeId));
    }

    private boolean visible(ProfileChange change, Caller caller) {
        return caller.seesAllPartners()
                || partners.partnerOf(caller.userId()).map(own -> own.getId().equals(change.getPartner().getId())).orElse(false);
    }

    /** The stripped value, or null when empty; a problem under {@code field} when too long or not of its form. */
    private static String checked(Map<String, String> problems, String field, String label, String value, int max, Pattern form,
                                  String expected) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            problems.put(field, "поле «" + label + "» длиннее " + max + " символов (" + text.length() + ")");
        } else if (form != null && !form.matcher(text).matches()) {
            problems.put(field, "поле «" + label + "»: нужен " + expected);
        }
        return text;
    }

    /** The new value, or null when it keeps the current one. */
    private static String changed(String current, String asked) {
        return asked == null || Objects.equals(current, asked) ? null : asked;
    }

    private static void refuseSecond(ProfileChange open) {
        throw BusinessRuleViolation.conflict("У партнера уже есть открытый запрос на изменение данных (№ " + open.getId() + ", "
                + open.getStatus().label().toLowerCase(java.util.Locale.ROOT) + "): дождитесь решения фирмы.");
    }
}
