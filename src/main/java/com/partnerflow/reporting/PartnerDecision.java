package com.partnerflow.reporting;

import java.util.List;

import com.partnerflow.subscriber.MultiUserTier;

/**
 * The servicing partner's form, unchecked. {@code usersAsSent} is the users list as the form (or a
 * REST client) sent it, {@code null} when not sent: the partner may not change it.
 */
public record PartnerDecision(ApplicationDecision decision, boolean multiUserMode, MultiUserTier tier,
                              String rejectionReason, List<PlannedUser> usersAsSent) {
}
