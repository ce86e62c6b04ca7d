package com.partnerflow.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnerflow.document.StoredDocument;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberStatus;
import com.partnerflow.transfer.TransferEvent.Step;

/**
 * A new partner's request to take over a subscriber on the strength of the client's signed letter
 * (seed 002, «Для перевода к другому партнеру…»). The request guards its own life cycle: every
 * method checks the status it may be called in and records who did what in the history.
 */
@Entity
@Table(name = "transfer_request")
public class TransferRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    /** Set while the request is open; a unique index allows one open transfer per subscriber. */
    @Column(name = "open_subscriber_id", unique = true)
    private Long openSubscriberId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "from_partner_id")
    private Partner fromPartner;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "to_partner_id")
    private Partner toPartner;

    @Column(name = "subscriber_name_in_letter", nullable = false)
    private String subscriberNameInLetter;

    /** The partner the letter asks to move to; null on requests submitted before the letter's partner was asked for. */
    @Column(name = "requested_partner_name")
    private String requestedPartnerName;

    /** That partner's code, when the letter gives one. */
    @Column(name = "requested_partner_code", length = 32)
    private String requestedPartnerCode;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "letter_date", nullable = false)
    private LocalDate letterDate;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "letter_id")
    private StoredDocument letter;

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TransferStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "transfer_event", joinColumns = @JoinColumn(name = "transfer_id"))
    @OrderColumn(name = "position")
    private List<TransferEvent> history = new ArrayList<>();

    @Version
    private long version;

    protected TransferRequest() {
    }

    TransferRequest(Subscriber subscriber, Partner toPartner, TransferLetter letter, String submittedBy, Instant at) {
        this.subscriber = subscriber;
        this.openSubscriberId = subscriber.getId();
        this.fromPartner = subscriber.getPartner();
        this.toPartner = toPartner;
        this.submittedBy = submittedBy;
        this.createdAt = at;
        apply(letter);
        record(Step.SUBMITTED, null, submittedBy, at, TransferStatus.LETTER_REVIEW);
    }

    void reviewLetter(LetterDecision decision, String comment, String actor, Instant at) {
        expect(TransferStatus.LETTER_REVIEW);
        expectLastStep(Step.SUBMITTED, Step.CORRECTED);
        switch (decision) {
            case FORWARD -> record(Step.LETTER_FORWARDED, comment, actor, at, TransferStatus.AWAITING_CURRENT_PARTNER);
            case RETURN -> record(Step.LETTER_RETURNED, required(comment, "Укажите, что нужно исправить."), actor, at,
                    TransferStatus.RETURNED_FOR_CORRECTION);
            case REJECT -> record(Step.LETTER_REJECTED, required(comment, "Укажите причину отклонения."), actor, at,
                    TransferStatus.LETTER_REVIEW);
        }
    }

    void correct(TransferLetter corrected, String actor, Instant at) {
        expect(TransferStatus.RETURNED_FOR_CORRECTION);
        apply(corrected);
        record(Step.CORRECTED, null, actor, at, TransferStatus.LETTER_REVIEW);
    }

    void answerAsCurrentPartner(PartnerAnswer answer, String comment, String actor, Instant at) {
        expect(TransferStatus.AWAITING_CURRENT_PARTNER);
        expectLastStep(Step.LETTER_FORWARDED);
        if (answer == PartnerAnswer.AGREE) {
            refuseIfSubscriberClosed("Согласиться нельзя: возразите, и фирма отклонит запрос.");
        }
        switch (answer) {
            case AGREE -> record(Step.PARTNER_AGREED, comment, actor, at, TransferStatus.AWAITING_CURRENT_PARTNER);
            case OBJECT -> record(Step.PARTNER_OBJECTED, required(comment, "Укажите причину возражения."), actor, at,
                    TransferStatus.VENDOR_DECISION);
        }
    }

    void noAnswerFromCurrentPartner(Instant at) {
        expect(TransferStatus.AWAITING_CURRENT_PARTNER);
        expectLastStep(Step.LETTER_FORWARDED);
        record(Step.PARTNER_SILENT, null, "system", at, TransferStatus.VENDOR_DECISION);
    }

    void decideAsVendor(VendorDecision decision, String comment, String actor, Instant at) {
        expect(TransferStatus.VENDOR_DECISION);
        expectLastStep(Step.PARTNER_OBJECTED, Step.PARTNER_SILENT);
        if (decision == VendorDecision.APPROVE) {
            refuseIfSubscriberClosed("Запрос можно только отклонить.");
        }
        switch (decision) {
            case APPROVE -> record(Step.VENDOR_APPROVED, comment, actor, at, TransferStatus.VENDOR_DECISION);
            case REJECT -> record(Step.VENDOR_REJECTED, required(comment, "Укажите причину отклонения."), actor, at,
                    TransferStatus.VENDOR_DECISION);
        }
    }

    /** A subscriber closed (INACTIVE) while the request was open cannot move: agreeing to it is refused, not failed. */
    private void refuseIfSubscriberClosed(String whatToDo) {
        if (subscriber.getStatus() == SubscriberStatus.INACTIVE) {
            throw com.partnerflow.system.BusinessRuleViolation.invalid("Абонент " + subscriber.getNumber()
                    + " неактивен: перевести его нельзя. " + whatToDo);
        }
    }

    /** Re-assigns the subscriber to the new partner; allowed once the current partner or the vendor agreed. */
    void approve(Instant at) {
        expect(TransferStatus.AWAITING_CURRENT_PARTNER, TransferStatus.VENDOR_DECISION);
        expectLastStep(Step.PARTNER_AGREED, Step.VENDOR_APPROVED);
        if (!subscriber.getPartner().getId().equals(fromPartner.getId())) {
            throw com.partnerflow.system.BusinessRuleViolation.conflict("Абонента " + subscriber.getNumber()
                    + " обслуживает уже не тот партнер, что при подаче запроса: запрос устарел.");
        }
        subscriber.transferTo(toPartner, id, at);
        record(Step.SUBSCRIBER_TRANSFERRED, null, "system", at, TransferStatus.APPROVED);
        openSubscriberId = null;
    }

    /** Closes the request after a rejection by vendor staff; the reason is the rejecting decision's comment. */
    void reject(Instant at) {
        expect(TransferStatus.LETTER_REVIEW, TransferStatus.VENDOR_DECISION);
        expectLastStep(Step.LETTER_REJECTED, Step.VENDOR_REJECTED);
        record(Step.CLOSED_REJECTED, rejectionReason(), "system", at, TransferStatus.REJECTED);
        openSubscriberId = null;
    }

    /**
     * The submitting partner takes its request back, at any step before a decision: so a request it abandons never
     * holds the subscriber's one open slot for good.
     */
    void withdraw(String actor, Instant at) {
        expect(TransferStatus.LETTER_REVIEW, TransferStatus.RETURNED_FOR_CORRECTION, TransferStatus.AWAITING_CURRENT_PARTNER,
                TransferStatus.VENDOR_DECISION);
        expectLastStep(Step.SUBMITTED, Step.CORRECTED, Step.LETTER_RETURNED, Step.LETTER_FORWARDED, Step.PARTNER_OBJECTED,
                Step.PARTNER_SILENT);
        record(Step.WITHDRAWN, null, actor, at, TransferStatus.WITHDRAWN);
        openSubscriberId = null;
    }

    /** Closes a request returned for correction that its partner did not correct in time. */
    void closeUncorrected(Instant at) {
        expect(TransferStatus.RETURNED_FOR_CORRECTION);
        record(Step.CORRECTION_OVERDUE, null, "system", at, TransferStatus.EXPIRED);
        openSubscriberId = null;
    }

    /** Whether the request still holds its subscriber's open slot: not decided, withdrawn or closed yet. */
    public boolean isOpen() {
        return openSubscriberId != null;
    }

    /** Whether the current partner was asked for its agreement: then it learns of a withdrawal. */
    public boolean reachedTheCurrentPartner() {
        return history.stream().anyMatch(event -> event.step() == Step.LETTER_FORWARDED);
    }

    /** The last thing that happened to the request: the decision a gateway of the model routes on. */
    public Step lastStep() {
        return history.get(history.size() - 1).step();
    }

    /** The reason given by whoever rejected the request, for the submitter's notification. */
    public String rejectionReason() {
        for (int i = history.size() - 1; i >= 0; i--) {
            TransferEvent event = history.get(i);
            if (event.step() == Step.LETTER_REJECTED || event.step() == Step.VENDOR_REJECTED) {
                return event.comment();
            }
        }
        return null;
    }

    /** Whether a user of the given partner may see this request: the new and the current partner may. */
    public boolean involves(Partner partner) {
        return Set.of(fromPartner.getId(), toPartner.getId()).contains(partner.getId());
    }

    private void apply(TransferLetter letter) {
        this.subscriberNameInLetter = letter.subscriberName();
        this.requestedPartnerName = letter.requestedPartner().name();
        this.requestedPartnerCode = letter.requestedPartner().code();
        this.reason = letter.reason();
        this.letterDate = letter.letterDate();
        this.letter = letter.document();
    }

    private void record(Step step, String comment, String actor, Instant at, TransferStatus next) {
        history.add(new TransferEvent(step, comment, actor, at));
        this.status = next;
        this.updatedAt = at;
    }

    /** Each decision answers the step that asked for it, once: a second answer to the same question fails. */
    private void expectLastStep(Step... allowed) {
        Step last = history.get(history.size() - 1).step();
        if (!List.of(allowed).contains(last)) {
            throw new IllegalStateException("Transfer " + id + " last did " + last + ", expected one of " + List.of(allowed));
        }
    }

    private void expect(TransferStatus... allowed) {
        for (TransferStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new IllegalStateException("Transfer " + id + " is " + status + ", expected one of " + List.of(allowed));
    }

    private static String required(String comment, String message) {
        if (comment == null || comment.isBlank()) {
            throw com.partnerflow.system.BusinessRuleViolation.invalid(message);
        }
        return comment.strip();
    }

    public Long getId() {
        return id;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public Partner getFromPartner() {
        return fromPartner;
    }

    public Partner getToPartner() {
        return toPartner;
    }

    public String getSubscriberNameInLetter() {
        return subscriberNameInLetter;
    }

    /** The partner the letter asks to move to, or empty on a request submitted before it was asked for. */
    Optional<RequestedPartner> getRequestedPartner() {
        return Optional.ofNullable(requestedPartnerName).map(name -> new RequestedPartner(name, requestedPartnerCode));
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getLetterDate() {
        return letterDate;
    }

    public StoredDocument getLetter() {
        return letter;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public TransferStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<TransferEvent> getHistory() {
        return Collections.unmodifiableList(history);
    }
}
