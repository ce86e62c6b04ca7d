package com.partnerflow.moderation;

import java.time.Instant;

/** The filters of {@code GET /api/configurations} (ADR 0044), each null (false) when not asked for. */
record ConfigurationFilter(boolean own, ConfigurationStatus status, Long account, Instant updatedSince) {
}
