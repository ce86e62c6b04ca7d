package com.partnerflow.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.partnerflow.document.DocumentService;
import com.partnerflow.partner.ApplicationRestrictions;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.RestrictedApplication;
import com.partnerflow.subscriber.DataArea;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * The checks of a transfer submission and its correction, every one adding to the same {@link Problems} so that the
 * answer names them all: the typed fields, the letter file, the subscriber the letter names and the partner it asks for.
 */
@Component
class TransferChecks {

    static final int MAX_NAME = 255;
    static final int MAX_REASON = 2000;
    /** As long as a partner's code may be. */
    static final int MAX_CODE = 32;

    private final SubscriberService subscribers;
    private final ApplicationRestrictions restrictions;
    private final PartnerService partners;
    private final DocumentService documents;
    private final TransferSettings settings;
    private final Clock clock;

    TransferChecks(SubscriberService subscribers, PartnerService partners, ApplicationRestrictions restrictions,
                   DocumentService documents, TransferSettings settings, Clock clock) {
        this.subscribers = subscribers;
        this.partners = partners;
        this.restrictions = restrictions;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks the typed fields and the letter file into {@code problems}; returns the parsed letter date. */
    LocalDate fields(SubmitTransfer command, boolean letterExpected, Problems problems) {
        String number = command.subscriberNumber() == null ? "" : command.subscriberNumber().strip();
        if (!number.matches(Subscriber.NUMBER_PATTERN)) {
            problems.add("номер абонента должен состоять только из цифр (от 1 до 12)");
        }
        problems.required(command.subscriberName(), "наименование абонента", MAX_NAME);
        problems.required(command.reason(), "причина перехода", MAX_REASON);
        LocalDate letterDate = null;
        boolean dateMissing = command.letterDate() == null || command.letterDate().isBlank();
        try {
            letterDate = dateMissing ? null : LocalDate.parse(command.letterDate().strip());
        } catch (DateTimeParseException e) {
            problems.add("дата письма должна быть датой вида ГГГГ-ММ-ДД");
        }
        LocalDate today = LocalDate.now(clock);
        if (dateMissing) {
            problems.add("не указана дата письма");
        } else if (letterDate != null && letterDate.isAfter(today)) {
            problems.add("дата письма не может быть в будущем");
        } else if (letterDate != null && letterDate.isBefore(today.minus(settings.maxLetterAge()))) {
            problems.add("письмо старше " + settings.maxLetterAge().getDays() + " дней: попросите клиента написать новое");
        }
        if (letterExpected) {
            try {
                documents.checkLetter(command.letter());
            } catch (BusinessRuleViolation letterProblem) {
                problems.add(lowerFirst(letterProblem.getMessage().replaceAll("\\.$", "")));
            }
        }
        return letterDate;
    }

    /**
     * The subscriber the letter names, if another partner serves it and it is active; otherwise a problem. An unknown
     * number and a name that does not match it get one answer: a partner learns nothing of the vendor's subscribers
     * that it cannot name from a client's letter. Its row stays locked until the submission's transaction ends, so a
     * transfer approved meanwhile is waited for and the partner serving it after that is the current partner.
     */
    Subscriber transferable(SubmitTransfer command, Partner target, Problems problems) {
        String number = command.subscriberNumber() == null ? "" : command.subscriberNumber().strip();
        String name = command.subscriberName() == null ? "" : command.subscriberName().strip();
        if (!number.matches(Subscriber.NUMBER_PATTERN) || name.isEmpty() || name.length() > MAX_NAME) {
            return null; // fields(…) named the problem
        }
        Subscriber subscriber = subscribers.lockedByNumber(number).filter(found -> found.isNamed(name)).orElse(null);
        if (subscriber == null) {
            problems.add("абонент с номером " + number + " и наименованием «" + name + "» не найден: проверьте номер и "
                    + "наименование по письму клиента");
        } else if (subscriber.getStatus() == SubscriberStatus.INACTIVE) {
            problems.add("абонент " + number + " неактивен: перевести его нельзя");
        } else if (subscriber.getPartner().getId().equals(target.getId())) {
            problems.add("абонент " + number + " уже обслуживается вашей организацией");
        } else {
            authorizedFor(subscriber, target, "ваша организация", problems);
        }
        return subscriber;
    }

    /** A client whose data areas run an application only listed partners serve moves only to a listed partner (seed 002). */
    private void authorizedFor(Subscriber subscriber, Partner target, String targetName, Problems problems) {
        List<String> applications = subscribers.dataAreasOf(subscriber).stream().map(DataArea::getApplicationName).toList();
        for (RestrictedApplication application : restrictions.notAuthorized(target, applications)) {
            problems.add("клиент работает в программе «" + application.getName() + "», которую обслуживают только партнеры "
                    + "из списка фирмы" + Optional.ofNullable(application.getNote()).map(note -> " (условие фирмы: " + note + ")").orElse("")
                    + ": " + targetName + " в этот список не входит");
        }
    }

    /**
     * The same rule when the current partner agrees or vendor staff approve: the list may have changed since the
     * submission, and a client is never moved to a partner the vendor no longer lists.
     */
    void refuseIfNoLongerAuthorized(TransferRequest transfer) {
        Problems problems = new Problems();
        Partner target = transfer.getToPartner();
        authorizedFor(transfer.getSubscriber(), target, "партнер «" + target.getName() + "»", problems);
        problems.refuseIfAny("Перевести абонента " + transfer.getSubscriber().getNumber() + " нельзя, запрос можно только отклонить");
    }

    /**
     * The partner the letter asks to move to, or null after adding the problems: a name, and a code if the letter gives
     * one. A code must be a partner's, and the submitter's own: a letter asking for another partner is not the submitter's
     * to use. The code is compared in capitals, as partners' codes are written.
     */
    RequestedPartner requestedPartner(SubmitTransfer command, Partner submitter, Problems problems) {
        String name = problems.required(command.requestedPartnerName(), "название партнера в письме", MAX_NAME);
        String typedCode = command.requestedPartnerCode() == null ? null : command.requestedPartnerCode().toUpperCase(Locale.ROOT);
        String code = problems.optional(typedCode, "код партнера в письме", MAX_CODE);
        boolean nameFine = !name.isEmpty() && name.length() <= MAX_NAME;
        if (code == null) {
            return nameFine ? new RequestedPartner(name, null) : null;
        }
        if (code.length() > MAX_CODE) {
            return null; // optional(…) named the problem
        }
        if (!code.equals(submitter.getCode())) {
            problems.add(partners.findByCode(code).isPresent()
                    ? "письмо просит перевести абонента к партнеру с кодом " + code + ", а не к вашей организации (код "
                            + submitter.getCode() + "): по письму, адресованному другому партнеру, подать запрос нельзя"
                    : "партнер с кодом «" + code + "» не найден: укажите код так, как он написан в письме, или оставьте поле "
                            + "пустым, если кода в письме нет");
            return null;
        }
        return nameFine ? new RequestedPartner(name, code) : null;
    }

    /** A decision's comment: stripped, null when blank, refused when longer than the form allows. */
    static String comment(String comment) {
        if (comment != null && comment.strip().length() > MAX_REASON) {
            throw BusinessRuleViolation.invalid("Комментарий длиннее " + MAX_REASON + " символов.");
        }
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
