package com.partnerflow.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.document.DocumentService;
import com.partnerflow.document.StoredDocument;
import com.partnerflow.notification.NotificationService;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * The use cases of a subscriber transfer. Process delegates call one method each; every method is
 * one transaction (the engine's, when called from a delegate), so a request is taken whole or not at all.
 */
@Service
class TransferService {

    private static final String REFUSED = "Запрос не принят";

    private final TransferRequests transfers;
    private final SubscriberService subscribers;
    private final PartnerService partners;
    private final DocumentService documents;
    private final NotificationService notifications;
    private final TransferMails mails;
    private final TransferChecks checks;
    private final Clock clock;

    TransferService(TransferRequests transfers, SubscriberService subscribers, PartnerService partners,
                    DocumentService documents, NotificationService notifications, TransferMails mails,
                    TransferChecks checks, Clock clock) {
        this.transfers = transfers;
        this.subscribers = subscribers;
        this.partners = partners;
        this.documents = documents;
        this.notifications = notifications;
        this.mails = mails;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * Checks a submission and opens the transfer request. The target partner is always the
     * submitter's own partner. Throws {@link BusinessRuleViolation} naming every problem found.
     */
    @Transactional
    TransferRequest submit(SubmitTransfer command, String submitterId) {
        Partner target = partners.partnerOf(submitterId).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Подать запрос на перевод может только сотрудник партнера, а пользователь "
                        + submitterId + " не состоит ни в одном партнере."));
        Problems problems = new Problems();
        LocalDate letterDate = checks.fields(command, true, problems);
        Subscriber subscriber = checks.transferable(command, target, problems);
        RequestedPartner requested = checks.requestedPartner(command, target, problems);
        problems.refuseIfAny(REFUSED);
        if (transfers.findByOpenSubscriberId(subscriber.getId()).isPresent()) {
            throw alreadyOpen(subscriber);
        }
        TransferLetter letter = new TransferLetter(command.subscriberName().strip(), requested, command.reason().strip(),
                letterDate, documents.storeLetter(command.letter(), submitterId));
        try {
            return transfers.saveAndFlush(new TransferRequest(subscriber, target, letter, submitterId, clock.instant()));
        } catch (DataIntegrityViolationException raceLost) {
            // another partner opened a transfer for this subscriber a moment ago: the unique open slot decides
            throw alreadyOpen(subscriber);
        }
    }

    /** Whether the user works for the partner that submitted the request (the new partner). */
    private boolean actsForNewPartner(TransferRequest transfer, String userId) {
        return partners.partnerOf(userId).map(partner -> partner.getId().equals(transfer.getToPartner().getId())).orElse(false);
    }

    private static BusinessRuleViolation alreadyOpen(Subscriber subscriber) {
        return BusinessRuleViolation.conflict("По абоненту " + subscriber.getNumber() + " уже открыт запрос на перевод.");
    }

    @Transactional
    void reviewLetter(long transferId, LetterDecision decision, String comment, String actor) {
        get(transferId).reviewLetter(decision, TransferChecks.comment(comment), actor, clock.instant());
    }

    /** The submitter's correction after the letter was returned: the same checks as a submission. */
    @Transactional
    void correct(long transferId, SubmitTransfer command, String actor) {
        TransferRequest transfer = get(transferId);
        if (!actsForNewPartner(transfer, actor)) {
            throw BusinessRuleViolation.forbidden("Исправить запрос может только сотрудник партнера, подавшего его.");
        }
        boolean newLetter = command.letter() != null && command.letter().content().length > 0;
        Problems problems = new Problems();
        LocalDate letterDate = checks.fields(command, newLetter, problems);
        String number = command.subscriberNumber() == null ? "" : command.subscriberNumber().strip();
        String name = command.subscriberName() == null ? "" : command.subscriberName().strip();
        if (number.matches(Subscriber.NUMBER_PATTERN) && !transfer.getSubscriber().getNumber().equals(number)) {
            problems.add("номер абонента в исправленном запросе нельзя изменить: подайте новый запрос");
        }
        if (!name.isEmpty() && !transfer.getSubscriber().isNamed(name)) {
            problems.add("наименование абонента в письме («" + name + "») не совпадает с наименованием абонента "
                    + transfer.getSubscriber().getNumber());
        }
        RequestedPartner requested = checks.requestedPartner(command, transfer.getToPartner(), problems);
        problems.refuseIfAny(REFUSED);
        TransferLetter corrected = new TransferLetter(command.subscriberName().strip(), requested, command.reason().strip(), letterDate,
                newLetter ? documents.storeLetter(command.letter(), actor) : transfer.getLetter());
        transfer.correct(corrected, actor, clock.instant());
    }

    @Transactional
    void answerAsCurrentPartner(long transferId, PartnerAnswer answer, String comment, String actor) {
        TransferRequest transfer = get(transferId);
        boolean actsForCurrentPartner = partners.partnerOf(actor)
                .map(partner -> partner.getId().equals(transfer.getFromPartner().getId()))
                .orElse(false);
        if (!actsForCurrentPartner) {
            throw BusinessRuleViolation.forbidden("Ответить на запрос может только сотрудник текущего партнера абонента.");
        }
        if (answer == PartnerAnswer.AGREE) {
            checks.refuseIfNoLongerAuthorized(transfer);
        }
        transfer.answerAsCurrentPartner(answer, TransferChecks.comment(comment), actor, clock.instant());
    }

    @Transactional
    void noAnswerFromCurrentPartner(long transferId) {
        get(transferId).noAnswerFromCurrentPartner(clock.instant());
    }

    @Transactional
    void decideAsVendor(long transferId, VendorDecision decision, String comment, String actor) {
        TransferRequest transfer = get(transferId);
        if (decision == VendorDecision.APPROVE) {
            checks.refuseIfNoLongerAuthorized(transfer);
        }
        transfer.decideAsVendor(decision, TransferChecks.comment(comment), actor, clock.instant());
    }

    /**
     * Re-assigns the subscriber with its history and writes both partners' mails, in one transaction;
     * saving the subscriber tells the other features (an open application moves to the new partner).
     */
    @Transactional
    void approve(long transferId) {
        TransferRequest transfer = get(transferId);
        transfer.approve(clock.instant());
        subscribers.update(transfer.getSubscriber());
        notifications.enqueue(TransferMails.topic(transferId), mails.approved(transfer));
    }

    /** Closes a rejected request and writes the submitter's mail with the reason. */
    @Transactional
    void reject(long transferId) {
        TransferRequest transfer = get(transferId);
        transfer.reject(clock.instant());
        notifications.enqueue(TransferMails.topic(transferId), mails.rejected(transfer));
    }

    /**
     * The submitting partner's withdrawal, before any decision; writes the current partner's mail if it was asked.
     * Another partner's request reads as one that does not exist; the current partner may not withdraw it.
     */
    @Transactional
    TransferRequest withdraw(long transferId, Caller caller) {
        TransferRequest transfer = find(transferId, caller);
        if (!actsForNewPartner(transfer, caller.userId())) {
            throw BusinessRuleViolation.forbidden("Отозвать запрос может только сотрудник партнера, подавшего его.");
        }
        if (!transfer.isOpen()) {
            throw BusinessRuleViolation.conflict("Запрос на перевод № " + transferId + " уже закрыт: отзывать нечего.");
        }
        try {
            transfer.withdraw(caller.userId(), clock.instant());
        } catch (IllegalStateException decided) {
            throw BusinessRuleViolation.conflict("По запросу на перевод № " + transferId + " уже принято решение: отозвать его нельзя.");
        }
        notifications.enqueue(TransferMails.topic(transferId), mails.withdrawn(transfer));
        return transfer;
    }

    /** The submitter's withdrawal from the correction form; the current partner was never asked, so nobody is mailed. */
    @Transactional
    void withdrawOnCorrection(long transferId, String actor) {
        TransferRequest transfer = get(transferId);
        if (!actsForNewPartner(transfer, actor)) {
            throw BusinessRuleViolation.forbidden("Отозвать запрос может только сотрудник партнера, подавшего его.");
        }
        transfer.withdraw(actor, clock.instant());
    }

    /** Closes a request whose correction did not come in time and writes the submitter's mail. */
    @Transactional
    void closeUncorrected(long transferId) {
        TransferRequest transfer = get(transferId);
        transfer.closeUncorrected(clock.instant());
        notifications.enqueue(TransferMails.topic(transferId), mails.closedUncorrected(transfer));
    }

    void sendNotifications(long transferId) {
        notifications.dispatch(TransferMails.topic(transferId));
    }

    @Transactional(readOnly = true)
    TransferRequest find(long transferId, Caller caller) {
        TransferRequest transfer = transfers.findById(transferId).filter(t -> isVisible(t, caller))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Запрос на перевод № " + transferId + " не найден."));
        return transfer;
    }

    /**
     * One page of the transfers the caller sees, matching the filters: vendor staff every transfer, a partner's
     * employees those their partner is on either side of, anyone else none.
     */
    @Transactional(readOnly = true)
    Page<TransferRequest> list(Caller caller, TransferFilter filter, Pageable page) {
        if (caller.seesAllPartners()) {
            return withViews(transfers.findIds(null, filter, page));
        }
        return partners.partnerOf(caller.userId())
                .map(partner -> withViews(transfers.findIds(partner.getId(), filter, page)))
                .orElse(Page.empty(page));
    }

    private Page<TransferRequest> withViews(Page<Long> ids) {
        Map<Long, TransferRequest> byId = transfers.findByIdIn(ids.getContent()).stream()
                .collect(Collectors.toMap(TransferRequest::getId, Function.identity()));
        return ids.map(byId::get);
    }

    /** The letter's content, for whoever may see the request. */
    @Transactional(readOnly = true)
    LetterContent letter(long transferId, Caller caller) {
        StoredDocument letter = find(transferId, caller).getLetter();
        return new LetterContent(letter.getFileName(), letter.getMediaType(), letter.getContent());
    }

    /** A letter's bytes, read inside the transaction. */
    record LetterContent(String fileName, String mediaType, byte[] content) {
    }

    /** The request a process step works on. */
    @Transactional(readOnly = true)
    TransferRequest byId(long transferId) {
        return get(transferId);
    }

    private boolean isVisible(TransferRequest transfer, Caller caller) {
        return caller.seesAllPartners()
                || partners.partnerOf(caller.userId()).map(transfer::involves).orElse(false);
    }

    private TransferRequest get(long transferId) {
        return transfers.findById(transferId)
                .orElseThrow(() -> new IllegalStateException("Transfer request " + transferId + " does not exist"));
    }
}
