package com.partnerflow.partner;

import java.time.Instant;

/** The filters of {@code GET /api/profile-changes} (ADR 0044), each null when not asked for. */
record ProfileChangeFilter(ProfileChangeStatus status, String partner, Instant updatedSince) {
}
