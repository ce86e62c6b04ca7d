package com.partnerflow.transfer;

import java.time.Instant;

/**
 * The filters of {@code GET /api/transfers}, each optional: a status, a subscriber's number, and "changed since" for a
 * CRM that polls. What the caller may see is never a filter: the service adds it.
 */
record TransferFilter(TransferStatus status, String subscriber, Instant updatedSince) {

    static final TransferFilter NONE = new TransferFilter(null, null, null);
}
