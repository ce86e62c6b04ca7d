package com.partnerflow.developer;

import java.time.Instant;

/** The filters of {@code GET /api/developer-authorizations} (ADR 0044), each null when not asked for. */
record AuthorizationFilter(AuthorizationStatus status, String partner, String developer, Instant updatedSince) {
}
