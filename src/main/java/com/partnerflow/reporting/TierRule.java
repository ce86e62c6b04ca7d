package com.partnerflow.reporting;

import com.partnerflow.subscriber.MultiUserTier;

/** The outcomes of the decision table {@code reporting-extension-tier} ({@code processes/reporting-extension-tier.dmn}). */
public enum TierRule {
    /** Multi-user mode not requested: no tier. */
    NONE(null),
    /** Multi-user mode requested for fewer than two users: the application is refused. */
    TOO_FEW_USERS(null),
    TWO_TO_NINE(MultiUserTier.TWO_TO_NINE),
    TEN_OR_MORE(MultiUserTier.TEN_OR_MORE);

    private final MultiUserTier tier;

    TierRule(MultiUserTier tier) {
        this.tier = tier;
    }

    MultiUserTier tier() {
        return tier;
    }
}
