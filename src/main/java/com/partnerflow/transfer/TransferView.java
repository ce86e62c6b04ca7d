package com.partnerflow.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A transfer request as the API shows it to the partners involved and to vendor staff. {@code requestedPartner} is the
 * partner the letter asks to move to, as the letter names it ({@code code} null when the letter gives none; the whole of
 * it null on requests submitted before it was asked for).
 */
record TransferView(long id, TransferStatus status, SubscriberRef subscriber, PartnerRef fromPartner,
                    PartnerRef toPartner, String subscriberNameInLetter, PartnerRef requestedPartner, String reason, LocalDate letterDate,
                    LetterRef letter, String submittedBy, Instant createdAt, Instant updatedAt,
                    List<EventView> history) {

    record SubscriberRef(String number, String name) {
    }

    record PartnerRef(String code, String name) {
    }

    record LetterRef(String fileName, String mediaType, long size, String sha256, String href) {
    }

    record EventView(TransferEvent.Step step, String label, String comment, String actor, Instant at) {
    }

    static TransferView of(TransferRequest t) {
        return new TransferView(t.getId(), t.getStatus(),
                new SubscriberRef(t.getSubscriber().getNumber(), t.getSubscriber().getName()),
                new PartnerRef(t.getFromPartner().getCode(), t.getFromPartner().getName()),
                new PartnerRef(t.getToPartner().getCode(), t.getToPartner().getName()),
                t.getSubscriberNameInLetter(),
                t.getRequestedPartner().map(requested -> new PartnerRef(requested.code(), requested.name())).orElse(null),
                t.getReason(), t.getLetterDate(),
                new LetterRef(t.getLetter().getFileName(), t.getLetter().getMediaType(), t.getLetter().getSize(),
                        t.getLetter().getSha256(), "/api/transfers/" + t.getId() + "/letter"),
                t.getSubmittedBy(), t.getCreatedAt(), t.getUpdatedAt(),
                t.getHistory().stream()
                        .map(e -> new EventView(e.step(), e.step().label(), e.comment(), e.actor(), e.occurredAt()))
                        .toList());
    }
}
