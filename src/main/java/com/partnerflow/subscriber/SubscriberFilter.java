package com.partnerflow.subscriber;

/**
 * The filters of {@code GET /api/subscribers}, each optional: a status (seed 003), a search in the number and the INN (from their
 * start) and the name (anywhere, any case), and {@code own}: only the organizations the caller acts for as a client
 * user. What the caller may see is never a filter: the service adds it.
 */
public record SubscriberFilter(SubscriberStatus status, String search, boolean own) {
}
